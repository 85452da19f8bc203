// Sandboxed preloads cannot load other files, so the channel name is repeated here; a unit
// test keeps it equal to RPC_CHANNEL in shared/rpc/wire.ts.
import electron = require('electron');

const { contextBridge, ipcRenderer } = electron;
type IpcRendererEvent = electron.IpcRendererEvent;

const RPC_CHANNEL = 'switchboard:rpc';

/**
 * The whole surface the page gets: one message pipe to the engine. Never ipcRenderer itself
 * (Electron's context isolation guide: it would let the page send on any channel).
 */
contextBridge.exposeInMainWorld('switchboard', {
  send(message: unknown): void {
    ipcRenderer.send(RPC_CHANNEL, message);
  },
  onMessage(listener: (message: unknown) => void): () => void {
    const handler = (_event: IpcRendererEvent, message: unknown): void => listener(message);
    ipcRenderer.on(RPC_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(RPC_CHANNEL, handler);
    };
  },
});
