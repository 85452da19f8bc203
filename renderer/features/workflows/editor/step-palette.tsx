import { useT } from '../../../i18n/use-t.js';
import type { EditorStore } from './editor-store.js';
import { paletteKinds } from './new-step.js';
import { useAddStep } from './use-add-step.js';
import { STEP_KIND_MIME } from './workflow-canvas.js';

/**
 * Step kinds to add: drag one onto the canvas, or click (or press Enter on) one to add it in
 * the middle of the view, selected for the inspector. On top, the quick add (also on "/").
 */
export function StepPalette({ store, onQuickAdd }: { store: EditorStore; onQuickAdd: () => void }) {
  const t = useT();
  const addStep = useAddStep(store);
  return (
    <nav className="palette" aria-label={t('editor.palette')}>
      <h2>{t('editor.palette')}</h2>
      <button
        type="button"
        className="palette-find"
        title={t('editor.quickAddHint')}
        aria-keyshortcuts="/"
        onClick={onQuickAdd}
      >
        <span>{t('editor.quickAdd')}</span>
        <kbd aria-hidden="true">/</kbd>
      </button>
      <ul>
        {paletteKinds.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className={`palette-item step-${kind}`}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.setData(STEP_KIND_MIME, kind);
                event.dataTransfer.effectAllowed = 'move';
              }}
              onClick={() => addStep(kind)}
            >
              {t(`step.${kind}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
