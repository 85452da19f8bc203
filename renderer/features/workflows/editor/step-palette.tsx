import { useReactFlow } from '@xyflow/react';
import type { StepKind } from '../../../../shared/workflow/steps.js';
import { useT } from '../../../i18n/use-t.js';
import type { EditorStore } from './editor-store.js';
import { paletteKinds } from './new-step.js';
import { STEP_KIND_MIME } from './workflow-canvas.js';

/**
 * Step kinds to add: drag one onto the canvas, or click (or press Enter on) one to add it in
 * the middle of the view, selected for the inspector.
 */
export function StepPalette({ store }: { store: EditorStore }) {
  const t = useT();
  const flow = useReactFlow();
  const add = (kind: StepKind) => {
    // In the middle of what the canvas shows now (the store moves it off other steps).
    const box = document.querySelector('.canvas')?.getBoundingClientRect();
    const centre = flow.screenToFlowPosition({
      x: box ? box.left + box.width / 2 : 0,
      y: box ? box.top + box.height / 2 : 0,
    });
    const id = store.getState().addStep(kind, centre, t(`step.${kind}`));
    // It may have been moved off other steps: bring it into view.
    const placed = store.getState().definition.steps.find((step) => step.id === id)?.position ?? centre;
    void flow.setCenter(placed.x + 100, placed.y + 50, { zoom: flow.getZoom() });
  };
  return (
    <nav className="palette" aria-label={t('editor.palette')}>
      <h2>{t('editor.palette')}</h2>
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
              onClick={() => add(kind)}
            >
              {t(`step.${kind}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
