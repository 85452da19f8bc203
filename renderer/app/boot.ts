import { RpcError } from '../../shared/rpc/errors.js';
import { createConnection, type TransportFactory } from '../rpc/connection.js';
import { ipcTransportFactory } from '../rpc/ipc-transport.js';
import { desktopMediaUrl, engineMediaUrl, type MediaUrl } from '../rpc/media-url.js';
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

/** Lines and settings are the office's: an agent's app is refused them, and works without. */
function officeOnly(load: Promise<void>): Promise<void> {
  return load.catch((error: unknown) => {
    if (!(error instanceof RpcError && error.code === 'UNAUTHORIZED')) throw error;
  });
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
  let mediaUrl: MediaUrl;
  if (window.switchboard) {
    open = ipcTransportFactory(window.switchboard);
    mediaUrl = desktopMediaUrl;
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
    mediaUrl = engineMediaUrl(window.location.origin, token);
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
      const { loadEngineStatus, loadLines, loadSettings, loadInboxUnread } = useAppStore.getState();
      await Promise.all([
        loadEngineStatus(),
        officeOnly(loadLines()),
        officeOnly(loadSettings()),
        loadInboxUnread(),
      ]);
    },
  });
  connection.on('engine.statusChanged', (status) => useAppStore.getState().setEngineStatus(status));
  connection.on('voicemails.changed', (voicemail) => useAppStore.getState().noteVoicemail(voicemail));
  connection.on('callbacks.changed', (callback) => useAppStore.getState().noteCallback(callback));
  store.setApi(connection, mediaUrl);
}
