import type { Transport } from '../../shared/rpc/transport.js';
import type { RequestMessage, ServerMessage } from '../../shared/rpc/wire.js';

/**
 * A client/server pipe in memory. Messages go through a JSON round trip, as on the wire, so
 * nothing that cannot be serialised slips through a test.
 */
export function memoryTransportPair(): {
  client: Transport<RequestMessage>;
  server: Transport<ServerMessage> & { inject(raw: unknown): void };
  close(): void;
} {
  const toServer = new Set<(m: unknown) => void>();
  const toClient = new Set<(m: unknown) => void>();
  const closeListeners = new Set<() => void>();
  const deliver = (listeners: Set<(m: unknown) => void>, message: unknown): void => {
    const copy: unknown = JSON.parse(JSON.stringify(message));
    queueMicrotask(() => listeners.forEach((l) => l(copy)));
  };
  const side = <Out>(out: Set<(m: unknown) => void>, inbox: Set<(m: unknown) => void>): Transport<Out> => ({
    send: (message) => deliver(out, message),
    onMessage(listener) {
      inbox.add(listener);
      return () => inbox.delete(listener);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
  });
  return {
    client: side<RequestMessage>(toServer, toClient),
    server: { ...side<ServerMessage>(toClient, toServer), inject: (raw) => toServer.forEach((l) => l(raw)) },
    close: () => closeListeners.forEach((l) => l()),
  };
}
