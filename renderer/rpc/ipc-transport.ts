import type { Transport } from '../../shared/rpc/transport.js';
import type { RequestMessage } from '../../shared/rpc/wire.js';
import type { TransportFactory } from './connection.js';

/**
 * The desktop app's pipe: the preload's `window.switchboard`. It lives as long as the window,
 * so it never reports a close; the engine host answers UNAVAILABLE while the engine restarts.
 */
export function ipcTransportFactory(bridge: SwitchboardBridge): TransportFactory {
  return () => {
    const transport: Transport<RequestMessage> = {
      send: (message) => bridge.send(message),
      onMessage: (listener) => bridge.onMessage(listener),
      onClose: () => () => undefined,
    };
    return { transport, ready: Promise.resolve(), close: () => undefined };
  };
}
