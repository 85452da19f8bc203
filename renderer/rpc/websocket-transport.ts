import { RpcError } from '../../shared/rpc/errors.js';
import type { Transport } from '../../shared/rpc/transport.js';
import type { RequestMessage } from '../../shared/rpc/wire.js';
import type { TransportFactory } from './connection.js';

/**
 * The headless engine's pipe: JSON text frames over a browser WebSocket. Frames sent before the
 * socket opens are queued; `ready` rejects if it closes before opening (engine not running).
 */
export function webSocketTransportFactory(url: () => string): TransportFactory {
  return () => {
    const socket = new WebSocket(url());
    const queue: string[] = [];
    socket.addEventListener('open', () => {
      for (const frame of queue.splice(0)) socket.send(frame);
    });
    const ready = new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener(
        'close',
        () => reject(new RpcError('UNAVAILABLE', 'Could not connect to the engine')),
        { once: true },
      );
    });
    // The close is reported through onClose as well; this only keeps the rejection handled.
    ready.catch(() => undefined);

    const transport: Transport<RequestMessage> = {
      send(message) {
        const frame = JSON.stringify(message);
        if (socket.readyState === WebSocket.OPEN) socket.send(frame);
        else if (socket.readyState === WebSocket.CONNECTING) queue.push(frame);
      },
      onMessage(listener) {
        const handler = (event: MessageEvent): void => {
          if (typeof event.data !== 'string') {
            listener(undefined);
            return;
          }
          let parsed: unknown;
          try {
            parsed = JSON.parse(event.data);
          } catch {
            parsed = undefined;
          }
          listener(parsed);
        };
        socket.addEventListener('message', handler);
        return () => socket.removeEventListener('message', handler);
      },
      onClose(listener) {
        const handler = (): void => listener();
        socket.addEventListener('close', handler, { once: true });
        return () => socket.removeEventListener('close', handler);
      },
    };
    return {
      transport,
      ready,
      close: () => {
        if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) {
          socket.close(1000, 'Client closed');
        }
      },
    };
  };
}
