import type { StateCreator } from 'zustand';
import type { EngineStatus } from '../../../shared/domain/engine-status.js';
import type { AppState } from '../app-store.js';

export interface EngineSlice {
  /** From `system.status` at each connection, then every `engine.statusChanged`. */
  engineStatus: EngineStatus | null;
  engineVersion: string | null;
  loadEngineStatus(): Promise<void>;
  setEngineStatus(status: EngineStatus): void;
}

export const createEngineSlice: StateCreator<AppState, [], [], EngineSlice> = (set, get) => ({
  engineStatus: null,
  engineVersion: null,
  loadEngineStatus: async () => {
    const status = await get().api.call('system.status');
    set({ engineStatus: status.engine, engineVersion: status.version });
  },
  setEngineStatus: (engineStatus) => set({ engineStatus }),
});
