import type { Calendar } from '../../../../shared/workflow/calendar.js';
import type { EditorStore } from '../editor/editor-store.js';

/**
 * Replaces the workflow's calendars as one undoable, autosaved edit. The store offers no calendar
 * edit of its own, so this records the edit through `setTrigger` (the trigger unchanged: that
 * pushes the definition as it was onto the undo history and schedules the save) and lets the new
 * calendars ride on it; undo then takes them back with it.
 */
export function setCalendars(store: EditorStore, calendars: Calendar[]): void {
  const { definition, setTrigger } = store.getState();
  setTrigger(definition.trigger);
  store.setState((state) => ({ definition: { ...state.definition, calendars } }));
}
