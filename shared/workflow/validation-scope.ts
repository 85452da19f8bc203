import type { Step } from './steps.js';
import type { WorkflowDefinition } from './workflow.js';

/** What a workflow refers to outside itself, as the office has it now. */
export interface ValidationContext {
  teamIds: ReadonlySet<string>;
  agentIds: ReadonlySet<string>;
  /** Uploaded recordings in the prompt store. */
  audioPromptIds: ReadonlySet<string>;
  lineIds: ReadonlySet<string>;
  /** Settings' transfer allow-list: the only numbers a transfer step may dial. */
  transferAllowList: readonly string[];
}

/** What every rule reads: the definition, the office's context, and lookups built once. */
export interface ValidationScope {
  definition: WorkflowDefinition;
  context: ValidationContext;
  /** Steps by id; the first of steps sharing an id (the duplicate is an issue of its own). */
  steps: ReadonlyMap<string, Step>;
  /** Whether an edge leaves `source` by `output`, wherever it leads. */
  isWired(source: string, output: string): boolean;
  /**
   * A "waiting in queue" workflow that runs out of path hands the caller back to the queue; any
   * other ends the call. Messages about unwired exits say which.
   */
  backToQueue: boolean;
  /** Variables an input form step of this workflow saves. */
  formVariables: ReadonlySet<string>;
}

export function validationScope(definition: WorkflowDefinition, context: ValidationContext): ValidationScope {
  const steps = new Map<string, Step>();
  for (const step of definition.steps) if (!steps.has(step.id)) steps.set(step.id, step);
  const wired = new Set(definition.edges.map((e) => exitKey(e.source, e.output)));
  return {
    definition,
    context,
    steps,
    isWired: (source, output) => wired.has(exitKey(source, output)),
    backToQueue: definition.trigger.kind === 'waiting_in_queue',
    formVariables: new Set(definition.steps.flatMap((s) => (s.kind === 'input_form' ? [s.variable] : []))),
  };
}

/** Step ids cannot contain a space, so this never joins two exits into one key. */
function exitKey(source: string, output: string): string {
  return `${source} ${output}`;
}
