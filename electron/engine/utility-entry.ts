import type { Transport } from '../../shared/rpc/transport.js';
import type { ServerMessage } from '../../shared/rpc/wire.js';
import { createEngine, type Engine } from './engine.js';
import { hostToEngineSchema, type EngineToHost } from './host-protocol.js';
import { createStreamLogger } from './logger.js';
import { createAesGcmCipher } from './store/aes-gcm-cipher.js';
import { plainFileCipher } from './store/secret-store.js';

/**
 * Entry point inside Electron's utilityProcess. Electron adds `process.parentPort` there; it is
 * described structurally so that the engine never imports 'electron'.
 */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: EngineToHost): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('utility-entry runs only inside an Electron utility process');
const port: ParentPort = parentPort;

const logger = createStreamLogger((line) => process.stderr.write(line));
// A promise one call forgot to handle must not end every other call (Node 20 exits on it).
process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', { reason: String(reason) }));
const rpcListeners = new Set<(message: unknown) => void>();
let engine: Engine | undefined;

/** The desktop window's single RPC connection, carried by the parent port. */
const windowTransport: Transport<ServerMessage> = {
  send: (message) => port.postMessage({ kind: 'rpc', message }),
  onMessage(listener) {
    rpcListeners.add(listener);
    return () => rpcListeners.delete(listener);
  },
  onClose: () => () => undefined,
};

port.on('message', ({ data }) => {
  const parsed = hostToEngineSchema.safeParse(data);
  if (!parsed.success) {
    logger.warn('ignored a malformed message from the host');
    return;
  }
  const message = parsed.data;
  switch (message.kind) {
    case 'init':
      try {
        engine = createEngine({
          dataDir: message.dataDir,
          migrationsDir: message.migrationsDir,
          version: message.version,
          cipher: message.secretKey
            ? createAesGcmCipher(Buffer.from(message.secretKey, 'base64'))
            : plainFileCipher,
          logger,
        });
        engine.rpc.attach(windowTransport);
        port.postMessage({ kind: 'ready' });
      } catch (error) {
        port.postMessage({ kind: 'fatal', message: error instanceof Error ? error.message : String(error) });
      }
      return;
    case 'rpc':
      for (const listener of rpcListeners) listener(message.message);
      return;
    case 'voicemailFile':
      port.postMessage({
        kind: 'voicemailFile',
        requestId: message.requestId,
        file: engine?.voicemailFile(message.id) ?? null,
      });
      return;
    case 'shutdown':
      void (engine?.close() ?? Promise.resolve()).finally(() => process.exit(0));
      return;
  }
});
