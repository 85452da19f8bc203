import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RPC_CHANNEL } from '../../shared/rpc/wire.js';
import type { EngineHost } from './engine-host.js';

/**
 * The Electron binary cannot run here, so `electron` is replaced by the smallest stand-in that
 * lets the relay's own decisions be checked: which frames reach the engine, and which are dropped.
 */
const handlers = new Map<string, (event: unknown, message: unknown) => void>();
vi.mock('electron', () => ({
  ipcMain: {
    on: (channel: string, handler: (event: unknown, message: unknown) => void) =>
      handlers.set(channel, handler),
  },
}));

const { bridgeRpc } = await import('./ipc-bridge.js');

describe('IPC bridge between the window and the engine', () => {
  const mainFrame = { name: 'main' };
  const webContents = { mainFrame, send: vi.fn() };
  const window = { webContents, isDestroyed: () => false };
  const sent: unknown[] = [];
  let toWindow: (message: unknown) => void = () => undefined;
  const engine: EngineHost = {
    send: (message) => sent.push(message),
    onRpc: (listener) => (toWindow = listener),
    voicemailFile: async () => undefined,
    stop: async () => undefined,
  };
  const request = { t: 'req', id: 1, method: 'lines.list', params: {} };

  beforeEach(() => {
    handlers.clear();
    sent.length = 0;
    webContents.send.mockClear();
    bridgeRpc(window as never, engine);
  });

  it('relays requests from the main frame of our window, on the one channel', () => {
    handlers.get(RPC_CHANNEL)?.({ sender: webContents, senderFrame: mainFrame }, request);
    expect(sent).toEqual([{ kind: 'rpc', message: request }]);
    toWindow({ t: 'res', id: 1, result: [] });
    expect(webContents.send).toHaveBeenCalledWith(RPC_CHANNEL, { t: 'res', id: 1, result: [] });
    expect([...handlers.keys()]).toEqual([RPC_CHANNEL]);
  });

  it('drops frames from another web contents, a sub-frame, or not shaped as a request', () => {
    handlers.get(RPC_CHANNEL)?.({ sender: { mainFrame: {} }, senderFrame: {} }, request);
    handlers.get(RPC_CHANNEL)?.({ sender: webContents, senderFrame: { name: 'iframe' } }, request);
    handlers.get(RPC_CHANNEL)?.({ sender: webContents, senderFrame: mainFrame }, { kind: 'shutdown' });
    expect(sent).toEqual([]);
  });
});
