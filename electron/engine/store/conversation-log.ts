import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { AppDatabase } from './database.js';
import { callbacks, callEvents, callTransfers, conversations, voicemails } from './schema.js';

export type ConversationRow = typeof conversations.$inferSelect;
type Outcome = ConversationRow['outcome'];

/**
 * Writes the inbox's conversation rows as calls go: a row when the call starts, then the
 * workflow, the queue, the agent who answered and the end, each committed at once so that a
 * crash leaves a row for every call that had started. (Reading them is inbox-queries' job.)
 */
export class ConversationLog {
  private readonly listeners = new Set<(id: string) => void>();

  constructor(private readonly db: AppDatabase) {}

  /** Hears of every write to a conversation (the API pushes it to the apps' inboxes). */
  onChange(listener: (id: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(id: string): void {
    for (const listener of this.listeners) listener(id);
  }

  started(call: {
    id: string;
    direction: 'inbound' | 'outbound';
    lineId: string | null;
    caller: string;
    dialled: string;
    agentId?: string | null;
    teamId?: string | null;
    at: Date;
  }): void {
    this.db
      .insert(conversations)
      .values({
        id: call.id,
        direction: call.direction,
        lineId: call.lineId,
        caller: call.caller,
        dialled: call.dialled,
        agentId: call.agentId ?? null,
        teamId: call.teamId ?? null,
        startedAt: call.at.toISOString(),
      })
      .onConflictDoNothing()
      .run();
    this.changed(call.id);
  }

  /** The first workflow a call ran is the one the inbox names (waiting-room workflows follow). */
  workflowStarted(id: string, workflowId: string, versionId: string): void {
    this.db
      .update(conversations)
      .set({ workflowId, versionId })
      .where(and(eq(conversations.id, id), isNull(conversations.workflowId)))
      .run();
    this.changed(id);
  }

  /** Joined a team's queue; an overflow to another team moves it there, its wait runs on. */
  queued(id: string, teamId: string, at: Date): void {
    this.db
      .update(conversations)
      .set({ teamId, queuedAt: sql`coalesce(${conversations.queuedAt}, ${at.toISOString()})` })
      .where(eq(conversations.id, id))
      .run();
    this.changed(id);
  }

  answered(id: string, agentId: string, at: Date): void {
    const row = this.get(id);
    if (!row) return;
    this.db
      .update(conversations)
      .set({ agentId, answeredAt: at.toISOString(), waitMs: sinceMs(row.queuedAt, at) })
      .where(eq(conversations.id, id))
      .run();
    this.changed(id);
  }

  /**
   * The agent on the call transferred it and the target answered. The conversation names the
   * agent who took it (`toAgentId`; when that is a number or a phone that is no agent of ours,
   * the agent before stays named); the transfer is kept for the timeline, and the call's outcome
   * will be 'transferred'.
   */
  transferred(id: string, transfer: Omit<typeof callTransfers.$inferInsert, 'id' | 'callId'>): void {
    if (!this.get(id)) return;
    this.db.transaction((tx) => {
      tx.insert(callTransfers)
        .values({ ...transfer, callId: id })
        .run();
      if (transfer.toAgentId)
        tx.update(conversations).set({ agentId: transfer.toAgentId }).where(eq(conversations.id, id)).run();
    });
    this.changed(id);
  }

  /** The caller hung up while waiting in a queue or while an agent's phone rang. */
  abandoned(id: string, at: Date): void {
    const row = this.get(id);
    if (!row || row.answeredAt !== null) return;
    this.db
      .update(conversations)
      .set({ outcome: 'abandoned', waitMs: sinceMs(row.queuedAt, at) })
      .where(eq(conversations.id, id))
      .run();
    this.changed(id);
  }

  /** Left the queue unanswered by overflow or the no-answer path: the wait is known. */
  leftQueue(id: string, at: Date): void {
    const row = this.get(id);
    if (!row || row.answeredAt !== null) return;
    this.db
      .update(conversations)
      .set({ waitMs: sinceMs(row.queuedAt, at) })
      .where(eq(conversations.id, id))
      .run();
    this.changed(id);
  }

  /**
   * The call is over. `putThrough`: the workflow handed it on (an agent or a transfer target);
   * what it came to otherwise is read from what it left behind.
   */
  ended(id: string, at: Date, putThrough: boolean): void {
    const row = this.get(id);
    if (!row || row.endedAt !== null) return;
    this.db
      .update(conversations)
      .set({
        endedAt: at.toISOString(),
        talkMs: row.answeredAt === null ? null : sinceMs(row.answeredAt, at),
        outcome: this.outcomeOf(row, putThrough ? 'transferred' : null),
      })
      .where(eq(conversations.id, id))
      .run();
    this.changed(id);
  }

  /**
   * At start-up: calls that were in progress when the engine stopped (a crash, kill -9) end
   * at their last logged event, with the outcome they had reached or 'interrupted'.
   */
  closeInterrupted(): number {
    const open = this.db.select().from(conversations).where(eq(conversations.outcome, 'in_progress')).all();
    for (const row of open) {
      const last = this.db
        .select({ at: sql<string | null>`max(${callEvents.at})` })
        .from(callEvents)
        .where(eq(callEvents.callId, row.id))
        .get()?.at;
      // The latest thing known of the call; ISO strings of one format sort as time.
      const endedAt = [last, row.answeredAt, row.startedAt]
        .filter((at): at is string => at !== null && at !== undefined)
        .sort()
        .at(-1)!;
      this.db
        .update(conversations)
        .set({
          endedAt,
          talkMs: row.answeredAt === null ? null : sinceMs(row.answeredAt, new Date(endedAt)),
          outcome: this.outcomeOf(row, null, 'interrupted'),
        })
        .where(eq(conversations.id, row.id))
        .run();
    }
    return open.length;
  }

  /** Talk times of a team's last answered calls, oldest first (for wait estimates). */
  recentTalkMs(teamId: string, count: number): number[] {
    return this.db
      .select({ talkMs: conversations.talkMs })
      .from(conversations)
      .where(and(eq(conversations.teamId, teamId), eq(conversations.outcome, 'answered')))
      .orderBy(desc(conversations.startedAt))
      .limit(count)
      .all()
      .flatMap((row) => (row.talkMs === null ? [] : [row.talkMs]))
      .reverse();
  }

  get(id: string): ConversationRow | undefined {
    return this.db.select().from(conversations).where(eq(conversations.id, id)).get();
  }

  private outcomeOf(row: ConversationRow, handedOn: Outcome | null, otherwise?: Outcome): Outcome {
    if (row.outcome !== 'in_progress') return row.outcome;
    // An agent's transfer that was taken, even on a call a crash interrupted.
    if (
      this.db
        .select({ id: callTransfers.id })
        .from(callTransfers)
        .where(eq(callTransfers.callId, row.id))
        .get()
    )
      return 'transferred';
    if (row.answeredAt !== null) return 'answered';
    if (this.db.select({ id: voicemails.id }).from(voicemails).where(eq(voicemails.callId, row.id)).get())
      return 'voicemail';
    if (this.db.select({ id: callbacks.id }).from(callbacks).where(eq(callbacks.callId, row.id)).get())
      return 'callback_requested';
    if (handedOn) return handedOn;
    if (otherwise) return otherwise;
    return row.queuedAt === null ? 'ended_by_ivr' : 'unanswered';
  }
}

function sinceMs(fromIso: string | null, to: Date): number | null {
  return fromIso === null ? null : Math.max(0, to.getTime() - Date.parse(fromIso));
}
