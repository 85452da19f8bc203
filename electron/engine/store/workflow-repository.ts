import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, isNull, max, sql, type SQL } from 'drizzle-orm';
import type { TriggerKind } from '../../../shared/workflow/trigger.js';
import type { WorkflowDefinition, WorkflowDefinitionInput } from '../../../shared/workflow/workflow.js';
import type { AppDatabase } from './database.js';
import { numberBindings, workflows, workflowVersions } from './schema.js';
import { checkDefinition, storedDefinition, toLiveVersion, type LiveVersion } from './stored-definition.js';
import { WorkflowStoreError } from './workflow-store-error.js';

type WorkflowRow = typeof workflows.$inferSelect;
type VersionRow = typeof workflowVersions.$inferSelect;
type Transaction = Parameters<Parameters<AppDatabase['transaction']>[0]>[0];

/** A workflow as the list shows it. */
export interface WorkflowSummary {
  id: string;
  name: string;
  triggerKind: TriggerKind;
  priority: number;
  liveVersionId: string | null;
  /** The live version's number, null while never published. */
  liveVersion: number | null;
  /** The draft differs from the live version, or nothing is live. */
  hasUnpublishedChanges: boolean;
  draftUpdatedAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredWorkflow extends WorkflowSummary {
  draft: WorkflowDefinition;
}

export interface StoredVersion {
  id: string;
  workflowId: string;
  number: number;
  note: string;
  author: string;
  restoredFromId: string | null;
  publishedAt: string;
  live: boolean;
}

export interface StoredVersionWithDefinition extends StoredVersion {
  definition: WorkflowDefinition;
}

/**
 * Workflows, their drafts and their published versions. Publishing and rolling back are single
 * transactions: a version exists and is live, or neither happened. Versions are never changed.
 * Whether a draft can run is the validator's question, asked by the API before `publish`; this
 * layer only checks the definition's shape.
 */
export class WorkflowRepository {
  constructor(private readonly db: AppDatabase) {}

  /** Not removed, in the managers' order. */
  list(): WorkflowSummary[] {
    return this.summaries().all().map(toSummary);
  }

  get(id: string): StoredWorkflow | undefined {
    const row = this.summaries(eq(workflows.id, id)).get();
    return row && { ...toSummary(row), draft: storedDefinition(row.workflow.draft, `the draft of ${id}`) };
  }

  /** Added at the bottom of the list, unpublished. */
  create(name: string, definition: WorkflowDefinitionInput): StoredWorkflow {
    const draft = checkDefinition(definition);
    const id = randomUUID();
    this.db.transaction(
      (tx) => {
        const last = tx
          .select({ priority: max(workflows.priority) })
          .from(workflows)
          .where(isNull(workflows.deletedAt))
          .get();
        insertDraft(tx, {
          id,
          name,
          triggerKind: draft.trigger.kind,
          draft: JSON.stringify(draft),
          priority: (last?.priority ?? -1) + 1,
        });
      },
      { behavior: 'immediate' },
    );
    return this.require(id);
  }

  /**
   * A new workflow with the same draft (steps, edges, trigger, calendars, positions), right after
   * the original in the list: unpublished, bound to no number, with no versions of its own.
   */
  duplicate(id: string, name: string): StoredWorkflow {
    const copyId = randomUUID();
    this.db.transaction(
      (tx) => {
        const original = tx
          .select({
            triggerKind: workflows.triggerKind,
            draft: workflows.draft,
            priority: workflows.priority,
          })
          .from(workflows)
          .where(and(eq(workflows.id, id), isNull(workflows.deletedAt)))
          .get();
        if (!original) throw notFound(id);
        const below = tx
          .select({ id: workflows.id })
          .from(workflows)
          .where(and(isNull(workflows.deletedAt), gt(workflows.priority, original.priority)))
          .orderBy(asc(workflows.priority))
          .all()
          .map((row) => row.id);
        placeInOrder(tx, below, original.priority + 2);
        insertDraft(tx, {
          id: copyId,
          name,
          triggerKind: original.triggerKind,
          draft: original.draft,
          priority: original.priority + 1,
        });
      },
      { behavior: 'immediate' },
    );
    return this.require(copyId);
  }

  /** Replaces the draft; the live version is untouched until the next publish. */
  saveDraft(id: string, definition: WorkflowDefinitionInput): StoredWorkflow {
    const draft = checkDefinition(definition);
    this.db.transaction(
      (tx) => {
        const current = tx
          .select({ triggerKind: workflows.triggerKind })
          .from(workflows)
          .where(and(eq(workflows.id, id), isNull(workflows.deletedAt)))
          .get();
        if (!current) throw notFound(id);
        if (draft.trigger.kind !== current.triggerKind) {
          throw new WorkflowStoreError(
            'trigger_kind_changed',
            `The workflow is triggered by ${current.triggerKind}; a draft cannot change it to ${draft.trigger.kind}`,
          );
        }
        const now = new Date().toISOString();
        tx.update(workflows)
          .set({ draft: JSON.stringify(draft), draftUpdatedAt: now, updatedAt: now })
          .where(eq(workflows.id, id))
          .run();
      },
      { behavior: 'immediate' },
    );
    return this.require(id);
  }

  rename(id: string, name: string): StoredWorkflow {
    const result = this.db
      .update(workflows)
      .set({ name, updatedAt: new Date().toISOString() })
      .where(and(eq(workflows.id, id), isNull(workflows.deletedAt)))
      .run();
    if (result.changes === 0) throw notFound(id);
    return this.require(id);
  }

  /**
   * Takes the workflow out of the list and of routing, and drops its number bindings (those
   * numbers fall back to the default workflow). The row and its versions stay, soft-deleted, for
   * the calls and analytics that refer to them. False when there was nothing to remove.
   */
  remove(id: string): boolean {
    return this.db.transaction(
      (tx) => {
        const now = new Date().toISOString();
        const result = tx
          .update(workflows)
          .set({ deletedAt: now, liveVersionId: null, updatedAt: now })
          .where(and(eq(workflows.id, id), isNull(workflows.deletedAt)))
          .run();
        if (result.changes === 0) return false;
        tx.delete(numberBindings).where(eq(numberBindings.workflowId, id)).run();
        return true;
      },
      { behavior: 'immediate' },
    );
  }

  /** `ids` is the whole list in its new order: every workflow not removed, each once. */
  reorder(ids: readonly string[]): WorkflowSummary[] {
    this.db.transaction(
      (tx) => {
        const existing = tx
          .select({ id: workflows.id })
          .from(workflows)
          .where(isNull(workflows.deletedAt))
          .all()
          .map((row) => row.id);
        const given = new Set(ids);
        if (
          given.size !== ids.length ||
          ids.length !== existing.length ||
          !existing.every((id) => given.has(id))
        ) {
          throw new WorkflowStoreError('bad_order', 'The new order must name every workflow exactly once');
        }
        placeInOrder(tx, ids, 0);
      },
      { behavior: 'immediate' },
    );
    return this.list();
  }

  /** Snapshots the draft as version n+1 and makes it live for new calls, atomically. */
  publish(id: string, options: { note: string; author: string }): StoredVersion {
    return this.db.transaction(
      (tx) => {
        const workflow = tx
          .select({ draft: workflows.draft })
          .from(workflows)
          .where(and(eq(workflows.id, id), isNull(workflows.deletedAt)))
          .get();
        if (!workflow) throw notFound(id);
        return this.insertLive(tx, id, workflow.draft, {
          note: options.note,
          author: options.author,
          restoredFromId: null,
        });
      },
      { behavior: 'immediate' },
    );
  }

  /**
   * Re-publishes an old version as version n+1 (history is only ever appended to) and makes the
   * draft that definition too, so the next edit starts from what is live.
   */
  rollback(id: string, versionId: string, options: { author: string; note?: string }): StoredVersion {
    return this.db.transaction(
      (tx) => {
        const old = tx
          .select({ definition: workflowVersions.definition })
          .from(workflowVersions)
          .innerJoin(workflows, eq(workflows.id, workflowVersions.workflowId))
          .where(and(eq(workflowVersions.id, versionId), eq(workflows.id, id), isNull(workflows.deletedAt)))
          .get();
        if (!old) {
          const workflow = tx
            .select({ id: workflows.id })
            .from(workflows)
            .where(and(eq(workflows.id, id), isNull(workflows.deletedAt)))
            .get();
          if (!workflow) throw notFound(id);
          throw new WorkflowStoreError('version_not_found', `Workflow ${id} has no version ${versionId}`);
        }
        const now = new Date().toISOString();
        tx.update(workflows)
          .set({ draft: old.definition, draftUpdatedAt: now, updatedAt: now })
          .where(eq(workflows.id, id))
          .run();
        return this.insertLive(tx, id, old.definition, {
          note: options.note ?? '',
          author: options.author,
          restoredFromId: versionId,
        });
      },
      { behavior: 'immediate' },
    );
  }

  /** Newest first; also for a removed workflow, whose history stays. */
  versions(id: string): StoredVersion[] {
    const workflow = this.db
      .select({ liveVersionId: workflows.liveVersionId })
      .from(workflows)
      .where(eq(workflows.id, id))
      .get();
    if (!workflow) throw notFound(id);
    return this.db
      .select()
      .from(workflowVersions)
      .where(eq(workflowVersions.workflowId, id))
      .orderBy(desc(workflowVersions.number))
      .all()
      .map((row) => toVersion(row, workflow.liveVersionId));
  }

  version(versionId: string): StoredVersionWithDefinition | undefined {
    const row = this.db
      .select({ version: workflowVersions, liveVersionId: workflows.liveVersionId })
      .from(workflowVersions)
      .innerJoin(workflows, eq(workflows.id, workflowVersions.workflowId))
      .where(eq(workflowVersions.id, versionId))
      .get();
    return (
      row && {
        ...toVersion(row.version, row.liveVersionId),
        definition: storedDefinition(row.version.definition, `version ${versionId}`),
      }
    );
  }

  /** What routing chooses from: every live version (of one trigger kind), in priority order. */
  liveVersions(kind?: TriggerKind): LiveVersion[] {
    return this.db
      .select({
        workflowId: workflows.id,
        versionId: workflowVersions.id,
        definition: workflowVersions.definition,
      })
      .from(workflows)
      .innerJoin(workflowVersions, eq(workflowVersions.id, workflows.liveVersionId))
      .where(
        and(isNull(workflows.deletedAt), kind === undefined ? undefined : eq(workflows.triggerKind, kind)),
      )
      .orderBy(asc(workflows.priority))
      .all()
      .map(toLiveVersion);
  }

  private insertLive(
    tx: Transaction,
    workflowId: string,
    definition: string,
    fields: { note: string; author: string; restoredFromId: string | null },
  ): StoredVersion {
    const last = tx
      .select({ number: max(workflowVersions.number) })
      .from(workflowVersions)
      .where(eq(workflowVersions.workflowId, workflowId))
      .get();
    const row: VersionRow = {
      id: randomUUID(),
      workflowId,
      number: (last?.number ?? 0) + 1,
      definition,
      note: fields.note,
      author: fields.author,
      restoredFromId: fields.restoredFromId,
      publishedAt: new Date().toISOString(),
    };
    tx.insert(workflowVersions).values(row).run();
    tx.update(workflows)
      .set({ liveVersionId: row.id, updatedAt: row.publishedAt })
      .where(eq(workflows.id, workflowId))
      .run();
    return toVersion(row, row.id);
  }

  /** Not removed, with the live version's number and whether the draft has moved on from it. */
  private summaries(filter?: SQL) {
    return this.db
      .select({
        workflow: workflows,
        liveVersion: workflowVersions.number,
        hasUnpublishedChanges: sql<number>`${workflowVersions.id} is null or ${workflowVersions.definition} <> ${workflows.draft}`,
      })
      .from(workflows)
      .leftJoin(workflowVersions, eq(workflowVersions.id, workflows.liveVersionId))
      .where(and(isNull(workflows.deletedAt), filter))
      .orderBy(asc(workflows.priority));
  }

  private require(id: string): StoredWorkflow {
    const workflow = this.get(id);
    if (!workflow) throw notFound(id);
    return workflow;
  }
}

/** A new workflow row with `draft` (already checked) as its draft, unpublished. */
function insertDraft(
  tx: Transaction,
  fields: { id: string; name: string; triggerKind: TriggerKind; draft: string; priority: number },
): void {
  const now = new Date().toISOString();
  tx.insert(workflows)
    .values({ ...fields, draftUpdatedAt: now, createdAt: now, updatedAt: now })
    .run();
}

/** Puts `ids` at positions `first`, `first + 1`, … of the list. */
function placeInOrder(tx: Transaction, ids: readonly string[], first: number): void {
  const now = new Date().toISOString();
  // The unique index on priority is checked row by row: park every row on a negative position
  // first (no workflow has one otherwise), so no intermediate state has two in one place.
  ids.forEach((id, index) =>
    tx
      .update(workflows)
      .set({ priority: -1 - index })
      .where(eq(workflows.id, id))
      .run(),
  );
  ids.forEach((id, index) =>
    tx
      .update(workflows)
      .set({ priority: first + index, updatedAt: now })
      .where(eq(workflows.id, id))
      .run(),
  );
}

function notFound(id: string): WorkflowStoreError {
  return new WorkflowStoreError('workflow_not_found', `No workflow with id ${id}`);
}

function toSummary(row: {
  workflow: WorkflowRow;
  liveVersion: number | null;
  hasUnpublishedChanges: number;
}): WorkflowSummary {
  const { workflow } = row;
  return {
    id: workflow.id,
    name: workflow.name,
    triggerKind: workflow.triggerKind,
    priority: workflow.priority,
    liveVersionId: workflow.liveVersionId,
    liveVersion: row.liveVersion,
    hasUnpublishedChanges: row.hasUnpublishedChanges === 1,
    draftUpdatedAt: workflow.draftUpdatedAt,
    createdAt: workflow.createdAt,
    updatedAt: workflow.updatedAt,
  };
}

function toVersion(row: VersionRow, liveVersionId: string | null): StoredVersion {
  return {
    id: row.id,
    workflowId: row.workflowId,
    number: row.number,
    note: row.note,
    author: row.author,
    restoredFromId: row.restoredFromId,
    publishedAt: row.publishedAt,
    live: row.id === liveVersionId,
  };
}
