import type { WorkflowSummary } from '../../../shared/domain/workflows.js';

/** `items` with the one at `from` taken out and put back so that it sits at index `to`. */
export function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const rest = items.filter((_, index) => index !== from);
  rest.splice(to, 0, items[from]!);
  return rest;
}

/**
 * Where the item at `from` ends up when dropped in the gap before index `gap` (0 … length):
 * the gaps just above and below it leave it where it is.
 */
export function indexForGap(from: number, gap: number): number {
  return gap > from ? gap - 1 : gap;
}

/**
 * The workflow that answers numbers bound to none: the topmost "customer called" one that is
 * published (a draft answers no calls), as the engine's call dispatcher chooses.
 */
export function defaultWorkflowId(workflows: readonly WorkflowSummary[]): string | undefined {
  return workflows.find((w) => w.triggerKind === 'customer_called' && w.liveVersion !== null)?.id;
}
