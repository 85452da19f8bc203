import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useT } from '../../../i18n/use-t.js';
import { clipboardText, copySteps, readClipboardText, type StepClipboard } from './clipboard.js';
import type { EditorStore } from './editor-store.js';

/**
 * The last steps copied, for when the system clipboard gives nothing back. Module-wide so that
 * it outlives one editor: steps copied in one workflow paste into another.
 */
let lastCopied: StepClipboard | null = null;

/** Typing there means text: the shortcuts leave it to the field (the inspector's, the name). */
function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/**
 * A letter shortcut's letter by the key's label, or by its place on a US keyboard when the
 * label is no Latin letter (Ctrl+Z with the Korean input method on gives "ㅋ").
 */
function shortcutLetter(event: KeyboardEvent): string {
  return /^[a-z]$/i.test(event.key) ? event.key.toLowerCase() : event.code.replace(/^Key/, '').toLowerCase();
}

/**
 * The editor's keyboard: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo, Ctrl/Cmd+A select
 * every step, Ctrl/Cmd+C, X, V copy, cut and paste steps through the system clipboard (as
 * text, so between workflows too), Ctrl/Cmd+D duplicate, and "/" the quick add. Delete and the
 * arrow keys are React Flow's. None of them act while the focus is in a text field.
 *
 * Copy and paste listen to the clipboard events rather than to the keys: those carry the
 * clipboard's data without asking for a permission (the desktop app grants none for reading
 * it), and they also come from the Edit menu.
 */
export function useEditorShortcuts(
  store: EditorStore,
  { onQuickAdd, onMessage }: { onQuickAdd: () => void; onMessage: (text: string) => void },
): void {
  const t = useT();
  const flow = useReactFlow();

  useEffect(() => {
    let pointer: { x: number; y: number } | undefined;
    const trackPointer = (event: PointerEvent) => {
      pointer = { x: event.clientX, y: event.clientY };
    };
    /** Where the mouse is on the canvas, in canvas coordinates: pastes go there. */
    const pointerOnCanvas = () => {
      const box = document.querySelector('.canvas')?.getBoundingClientRect();
      if (!pointer || !box) return undefined;
      const inside =
        pointer.x >= box.left && pointer.x <= box.right && pointer.y >= box.top && pointer.y <= box.bottom;
      return inside ? flow.screenToFlowPosition(pointer) : undefined;
    };
    const selection = () => copySteps(store.getState().definition, store.getState().selected);

    const copy = (event: ClipboardEvent) => {
      // Selected text on the page (a problem's wording) is copied as text.
      if (isTextField(event.target) || !(window.getSelection()?.isCollapsed ?? true)) return;
      const clip = selection();
      if (!clip) return;
      event.preventDefault();
      event.clipboardData?.setData('text/plain', clipboardText(clip));
      lastCopied = clip;
      onMessage(t('editor.copied', { count: clip.steps.length }));
      if (event.type === 'cut') store.getState().removeSteps(clip.steps.map((step) => step.id));
    };
    const paste = (event: ClipboardEvent) => {
      if (isTextField(event.target)) return;
      event.preventDefault();
      const text = event.clipboardData?.getData('text/plain') ?? '';
      const clip = text === '' ? lastCopied : readClipboardText(text);
      if (clip) store.getState().paste(clip, pointerOnCanvas());
      else onMessage(t('editor.nothingToPaste'));
    };
    const keys = (event: KeyboardEvent) => {
      if (isTextField(event.target) || event.altKey) return;
      const state = store.getState();
      if (!(event.ctrlKey || event.metaKey)) {
        if (event.key !== '/') return;
        onQuickAdd();
      } else {
        const letter = shortcutLetter(event);
        if ((letter === 'z' && event.shiftKey) || (letter === 'y' && !event.shiftKey)) state.redo();
        else if (letter === 'z') state.undo();
        else if (letter === 'a') state.select(state.definition.steps.map((step) => step.id));
        else if (letter === 'd') {
          const clip = selection();
          if (clip) state.paste(clip);
        } else return;
      }
      event.preventDefault();
    };

    window.addEventListener('pointermove', trackPointer);
    document.addEventListener('copy', copy);
    document.addEventListener('cut', copy);
    document.addEventListener('paste', paste);
    window.addEventListener('keydown', keys);
    return () => {
      window.removeEventListener('pointermove', trackPointer);
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', copy);
      document.removeEventListener('paste', paste);
      window.removeEventListener('keydown', keys);
    };
  }, [store, flow, t, onQuickAdd, onMessage]);
}
