import { and, asc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { AppDatabase } from './database.js';
import { callEvents } from './schema.js';

type CallEventRow = typeof callEvents.$inferSelect;
export type CallEventKind = CallEventRow['kind'];

/** One event as the interpreter reports it (its FlowEvent). */
export interface CallEvent {
  callId: string;
  workflowId: string;
  versionId: string;
  stepId: string | null;
  kind: CallEventKind;
  outcome?: string;
  detail?: Record<string, unknown>;
  at: Date;
}

export interface StoredCallEvent extends Omit<CallEvent, 'at'> {
  id: number;
  /** ISO 8601 UTC with milliseconds. */
  at: string;
}

/** Events with `at` in [from, to), of one version or of all. */
export interface EventRange {
  from: Date;
  to: Date;
  versionId?: string;
}

export interface StepStats {
  stepId: string;
  /** Calls that entered the step. */
  reached: number;
  /** Calls that left it by each outcome ('key:1', 'timeout', 'hangup', …). */
  outcomes: Record<string, number>;
  /** Calls whose step failed there (the event log's 'error'). */
  errors: number;
  /**
   * Calls lost there: the caller hung up in the step, or the call ended while in it with no exit
   * logged (the engine stopped mid-step). Calls still in the step are not counted.
   */
  droppedHere: number;
}

export interface WorkflowStepStats {
  /** Calls that started the workflow. */
  calls: number;
  /** Steps with any event in the range, the most reached first. */
  steps: StepStats[];
}

export interface EdgeStats {
  source: string;
  output: string;
  /** Times the exit was taken: a call looping through a menu counts each time. */
  traversals: number;
  calls: number;
}

/**
 * The step log of calls (call_events) and the analytics over it. Each event is its own INSERT,
 * committed at once: nothing is lost if the engine dies mid-call. Analytics are SQL aggregates
 * over the (workflow_id, at) index, so they cost the events in the range, not the whole log.
 */
export class CallEventLog {
  private readonly insert;

  constructor(private readonly db: AppDatabase) {
    this.insert = db
      .insert(callEvents)
      .values({
        callId: sql.placeholder('callId'),
        workflowId: sql.placeholder('workflowId'),
        versionId: sql.placeholder('versionId'),
        stepId: sql.placeholder('stepId'),
        kind: sql.placeholder('kind'),
        outcome: sql.placeholder('outcome'),
        detail: sql.placeholder('detail'),
        at: sql.placeholder('at'),
      })
      .prepare();
  }

  append(event: CallEvent): void {
    this.insert.run({
      callId: event.callId,
      workflowId: event.workflowId,
      versionId: event.versionId,
      stepId: event.stepId,
      kind: event.kind,
      outcome: event.outcome ?? null,
      detail: event.detail === undefined ? null : JSON.stringify(event.detail),
      at: event.at.toISOString(),
    });
  }

  /** In the order they happened. */
  eventsOfCall(callId: string): StoredCallEvent[] {
    return this.db
      .select()
      .from(callEvents)
      .where(eq(callEvents.callId, callId))
      .orderBy(asc(callEvents.id))
      .all()
      .map(({ outcome, detail, ...row }) => ({
        ...row,
        ...(outcome === null ? {} : { outcome }),
        ...(detail === null ? {} : { detail: JSON.parse(detail) as Record<string, unknown> }),
      }));
  }

  /** Per step: calls that reached it, left it by each outcome, failed there, were lost there. */
  stepStats(workflowId: string, range: EventRange): WorkflowStepStats {
    const where = inRange(workflowId, range);
    const groups = this.db
      .select({
        stepId: callEvents.stepId,
        kind: callEvents.kind,
        outcome: callEvents.outcome,
        calls: sql<number>`count(distinct ${callEvents.callId})`,
      })
      .from(callEvents)
      .where(where)
      .groupBy(callEvents.stepId, callEvents.kind, callEvents.outcome)
      .all();
    const dropped = this.droppedPerStep(where);
    const steps = new Map<string, StepStats>();
    const stepOf = (stepId: string): StepStats => {
      let stats = steps.get(stepId);
      if (!stats) {
        stats = { stepId, reached: 0, outcomes: {}, errors: 0, droppedHere: dropped.get(stepId) ?? 0 };
        steps.set(stepId, stats);
      }
      return stats;
    };
    let calls = 0;
    for (const group of groups) {
      if (group.stepId === null) {
        if (group.kind === 'call_started') calls += group.calls;
        continue;
      }
      const stats = stepOf(group.stepId);
      if (group.kind === 'entered') stats.reached += group.calls;
      else if (group.kind === 'error') stats.errors += group.calls;
      else if (group.kind === 'left') stats.outcomes[group.outcome ?? ''] = group.calls;
    }
    return {
      calls,
      steps: [...steps.values()].sort((a, b) => b.reached - a.reached || (a.stepId < b.stepId ? -1 : 1)),
    };
  }

  /** Per exit of a step (source, output): how often it was taken, and by how many calls. */
  edgeStats(workflowId: string, range: EventRange): EdgeStats[] {
    return this.db
      .select({
        source: sql<string>`${callEvents.stepId}`,
        output: sql<string>`coalesce(${callEvents.outcome}, '')`,
        traversals: sql<number>`count(*)`,
        calls: sql<number>`count(distinct ${callEvents.callId})`,
      })
      .from(callEvents)
      .where(and(inRange(workflowId, range), eq(callEvents.kind, 'left')))
      .groupBy(callEvents.stepId, callEvents.outcome)
      .orderBy(sql`count(*) desc`, callEvents.stepId, callEvents.outcome)
      .all();
  }

  /**
   * A call is lost at the step of its last step event when that event is a hang-up exit, or an
   * entry never followed by an exit although the call has ended.
   */
  private droppedPerStep(where: SQL | undefined): Map<string, number> {
    const lastOfCall = this.db
      .select({
        lastId: sql<number>`max(${callEvents.id}) filter (where ${callEvents.stepId} is not null)`.as(
          'last_id',
        ),
        ended: sql<number>`max(${callEvents.kind} = 'call_ended')`.as('ended'),
      })
      .from(callEvents)
      .where(where)
      .groupBy(callEvents.callId)
      .as('last_of_call');
    const rows = this.db
      .select({ stepId: sql<string>`${callEvents.stepId}`, calls: sql<number>`count(*)` })
      .from(lastOfCall)
      .innerJoin(callEvents, eq(callEvents.id, lastOfCall.lastId))
      .where(
        sql`(${callEvents.kind} = 'left' and ${callEvents.outcome} = 'hangup') or (${callEvents.kind} = 'entered' and ${lastOfCall.ended} = 1)`,
      )
      .groupBy(callEvents.stepId)
      .all();
    return new Map(rows.map((row) => [row.stepId, row.calls]));
  }
}

function inRange(workflowId: string, range: EventRange): SQL | undefined {
  return and(
    eq(callEvents.workflowId, workflowId),
    gte(callEvents.at, range.from.toISOString()),
    lt(callEvents.at, range.to.toISOString()),
    range.versionId === undefined ? undefined : eq(callEvents.versionId, range.versionId),
  );
}
