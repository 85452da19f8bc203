import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { AppDatabase } from './database.js';
import { LineNotFoundError } from './line-repository.js';
import { lines, numberBindings, workflows, workflowVersions } from './schema.js';
import { toLiveVersion, type LiveVersion } from './stored-definition.js';
import { WorkflowStoreError } from './workflow-store-error.js';

export interface NumberBindingRow {
  number: string;
  /** Null: the number on any line. */
  lineId: string | null;
  workflowId: string;
}

/**
 * Which workflow answers a dialled number. The rule, first that applies:
 *   1. the workflow bound to this number on this line,
 *   2. the workflow bound to this number on any line,
 *   3. the topmost (lowest priority) "customer called" workflow.
 * Only workflows with a live version count at each rule: a binding to a workflow never published
 * is passed over, so a number is never left to a workflow that cannot run.
 */
export class NumberBindingRepository {
  constructor(private readonly db: AppDatabase) {}

  list(): NumberBindingRow[] {
    return this.db
      .select()
      .from(numberBindings)
      .orderBy(
        asc(numberBindings.number),
        sql`${numberBindings.lineId} is not null`,
        asc(numberBindings.lineId),
      )
      .all();
  }

  /**
   * Binds the number (on one line, or on any line when `lineId` is null) to a "customer called"
   * workflow, replacing what it was bound to; `workflowId` null removes the binding.
   */
  bind(number: string, lineId: string | null, workflowId: string | null): NumberBindingRow[] {
    this.db.transaction(
      (tx) => {
        if (lineId !== null && !tx.select({ id: lines.id }).from(lines).where(eq(lines.id, lineId)).get()) {
          throw new LineNotFoundError(lineId);
        }
        if (workflowId !== null) {
          const workflow = tx
            .select({ triggerKind: workflows.triggerKind })
            .from(workflows)
            .where(and(eq(workflows.id, workflowId), isNull(workflows.deletedAt)))
            .get();
          if (!workflow) {
            throw new WorkflowStoreError('workflow_not_found', `No workflow with id ${workflowId}`);
          }
          if (workflow.triggerKind !== 'customer_called') {
            throw new WorkflowStoreError(
              'not_callable',
              'Only a "customer called" workflow can answer a number',
            );
          }
        }
        tx.delete(numberBindings)
          .where(
            and(
              eq(numberBindings.number, number),
              lineId === null ? isNull(numberBindings.lineId) : eq(numberBindings.lineId, lineId),
            ),
          )
          .run();
        if (workflowId !== null) tx.insert(numberBindings).values({ number, lineId, workflowId }).run();
      },
      { behavior: 'immediate' },
    );
    return this.list();
  }

  /** The live version bound to the number (rules 1 and 2), if any. */
  bound(lineId: string, dialled: string): LiveVersion | undefined {
    const row = this.db
      .select({
        workflowId: workflows.id,
        versionId: workflowVersions.id,
        definition: workflowVersions.definition,
      })
      .from(numberBindings)
      .innerJoin(workflows, eq(workflows.id, numberBindings.workflowId))
      .innerJoin(workflowVersions, eq(workflowVersions.id, workflows.liveVersionId))
      .where(
        and(
          eq(numberBindings.number, dialled),
          or(eq(numberBindings.lineId, lineId), isNull(numberBindings.lineId)),
          isNull(workflows.deletedAt),
        ),
      )
      // The line's own binding before the any-line one.
      .orderBy(sql`${numberBindings.lineId} is null`)
      .limit(1)
      .get();
    return row && toLiveVersion(row);
  }

  /** The version a call to `dialled` on `lineId` runs, by the rule above; undefined when none is live. */
  resolve(lineId: string, dialled: string): LiveVersion | undefined {
    const bound = this.bound(lineId, dialled);
    if (bound) return bound;
    const row = this.db
      .select({
        workflowId: workflows.id,
        versionId: workflowVersions.id,
        definition: workflowVersions.definition,
      })
      .from(workflows)
      .innerJoin(workflowVersions, eq(workflowVersions.id, workflows.liveVersionId))
      .where(and(eq(workflows.triggerKind, 'customer_called'), isNull(workflows.deletedAt)))
      .orderBy(asc(workflows.priority))
      .limit(1)
      .get();
    return row && toLiveVersion(row);
  }
}
