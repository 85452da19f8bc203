import { utilityProcess, type UtilityProcess } from 'electron';
import type { EngineToHost, HostToEngine } from '../engine/host-protocol.js';

export interface EngineHost {
  send(message: HostToEngine): void;
  onRpc(listener: (message: unknown) => void): void;
  /** The absolute path of a voicemail's audio, undefined when there is none. */
  voicemailFile(id: string): Promise<string | undefined>;
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
  const fileRequests = new Map<number, (file: string | undefined) => void>();
  let nextRequestId = 1;
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
        case 'voicemailFile':
          fileRequests.get(message.requestId)?.(message.file ?? undefined);
          fileRequests.delete(message.requestId);
          return;
      }
    });
    child.once('exit', (code) => reject(new Error(`The engine exited with code ${code}`)));
    const host: EngineHost = {
      send: (message) => child.postMessage(message),
      onRpc: (listener) => rpcListeners.add(listener),
      voicemailFile: (id) =>
        new Promise((answer) => {
          const requestId = nextRequestId++;
          fileRequests.set(requestId, answer);
          child.postMessage({ kind: 'voicemailFile', requestId, id } satisfies HostToEngine);
        }),
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
