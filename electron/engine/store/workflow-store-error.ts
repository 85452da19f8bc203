import type { z } from 'zod';

export type WorkflowStoreErrorCode =
  /** No workflow with that id, or it was removed. */
  | 'workflow_not_found'
  /** No such version of that workflow. */
  | 'version_not_found'
  /** A draft (or a stored definition) that does not have the shape of a WorkflowDefinition. */
  | 'invalid_definition'
  /** A draft whose trigger kind is not the workflow's. */
  | 'trigger_kind_changed'
  /** A reorder that does not name every workflow exactly once. */
  | 'bad_order'
  /** A number bound to a workflow whose trigger is not "customer called". */
  | 'not_callable';

/** What the workflow store refuses; the API maps `code` to its wire error. */
export class WorkflowStoreError extends Error {
  constructor(
    readonly code: WorkflowStoreErrorCode,
    message: string,
    /** The schema's findings, for 'invalid_definition'. */
    readonly issues: readonly z.core.$ZodIssue[] = [],
  ) {
    super(message);
    this.name = 'WorkflowStoreError';
  }
}
