import { outputsOf } from '../../../../shared/workflow/steps.js';
import { TRIGGER, TRIGGER_OUTPUT, type WorkflowDefinition } from '../../../../shared/workflow/workflow.js';

/**
 * The first exit of a step (or the trigger's start) that leads nowhere yet, in the order the
 * canvas draws them: where a step added "next" gets connected. Undefined when every exit leads
 * somewhere, or for an unknown id.
 */
export function firstOpenExit(definition: WorkflowDefinition, source: string): string | undefined {
  const step = definition.steps.find((candidate) => candidate.id === source);
  const exits = source === TRIGGER ? [TRIGGER_OUTPUT] : step ? outputsOf(step) : [];
  return exits.find((exit) => !definition.edges.some((e) => e.source === source && e.output === exit));
}
