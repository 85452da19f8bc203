import { ipcMain, type BrowserWindow, type IpcMainEvent } from 'electron';
import { RPC_CHANNEL, requestMessageSchema } from '../../shared/rpc/wire.js';
import type { EngineHost } from './engine-host.js';

/**
 * Relays RPC frames between the window and the engine on one fixed channel. Frames from any
 * other sender (a sub-frame, a foreign page) are dropped; the engine validates params itself.
 */
export function bridgeRpc(window: BrowserWindow, engine: EngineHost): void {
  ipcMain.on(RPC_CHANNEL, (event: IpcMainEvent, message: unknown) => {
    if (event.sender !== window.webContents || event.senderFrame !== window.webContents.mainFrame) return;
    if (!requestMessageSchema.safeParse(message).success) return;
    engine.send({ kind: 'rpc', message });
  });
  engine.onRpc((message) => {
    if (!window.isDestroyed()) window.webContents.send(RPC_CHANNEL, message);
  });
}
