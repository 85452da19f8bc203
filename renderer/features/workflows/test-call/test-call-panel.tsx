import type { EditorStore } from '../editor/editor-store.js';

/** The test call (simulator) panel: built by the test-call work; nothing yet. */
export function TestCallPanel(_props: { store: EditorStore; onClose(): void }) {
  return null;
}
