import { createConnection, type TransportFactory } from '../rpc/connection.js';
import { ipcTransportFactory } from '../rpc/ipc-transport.js';
import { forgetToken, takeToken, tokenFromFragment } from '../rpc/token.js';
import { webSocketTransportFactory } from '../rpc/websocket-transport.js';
import { rpcWebSocketUrl } from '../rpc/websocket-url.js';
import { useAppStore } from '../stores/app-store.js';

function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * Picks the transport and connects: the preload's IPC pipe in the desktop app, else the
 * WebSocket of the engine that served this page, with the token from the link. Runs before the
 * router exists, so the `#token=` fragment is gone before anything reads the hash.
 */
export function boot(): void {
  const store = useAppStore.getState();
  const storage = sessionStorageOrUndefined();
  let open: TransportFactory;
  if (window.switchboard) {
    open = ipcTransportFactory(window.switchboard);
  } else {
    // A link pasted into an open tab only changes the fragment; start over to take its token.
    window.addEventListener('hashchange', () => {
      if (tokenFromFragment(window.location.hash) !== undefined) window.location.reload();
    });
    const token = takeToken({ location: window.location, history: window.history, storage });
    if (token === undefined) {
      store.setConnection('no-token');
      return;
    }
    open = webSocketTransportFactory(() => rpcWebSocketUrl(window.location, token));
  }

  const connection = createConnection({
    open,
    onStateChange: (state) => {
      if (state === 'unauthorized') forgetToken(storage);
      useAppStore.getState().setConnection(state);
    },
    // Everything the UI shows is fetched again after each reconnect: the engine may have
    // restarted with other lines or settings.
    onConnected: async () => {
      const { loadEngineStatus, loadLines, loadSettings } = useAppStore.getState();
      await Promise.all([loadEngineStatus(), loadLines(), loadSettings()]);
    },
  });
  connection.on('engine.statusChanged', (status) => useAppStore.getState().setEngineStatus(status));
  store.setApi(connection);
}
