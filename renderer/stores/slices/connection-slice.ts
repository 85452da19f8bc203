import type { StateCreator } from 'zustand';
import type { ConnectionState as PipeState } from '../../rpc/connection.js';
import type { MediaUrl } from '../../rpc/media-url.js';
import { offlineApi, type Api } from '../api.js';
import type { AppState } from '../app-store.js';

/** The pipe's states, plus `no-token`: the page was opened without the engine's link. */
export type ConnectionState = PipeState | 'no-token';

export interface ConnectionSlice {
  connection: ConnectionState;
  /** True once the first connection succeeded; the app shell stays up while reconnecting. */
  hasConnected: boolean;
  api: Api;
  /** Where this page loads the engine's media (voicemail audio) from. */
  mediaUrl: MediaUrl;
  setConnection(state: ConnectionState): void;
  setApi(api: Api, mediaUrl: MediaUrl): void;
}

export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set) => ({
  connection: 'connecting',
  hasConnected: false,
  api: offlineApi,
  mediaUrl: (path) => path,
  setConnection: (connection) =>
    set((state) => ({ connection, hasConnected: state.hasConnected || connection === 'connected' })),
  setApi: (api, mediaUrl) => set({ api, mediaUrl }),
});
