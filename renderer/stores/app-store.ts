import { create } from 'zustand';
import { createConnectionSlice, type ConnectionSlice } from './slices/connection-slice.js';
import { createEngineSlice, type EngineSlice } from './slices/engine-slice.js';
import { createInboxUnreadSlice, type InboxUnreadSlice } from './slices/inbox-unread-slice.js';
import { createLinesSlice, type LinesSlice } from './slices/lines-slice.js';
import { createLocaleSlice, type LocaleSlice } from './slices/locale-slice.js';
import { createSettingsSlice, type SettingsSlice } from './slices/settings-slice.js';
import { createWorkflowsSlice, type WorkflowsSlice } from './slices/workflows-slice.js';

export type AppState = ConnectionSlice &
  EngineSlice &
  LinesSlice &
  SettingsSlice &
  LocaleSlice &
  WorkflowsSlice &
  InboxUnreadSlice;

/** The one bound store of the renderer (zustand slices pattern). */
export const useAppStore = create<AppState>()((...a) => ({
  ...createConnectionSlice(...a),
  ...createEngineSlice(...a),
  ...createLinesSlice(...a),
  ...createSettingsSlice(...a),
  ...createLocaleSlice(...a),
  ...createWorkflowsSlice(...a),
  ...createInboxUnreadSlice(...a),
}));
