import { menuKeys, type MenuKey, type StepOf } from '../../../../shared/workflow/steps.js';
import type { WorkflowDefinition } from '../../../../shared/workflow/workflow.js';

type MenuStep = StepOf<'ivr_buttons'>;

/** The first key no button of the menu uses yet, in keypad order; null when all are taken. */
export function nextFreeKey(step: MenuStep): MenuKey | null {
  const used = new Set(step.buttons.map((b) => b.key));
  return menuKeys.find((key) => !used.has(key)) ?? null;
}

/** The menu with one more button, on the next free key (unchanged when every key is used). */
export function withButtonAdded(step: MenuStep): MenuStep {
  const key = nextFreeKey(step);
  return key ? { ...step, buttons: [...step.buttons, { key, label: '' }] } : step;
}

export function withButtonRemoved(step: MenuStep, index: number): MenuStep {
  return { ...step, buttons: step.buttons.filter((_, i) => i !== index) };
}

export function withButtonChanged(
  step: MenuStep,
  index: number,
  change: Partial<MenuStep['buttons'][number]>,
): MenuStep {
  return { ...step, buttons: step.buttons.map((b, i) => (i === index ? { ...b, ...change } : b)) };
}

/** Keys a button may switch to: its own and those no other button uses. */
export function keysFor(step: MenuStep, index: number): MenuKey[] {
  const others = new Set(step.buttons.filter((_, i) => i !== index).map((b) => b.key));
  return menuKeys.filter((key) => !others.has(key));
}

/**
 * What the canvas shows for a button without a label: the name of the step its key leads to
 * (its id while unnamed), or '' when the key leads nowhere yet.
 */
export function linkedStepName(definition: WorkflowDefinition, stepId: string, key: MenuKey): string {
  const edge = definition.edges.find((e) => e.source === stepId && e.output === `key:${key}`);
  const target = edge && definition.steps.find((s) => s.id === edge.target);
  return target ? target.name.trim() || target.id : '';
}
