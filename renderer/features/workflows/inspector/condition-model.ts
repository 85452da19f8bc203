import type { Criterion, Filter } from '../../../../shared/workflow/criteria.js';

export type CriterionKind = Criterion['kind'];

/** What branches can test, in the order the condition builder offers them. */
export const criterionKinds: readonly CriterionKind[] = [
  'office_hours',
  'caller_number',
  'caller_in_list',
  'dialled_number',
  'line',
  'variable',
  'queue',
];

/** What a trigger can filter on: the caller, the numbers and variables, never the clock or a queue. */
export const filterKinds: readonly Filter['kind'][] = [
  'caller_number',
  'caller_in_list',
  'dialled_number',
  'line',
  'variable',
];

/** Any condition a branch can test (a branch's list takes every kind). */
export function isCriterion(criterion: Criterion): criterion is Criterion {
  return criterionKinds.includes(criterion.kind);
}

/** A condition a trigger can filter on. */
export function isFilter(criterion: Criterion): criterion is Filter {
  return (filterKinds as readonly string[]).includes(criterion.kind);
}

/** What the condition builder picks from: things defined elsewhere that a condition refers to. */
export interface ConditionContext {
  calendarIds: readonly string[];
  lineIds: readonly string[];
}

/**
 * Whether a condition of `kind` can be added: a line condition needs a line, since the schema
 * takes no empty reference (office hours make their calendar when there is none: see
 * ConditionList).
 */
export function canAdd(kind: CriterionKind, context: ConditionContext): boolean {
  if (kind === 'line') return context.lineIds.length > 0;
  return true;
}

/** A new condition of `kind` that the schema accepts; null when it cannot be made (see canAdd). */
export function newCriterion(kind: CriterionKind, context: ConditionContext): Criterion | null {
  switch (kind) {
    case 'office_hours': {
      const calendarId = context.calendarIds[0];
      return calendarId ? { kind, calendarId, state: 'open' } : null;
    }
    case 'line': {
      const lineId = context.lineIds[0];
      return lineId ? { kind, lineId } : null;
    }
    case 'caller_number':
    case 'dialled_number':
      return { kind, op: 'starts_with', value: '' };
    case 'caller_in_list':
      return { kind, listName: '', numbers: [] };
    case 'variable':
      return { kind, name: 'caller', op: 'equals', value: '' };
    case 'queue':
      return { kind, teamId: null, metric: 'agents_available', op: 'gt', value: 0 };
  }
}

/** Variable comparisons that need no value to compare with. */
export function takesValue(op: Extract<Criterion, { kind: 'variable' }>['op']): boolean {
  return op !== 'is_set' && op !== 'is_empty';
}

/** Replaces the item at `index`. */
export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((old, i) => (i === index ? item : old));
}

export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

/** The list with the item at `index` moved by one place; unchanged at either end. */
export function moveBy<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const moved = [...items];
  [moved[index], moved[to]] = [moved[to]!, moved[index]!];
  return moved;
}

/** A new id like `b3` unused among `taken` (branch ids name the branch's exit: `branch:b3`). */
export function freeId(prefix: string, taken: readonly string[]): string {
  let n = 1;
  while (taken.includes(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
