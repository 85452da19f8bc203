import type { StepAnalytics } from '../../../../shared/domain/workflows.js';
import { TRIGGER, type WorkflowDefinition } from '../../../../shared/workflow/workflow.js';
import type { CanvasDecorations, DecorationTone } from '../editor/canvas-decorations.js';

/** Edge widths in px: an unused edge is drawn thin, one every call took at the widest. */
export const MIN_EDGE_WIDTH = 1;
export const MAX_EDGE_WIDTH = 8;
/** Steps listed as the worst drop-offs (and drawn 'hot'). */
export const WORST_COUNT = 3;

/** A step where callers hung up, worst first. */
export interface DropOff {
  stepId: string;
  reached: number;
  dropped: number;
  /** dropped / reached, 0..1 (0 when never reached). */
  rate: number;
}

export interface AnalyticsView {
  decorations: CanvasDecorations;
  worst: DropOff[];
}

/**
 * Step analytics drawn on the canvas: each step's badge tells how many calls reached it and how
 * many were lost there (`badge` words it), the trigger's how many calls there were; each edge's
 * width grows with its share of the calls, from MIN_EDGE_WIDTH to MAX_EDGE_WIDTH; the steps
 * losing the most callers are 'hot'. Counts are matched to the draft's edges by (step, exit).
 */
export function analyticsView(
  stats: StepAnalytics,
  definition: Pick<WorkflowDefinition, 'steps' | 'edges'>,
  words: { badge(reached: number, dropped: number): string; calls(calls: number): string },
): AnalyticsView {
  const byStep = new Map(stats.steps.map((s) => [s.stepId, s]));
  const worst = definition.steps
    .flatMap((step): DropOff[] => {
      const s = byStep.get(step.id);
      if (!s || s.droppedHere === 0) return [];
      return [
        { stepId: step.id, reached: s.reached, dropped: s.droppedHere, rate: rate(s.droppedHere, s.reached) },
      ];
    })
    .sort((a, b) => b.dropped - a.dropped || b.rate - a.rate || (a.stepId < b.stepId ? -1 : 1))
    .slice(0, WORST_COUNT);
  const hot = new Set(worst.map((w) => w.stepId));

  const steps: Record<string, { tone?: DecorationTone; badge: string }> = {
    [TRIGGER]: { badge: words.calls(stats.calls) },
  };
  for (const step of definition.steps) {
    const s = byStep.get(step.id);
    steps[step.id] = {
      badge: words.badge(s?.reached ?? 0, s?.droppedHere ?? 0),
      ...(hot.has(step.id) && { tone: 'hot' as const }),
    };
  }

  const callsOn = new Map(stats.edges.map((e) => [`${e.source}\n${e.output}`, e.calls]));
  // The share is of all calls; with none (or stats whose counts exceed it), of the busiest edge.
  const busiest = Math.max(stats.calls, ...stats.edges.map((e) => e.calls));
  const edges: Record<number, { width: number; label?: string }> = {};
  definition.edges.forEach((edge, index) => {
    const calls =
      edge.source === TRIGGER ? stats.calls : (callsOn.get(`${edge.source}\n${edge.output}`) ?? 0);
    edges[index] = {
      width: edgeWidth(calls, busiest),
      ...(calls > 0 && { label: String(calls) }),
    };
  });
  return { decorations: { steps, edges }, worst };
}

/** MIN_EDGE_WIDTH..MAX_EDGE_WIDTH by `calls` out of `total`, to a tenth of a pixel. */
export function edgeWidth(calls: number, total: number): number {
  const share = total > 0 ? Math.min(1, calls / total) : 0;
  return Math.round((MIN_EDGE_WIDTH + (MAX_EDGE_WIDTH - MIN_EDGE_WIDTH) * share) * 10) / 10;
}

function rate(part: number, whole: number): number {
  return whole > 0 ? Math.min(1, part / whole) : 0;
}
