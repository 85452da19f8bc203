import { graphIssues } from './validate-graph.js';
import { promptKeyIssues } from './validate-prompt-keys.js';
import { referenceIssues } from './validate-references.js';
import { stepIssues } from './validate-steps.js';
import { validationScope, type ValidationContext } from './validation-scope.js';
import type { WorkflowDefinition } from './workflow.js';
import type { WorkflowIssue } from './workflow-issue.js';

export type { ValidationContext } from './validation-scope.js';
export type { WorkflowIssue } from './workflow-issue.js';

/**
 * Whether a workflow can run as drawn: the schema checked its shape, this checks its meaning
 * (graph, steps, references, prompt against keys). Errors block publishing; warnings say what
 * the engine does by default. Every message names the step, in English and Korean.
 */
export function validateWorkflow(
  definition: WorkflowDefinition,
  context: ValidationContext,
): WorkflowIssue[] {
  const scope = validationScope(definition, context);
  return [...graphIssues(scope), ...stepIssues(scope), ...referenceIssues(scope), ...promptKeyIssues(scope)];
}
