import type { EditorStore } from '../editor/editor-store.js';

/** Versions, diff and rollback: built by the versions work; nothing yet. */
export function VersionsDrawer(_props: { store: EditorStore; onClose(): void }) {
  return null;
}
