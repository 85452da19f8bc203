import type { Calendar } from '../../../../shared/workflow/calendar.js';
import type { Edge, WorkflowDefinition } from '../../../../shared/workflow/workflow.js';
import { TRIGGER } from '../../../../shared/workflow/workflow.js';
import type { Result } from '../../../../shared/rpc/contract.js';
import type { CanvasDecorations } from '../editor/canvas-decorations.js';

/** The engine's answer to 'workflows.diff'. */
export type WorkflowDiffShape = Result<'workflows.diff'>;

/** The badge each mark carries on the canvas, in the manager's language. */
export interface DiffBadges {
  added: string;
  changed: string;
  removed: string;
}

/**
 * The diff as marks over the canvas, which shows `canvas` (the draft being edited). Steps are
 * marked by id where they exist on it: added and changed ones, and a removed one only if the
 * draft still has it (comparing towards an older version). Edges are marked by their index in
 * `canvas.edges`, matching (source, output, target) and counting copies; a changed trigger marks
 * the trigger node. Whatever is not on the canvas is left to the drawer's list.
 */
export function diffDecorations(
  diff: WorkflowDiffShape,
  canvas: WorkflowDefinition,
  badges: DiffBadges,
): CanvasDecorations {
  const onCanvas = new Set(canvas.steps.map((step) => step.id));
  const steps: Record<string, { tone: 'added' | 'changed' | 'removed'; badge: string }> = {};
  for (const id of diff.steps.added) if (onCanvas.has(id)) steps[id] = { tone: 'added', badge: badges.added };
  for (const { id } of diff.steps.changed) {
    if (onCanvas.has(id)) steps[id] = { tone: 'changed', badge: badges.changed };
  }
  for (const id of diff.steps.removed) {
    if (onCanvas.has(id)) steps[id] = { tone: 'removed', badge: badges.removed };
  }
  if (diff.trigger.changed) steps[TRIGGER] = { tone: 'changed', badge: badges.changed };

  const added = countEdges(diff.edges.added);
  const removed = countEdges(diff.edges.removed);
  const edges: Record<number, { tone: 'added' | 'removed' }> = {};
  // From the end: of several copies, the later ones are the extra ones (as the engine counts).
  for (let index = canvas.edges.length - 1; index >= 0; index--) {
    const edge = canvas.edges[index]!;
    if (take(added, edge)) edges[index] = { tone: 'added' };
    else if (take(removed, edge)) edges[index] = { tone: 'removed' };
  }
  return { steps, edges };
}

function edgeKey(edge: Edge): string {
  return JSON.stringify([edge.source, edge.output, edge.target]);
}

function countEdges(edges: readonly Edge[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const edge of edges) counts.set(edgeKey(edge), (counts.get(edgeKey(edge)) ?? 0) + 1);
  return counts;
}

/** Uses up one copy of `edge` from `counts`; false when none is left. */
function take(counts: Map<string, number>, edge: Edge): boolean {
  const left = counts.get(edgeKey(edge)) ?? 0;
  if (left === 0) return false;
  counts.set(edgeKey(edge), left - 1);
  return true;
}

export interface CalendarChanges {
  added: string[];
  removed: string[];
  changed: string[];
}

/**
 * Office-hours calendars added, removed or edited from `before` to `after`, by name (matched by
 * id). The engine's diff covers steps, edges, prompts and the trigger, not calendars.
 */
export function calendarChanges(before: readonly Calendar[], after: readonly Calendar[]): CalendarChanges {
  const old = new Map(before.map((calendar) => [calendar.id, calendar]));
  const now = new Map(after.map((calendar) => [calendar.id, calendar]));
  return {
    added: after.filter((c) => !old.has(c.id)).map((c) => c.name),
    removed: before.filter((c) => !now.has(c.id)).map((c) => c.name),
    changed: after.flatMap((c) => {
      const was = old.get(c.id);
      return was && canonical(was) !== canonical(c) ? [c.name] : [];
    }),
  };
}

/** JSON with keys sorted, so key order is not a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
