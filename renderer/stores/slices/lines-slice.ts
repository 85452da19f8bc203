import type { StateCreator } from 'zustand';
import type { Line, LineInput } from '../../../shared/domain/line.js';
import type { AppState } from '../app-store.js';

export interface LinesSlice {
  lines: Line[];
  linesLoaded: boolean;
  loadLines(): Promise<void>;
  /** Creates or updates (with `id`); rejects with the RpcError, e.g. INVALID_PARAMS. */
  saveLine(input: LineInput): Promise<Line>;
  removeLine(id: string): Promise<void>;
}

export const createLinesSlice: StateCreator<AppState, [], [], LinesSlice> = (set, get) => ({
  lines: [],
  linesLoaded: false,
  loadLines: async () => {
    const lines = await get().api.call('lines.list');
    set({ lines, linesLoaded: true });
  },
  saveLine: async (input) => {
    const saved = await get().api.call('lines.save', input);
    set((state) => ({
      lines: state.lines.some((line) => line.id === saved.id)
        ? state.lines.map((line) => (line.id === saved.id ? saved : line))
        : [...state.lines, saved],
    }));
    return saved;
  },
  removeLine: async (id) => {
    await get().api.call('lines.remove', { id });
    set((state) => ({ lines: state.lines.filter((line) => line.id !== id) }));
  },
});
