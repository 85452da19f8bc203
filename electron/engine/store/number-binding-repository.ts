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
 * Which workflow a dialled number is bound to: the binding on the call's line first, then the
 * one on any line. Only workflows with a live version count: a binding to a workflow never
 * published is passed over. (With none, the call dispatcher takes the topmost "customer called"
 * workflow whose trigger takes the call.)
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
}
