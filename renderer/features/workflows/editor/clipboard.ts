import { z } from 'zod';
import { stepSchema, type Step } from '../../../../shared/workflow/steps.js';
import { edgeSchema, type Edge, type WorkflowDefinition } from '../../../../shared/workflow/workflow.js';
import { freshStepId } from './new-step.js';

/**
 * Copied steps as they travel through the system clipboard (text/plain JSON), so that they can
 * be pasted into another workflow of the same app. `format` tells them apart from any other text.
 */
const stepClipboardSchema = z
  .strictObject({
    format: z.literal('switchboard.steps/1'),
    steps: z.array(stepSchema).min(1).max(300),
    edges: z.array(edgeSchema).max(2000),
  })
  .refine((clip) => new Set(clip.steps.map((s) => s.id)).size === clip.steps.length, {
    message: 'Copied steps have one id each',
  });
export type StepClipboard = z.infer<typeof stepClipboardSchema>;

type Point = { x: number; y: number };

/** Where a paste goes when no spot is asked for: this far right and down of the copied steps. */
export const PASTE_OFFSET = 40;

/** The selected steps (not the trigger) and the edges between them; null when none is selected. */
export function copySteps(definition: WorkflowDefinition, ids: readonly string[]): StepClipboard | null {
  const chosen = new Set(ids);
  const steps = definition.steps.filter((step) => chosen.has(step.id));
  if (steps.length === 0) return null;
  const copied = new Set(steps.map((step) => step.id));
  const edges = definition.edges.filter((edge) => copied.has(edge.source) && copied.has(edge.target));
  return { format: 'switchboard.steps/1', steps, edges };
}

export function clipboardText(clip: StepClipboard): string {
  return JSON.stringify(clip);
}

/** The copied steps in `text`, or null when it holds anything else (or steps this app cannot take). */
export function readClipboardText(text: string): StepClipboard | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = stepClipboardSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/**
 * `definition` with the copied steps added under fresh ids (names kept: the validator does not
 * ask for unique names), and the edges between them following the new ids. A step names other
 * steps only through edges, so nothing else needs remapping. The copy's top-left corner goes to
 * `at`, or else PASTE_OFFSET right and down of the originals, further while an earlier paste
 * already sits there.
 */
export function pasteSteps(
  definition: WorkflowDefinition,
  clip: StepClipboard,
  at?: Point,
): { definition: WorkflowDefinition; ids: string[] } {
  const positionOf = (step: Step): Point => step.position ?? { x: 0, y: 0 };
  const [first] = clip.steps;
  if (!first) return { definition, ids: [] };
  const corner = {
    x: Math.min(...clip.steps.map((step) => positionOf(step).x)),
    y: Math.min(...clip.steps.map((step) => positionOf(step).y)),
  };
  const shift = at ? { x: at.x - corner.x, y: at.y - corner.y } : cascade(definition, positionOf(first));
  const taken = new Set(definition.steps.map((step) => step.id));
  const newIds = new Map<string, string>();
  const steps = clip.steps.map((step): Step => {
    const id = freshStepId(step.kind, taken);
    taken.add(id);
    newIds.set(step.id, id);
    return { ...step, id, position: { x: positionOf(step).x + shift.x, y: positionOf(step).y + shift.y } };
  });
  const edges = clip.edges.flatMap((edge): Edge[] => {
    const source = newIds.get(edge.source);
    const target = newIds.get(edge.target);
    return source && target ? [{ source, output: edge.output, target }] : [];
  });
  return {
    definition: {
      ...definition,
      steps: [...definition.steps, ...steps],
      edges: [...definition.edges, ...edges],
    },
    ids: steps.map((step) => step.id),
  };
}

/** The first multiple of PASTE_OFFSET at which `first` lands on no step already there. */
function cascade(definition: WorkflowDefinition, first: Point): Point {
  const occupied = (shift: number) =>
    definition.steps.some(
      (step) => step.position?.x === first.x + shift && step.position.y === first.y + shift,
    );
  let shift = PASTE_OFFSET;
  while (occupied(shift)) shift += PASTE_OFFSET;
  return { x: shift, y: shift };
}
