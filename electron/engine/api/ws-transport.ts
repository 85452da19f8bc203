import type { WebSocket } from 'ws';
import type { Transport } from '../../../shared/rpc/transport.js';
import type { ServerMessage } from '../../../shared/rpc/wire.js';

/** Largest frame a client may send; requests are small, anything bigger is abuse. */
export const MAX_FRAME_BYTES = 1 << 20;

/** One WebSocket client as an RPC transport: JSON text frames both ways. */
export function webSocketTransport(socket: WebSocket): Transport<ServerMessage> {
  return {
    send(message) {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    },
    onMessage(listener) {
      const handler = (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void => {
        if (isBinary) {
          listener(undefined);
          return;
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
        } catch {
          parsed = undefined;
        }
        listener(parsed);
      };
      socket.on('message', handler);
      return () => socket.off('message', handler);
    },
    onClose(listener) {
      socket.once('close', listener);
      return () => socket.off('close', listener);
    },
  };
}
