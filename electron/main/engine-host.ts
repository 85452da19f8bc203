import { utilityProcess, type UtilityProcess } from 'electron';
import type { EngineToHost, HostToEngine } from '../engine/host-protocol.js';

export interface EngineHost {
  send(message: HostToEngine): void;
  onRpc(listener: (message: unknown) => void): void;
  stop(): Promise<void>;
}

/**
 * Runs the engine in a utilityProcess, so that SQLite writes and audio timing never block the
 * window or the main process.
 */
export function startEngineHost(
  entry: string,
  init: Extract<HostToEngine, { kind: 'init' }>,
): Promise<EngineHost> {
  const child: UtilityProcess = utilityProcess.fork(entry, [], { serviceName: 'Switchboard engine' });
  const rpcListeners = new Set<(message: unknown) => void>();
  return new Promise((resolve, reject) => {
    child.on('message', (message: EngineToHost) => {
      switch (message.kind) {
        case 'ready':
          resolve(host);
          return;
        case 'fatal':
          reject(new Error(message.message));
          return;
        case 'rpc':
          for (const listener of rpcListeners) listener(message.message);
          return;
      }
    });
    child.once('exit', (code) => reject(new Error(`The engine exited with code ${code}`)));
    const host: EngineHost = {
      send: (message) => child.postMessage(message),
      onRpc: (listener) => rpcListeners.add(listener),
      stop: () =>
        new Promise<void>((done) => {
          child.once('exit', () => done());
          child.postMessage({ kind: 'shutdown' } satisfies HostToEngine);
          setTimeout(() => child.kill(), 5000).unref();
        }),
    };
    child.postMessage(init);
  });
}
