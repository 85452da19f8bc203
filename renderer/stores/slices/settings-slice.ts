import type { StateCreator } from 'zustand';
import type { Settings, SettingsPatch } from '../../../shared/domain/settings.js';
import type { AppState } from '../app-store.js';

export interface SettingsSlice {
  settings: Settings | null;
  loadSettings(): Promise<void>;
  /** Rejects with the RpcError, e.g. INVALID_PARAMS for an unknown time zone. */
  updateSettings(patch: SettingsPatch): Promise<Settings>;
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get) => ({
  settings: null,
  loadSettings: async () => {
    set({ settings: await get().api.call('settings.get') });
  },
  updateSettings: async (patch) => {
    const settings = await get().api.call('settings.update', patch);
    set({ settings });
    return settings;
  },
});
