import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import type { StepKind } from '../../../../shared/workflow/steps.js';
import { useT } from '../../../i18n/use-t.js';
import { FALLBACK_SIZE } from './auto-layout.js';
import type { EditorStore } from './editor-store.js';
import { firstOpenExit } from './open-exit.js';

/** Room between a step and one added after it, as tidyPositions leaves between layers. */
const GAP = 80;

/**
 * Adds a step of a kind, named after it in the manager's language, and brings it into view.
 * With `after` (a step with an exit still open) it goes to that step's right, connected from
 * it; otherwise in the middle of what the canvas shows. The store moves it off other steps.
 */
export function useAddStep(store: EditorStore): (kind: StepKind, after?: string) => string {
  const t = useT();
  const flow = useReactFlow();
  return useCallback(
    (kind, after) => {
      const source = after === undefined ? undefined : flow.getInternalNode(after);
      const from =
        source && firstOpenExit(store.getState().definition, source.id) !== undefined ? source : undefined;
      const box = document.querySelector('.canvas')?.getBoundingClientRect();
      const wanted = from
        ? { x: from.position.x + (from.measured.width ?? FALLBACK_SIZE.width) + GAP, y: from.position.y }
        : flow.screenToFlowPosition({
            x: box ? box.left + box.width / 2 : 0,
            y: box ? box.top + box.height / 2 : 0,
          });
      const id = store.getState().addStep(kind, wanted, t(`step.${kind}`), from?.id);
      const placed = store.getState().definition.steps.find((step) => step.id === id)?.position ?? wanted;
      void flow.setCenter(placed.x + 100, placed.y + 50, { zoom: flow.getZoom() });
      return id;
    },
    [store, flow, t],
  );
}
