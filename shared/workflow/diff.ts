import type { Prompt } from './prompt.js';
import { stepPrompts } from './step-prompts.js';
import type { Step } from './steps.js';
import type { Edge, WorkflowDefinition } from './workflow.js';

/** What changed from one version of a workflow to another, as a manager reviews a publish. */
export interface WorkflowDiff {
  steps: { added: string[]; removed: string[]; changed: { id: string; fields: string[] }[] };
  edges: { added: Edge[]; removed: Edge[] };
  /** Every prompt that is new, gone or different: what callers will hear differently. */
  prompts: { stepId: string; field: string; before: Prompt | null; after: Prompt | null }[];
  trigger: { changed: boolean; fields: string[] };
}

/**
 * Compares two definitions by meaning: steps by id, edges as (source, output, target), fields
 * by value whatever their key order. Where the editor drew a step is not a change.
 */
export function diffWorkflows(a: WorkflowDefinition, b: WorkflowDefinition): WorkflowDiff {
  const before = new Map(a.steps.map((s) => [s.id, s]));
  const after = new Map(b.steps.map((s) => [s.id, s]));
  const changed: WorkflowDiff['steps']['changed'] = [];
  for (const step of after.values()) {
    const old = before.get(step.id);
    if (!old) continue;
    const fields = changedFields(old, step, ['position']);
    if (fields.length > 0) changed.push({ id: step.id, fields });
  }
  const triggerFields = changedFields(a.trigger, b.trigger, []);
  return {
    steps: {
      added: [...after.keys()].filter((id) => !before.has(id)),
      removed: [...before.keys()].filter((id) => !after.has(id)),
      changed,
    },
    edges: { added: edgesMissing(b.edges, a.edges), removed: edgesMissing(a.edges, b.edges) },
    prompts: promptChanges(before, after),
    trigger: { changed: triggerFields.length > 0, fields: triggerFields },
  };
}

/** Top-level fields that differ, in the order they first appear, except those ignored. */
function changedFields(a: object, b: object, ignored: readonly string[]): string[] {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])];
  return keys.filter((key) => !ignored.includes(key) && !sameValue(x[key], y[key]));
}

/** Edges of `from` that `other` lacks, counting duplicates (so a removed copy still shows). */
function edgesMissing(from: readonly Edge[], other: readonly Edge[]): Edge[] {
  const left = new Map<string, number>();
  for (const edge of other) left.set(edgeKey(edge), (left.get(edgeKey(edge)) ?? 0) + 1);
  return from.filter((edge) => {
    const count = left.get(edgeKey(edge)) ?? 0;
    if (count > 0) left.set(edgeKey(edge), count - 1);
    return count === 0;
  });
}

function edgeKey(edge: Edge): string {
  return JSON.stringify([edge.source, edge.output, edge.target]);
}

function promptChanges(
  before: ReadonlyMap<string, Step>,
  after: ReadonlyMap<string, Step>,
): WorkflowDiff['prompts'] {
  const changes: WorkflowDiff['prompts'] = [];
  const ids = [...new Set([...after.keys(), ...before.keys()])];
  for (const stepId of ids) {
    const old = promptsByField(before.get(stepId));
    const now = promptsByField(after.get(stepId));
    for (const field of new Set([...old.keys(), ...now.keys()])) {
      const was = old.get(field) ?? null;
      const is = now.get(field) ?? null;
      if (!sameValue(was, is)) changes.push({ stepId, field, before: was, after: is });
    }
  }
  return changes;
}

function promptsByField(step: Step | undefined): Map<string, Prompt | null> {
  return new Map(step ? stepPrompts(step).map(({ field, prompt }) => [field, prompt]) : []);
}

/** Deep equality of JSON-like values; a missing key and an undefined one are the same. */
function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) || Array.isArray(y)) {
    return (
      Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => sameValue(v, y[i]))
    );
  }
  return changedFields(x, y, []).length === 0;
}
