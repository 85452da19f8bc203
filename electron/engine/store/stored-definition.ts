import {
  workflowDefinitionSchema,
  type WorkflowDefinition,
  type WorkflowDefinitionInput,
} from '../../../shared/workflow/workflow.js';
import { WorkflowStoreError } from './workflow-store-error.js';

/** A live version as routing runs it (the shape of the interpreter's RunnableVersion). */
export interface LiveVersion {
  workflowId: string;
  versionId: string;
  definition: WorkflowDefinition;
}

/** Shape only, with defaults filled in, so that equal drafts are stored as equal text. */
export function checkDefinition(definition: WorkflowDefinitionInput): WorkflowDefinition {
  const parsed = workflowDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    throw new WorkflowStoreError(
      'invalid_definition',
      'The workflow definition is not valid',
      parsed.error.issues,
    );
  }
  return parsed.data;
}

/**
 * Stored definitions are parsed again on the way out: a schema that gained a field with a default
 * fills it in for versions published before it.
 */
export function storedDefinition(json: string, what: string): WorkflowDefinition {
  const parsed = workflowDefinitionSchema.safeParse(JSON.parse(json));
  if (!parsed.success) {
    throw new WorkflowStoreError(
      'invalid_definition',
      `The stored definition of ${what} is not valid`,
      parsed.error.issues,
    );
  }
  return parsed.data;
}

export function toLiveVersion(row: {
  workflowId: string;
  versionId: string;
  definition: string;
}): LiveVersion {
  return { ...row, definition: storedDefinition(row.definition, `version ${row.versionId}`) };
}
