import type { SimulationStateShape } from '../../../../shared/domain/workflows.js';
import { TRIGGER, type WorkflowDefinition } from '../../../../shared/workflow/workflow.js';
import type { CanvasDecorations, DecorationTone } from '../editor/canvas-decorations.js';

/**
 * A test call drawn on the canvas: every step it went through and the edges between them
 * 'visited', the step it is in now 'current' (none once the call has ended). Steps the call ran
 * that the draft no longer has (edited away, or a queue's workflow) are left out.
 */
export function simulationDecorations(
  state: Pick<SimulationStateShape, 'stepId' | 'path' | 'result'>,
  definition: Pick<WorkflowDefinition, 'steps' | 'edges'>,
): CanvasDecorations {
  const known = new Set(definition.steps.map((step) => step.id));
  const path = state.path.filter((id) => known.has(id));
  const steps: Record<string, { tone: DecorationTone }> = {};
  const edges: Record<number, { tone: DecorationTone }> = {};
  if (path.length > 0) steps[TRIGGER] = { tone: 'visited' };
  for (const id of path) steps[id] = { tone: 'visited' };
  const current = state.result === null ? state.stepId : null;
  if (current !== null && known.has(current)) steps[current] = { tone: 'current' };

  // Each hop of the path, from the trigger on; two exits to the same step (invalid, timeout)
  // cannot be told apart here, so both are marked.
  const hops = new Set<string>();
  [TRIGGER, ...path].forEach((from, index, all) => {
    const to = all[index + 1];
    if (to !== undefined) hops.add(`${from}\n${to}`);
  });
  definition.edges.forEach((edge, index) => {
    if (hops.has(`${edge.source}\n${edge.target}`)) edges[index] = { tone: 'visited' };
  });
  return { steps, edges };
}
