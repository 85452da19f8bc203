import { builtInVariables } from '../../../../shared/workflow/criteria.js';
import { templateVariables } from '../../../../shared/workflow/template.js';
import type { WorkflowDefinition } from '../../../../shared/workflow/workflow.js';

/** Longest SMS template the schema accepts. */
export const MAX_TEMPLATE = 1000;

/** Variables the workflow's input forms fill, each once. */
export function formVariables(definition: WorkflowDefinition): string[] {
  return [...new Set(definition.steps.flatMap((s) => (s.kind === 'input_form' ? [s.variable] : [])))];
}

/** Variables a step can use: the engine's own, then each input form's, each once. */
export function workflowVariables(definition: WorkflowDefinition): string[] {
  return [...new Set([...builtInVariables, ...formVariables(definition)])];
}

/** Variables the template names that nothing sets (they would be sent as empty text). */
export function unknownPlaceholders(template: string, known: readonly string[]): string[] {
  return templateVariables(template).filter((name) => !known.includes(name));
}

/**
 * The template with `{{name}}` put in place of the selection (or at the caret), and where the
 * caret goes after it; unchanged when it would make the template too long.
 */
export function insertPlaceholder(
  template: string,
  name: string,
  selectionStart: number,
  selectionEnd: number = selectionStart,
): { template: string; caret: number } {
  const placeholder = `{{${name}}}`;
  const start = Math.max(0, Math.min(selectionStart, template.length));
  const end = Math.max(start, Math.min(selectionEnd, template.length));
  const next = template.slice(0, start) + placeholder + template.slice(end);
  if (next.length > MAX_TEMPLATE) return { template, caret: selectionEnd };
  return { template: next, caret: start + placeholder.length };
}
