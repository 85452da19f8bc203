import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNotNull, lte, min, notInArray } from 'drizzle-orm';
import type { SmsStatus } from '../../../shared/domain/sms.js';
import type { AppDatabase } from './database.js';
import { smsAttempts, smsOutbox } from './schema.js';

export type SmsRow = typeof smsOutbox.$inferSelect;
export type SmsAttemptRow = typeof smsAttempts.$inferSelect;

/** What one delivery attempt came to, and when the message is tried next if it failed. */
export type AttemptOutcome =
  | { ok: true; provider: string; detail: string; at: Date }
  | { ok: false; provider: string; detail: string; at: Date; retryAt: Date | null };

export class SmsNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`No text message ${id}`);
    this.name = 'SmsNotFoundError';
  }
}

export class SmsNotFailedError extends Error {
  constructor(readonly status: SmsStatus) {
    super(status === 'sent' ? 'The message was sent already' : 'The message is still queued');
    this.name = 'SmsNotFailedError';
  }
}

/**
 * Text messages waiting for (or done with) a provider; each write committed at once, so a
 * message queued before a crash is still delivered after the restart. Listeners hear of every
 * row that changed (queued, tried, sent, failed, queued again).
 */
export class SmsOutbox {
  private readonly listeners = new Set<(row: SmsRow) => void>();

  constructor(private readonly db: AppDatabase) {}

  /** Calls `listener` with each changed row; returns the unsubscribe. */
  onChange(listener: (row: SmsRow) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  queue(
    sms: { callId: string | null; agentId?: string | null; to: string; text: string },
    now = new Date(),
  ): SmsRow {
    const at = now.toISOString();
    const row: SmsRow = {
      id: randomUUID(),
      callId: sms.callId,
      agentId: sms.agentId ?? null,
      to: sms.to,
      text: sms.text,
      status: 'queued',
      attempts: 0,
      nextAttemptAt: at,
      lastError: null,
      sentAt: null,
      createdAt: at,
    };
    this.db.insert(smsOutbox).values(row).run();
    this.changed(row);
    return row;
  }

  get(id: string): SmsRow | undefined {
    return this.db.select().from(smsOutbox).where(eq(smsOutbox.id, id)).get();
  }

  /** Newest first, optionally only those with one status. */
  list(filter: { status?: SmsStatus; limit?: number } = {}): SmsRow[] {
    return this.db
      .select()
      .from(smsOutbox)
      .where(filter.status === undefined ? undefined : eq(smsOutbox.status, filter.status))
      .orderBy(desc(smsOutbox.createdAt), desc(smsOutbox.id))
      .limit(filter.limit ?? 500)
      .all();
  }

  /** Queued messages due by `now`, longest due first, leaving out those being tried. */
  due(now: Date, limit: number, skip: readonly string[] = []): SmsRow[] {
    if (limit <= 0) return [];
    return this.db
      .select()
      .from(smsOutbox)
      .where(
        and(
          eq(smsOutbox.status, 'queued'),
          lte(smsOutbox.nextAttemptAt, now.toISOString()),
          skip.length > 0 ? notInArray(smsOutbox.id, [...skip]) : undefined,
        ),
      )
      .orderBy(asc(smsOutbox.nextAttemptAt), asc(smsOutbox.createdAt))
      .limit(limit)
      .all();
  }

  /** When the earliest queued message (not being tried) falls due, if any is queued. */
  nextDueAt(skip: readonly string[] = []): Date | undefined {
    const row = this.db
      .select({ at: min(smsOutbox.nextAttemptAt) })
      .from(smsOutbox)
      .where(
        and(
          eq(smsOutbox.status, 'queued'),
          isNotNull(smsOutbox.nextAttemptAt),
          skip.length > 0 ? notInArray(smsOutbox.id, [...skip]) : undefined,
        ),
      )
      .get();
    return row?.at ? new Date(row.at) : undefined;
  }

  /**
   * Records an attempt and moves the message on in one transaction: sent; failed when
   * `retryAt` is null (the last attempt); else queued again for `retryAt`. A message that is no
   * longer queued (removed meanwhile) is left as it is.
   */
  recordAttempt(id: string, outcome: AttemptOutcome): SmsRow | undefined {
    const at = outcome.at.toISOString();
    const row = this.db.transaction((tx) => {
      const current = tx.select().from(smsOutbox).where(eq(smsOutbox.id, id)).get();
      if (!current || current.status !== 'queued') return undefined;
      tx.insert(smsAttempts)
        .values({ smsId: id, provider: outcome.provider, ok: outcome.ok, detail: outcome.detail, at })
        .run();
      const attempts = current.attempts + 1;
      const next: Partial<SmsRow> = outcome.ok
        ? { status: 'sent', attempts, sentAt: at, nextAttemptAt: null, lastError: null }
        : outcome.retryAt === null
          ? { status: 'failed', attempts, nextAttemptAt: null, lastError: outcome.detail }
          : { attempts, nextAttemptAt: outcome.retryAt.toISOString(), lastError: outcome.detail };
      tx.update(smsOutbox).set(next).where(eq(smsOutbox.id, id)).run();
      return { ...current, ...next };
    });
    if (row) this.changed(row);
    return row;
  }

  /** Puts a failed message back in the queue for a new round of attempts; its history stays. */
  resend(id: string, now = new Date()): SmsRow {
    const current = this.get(id);
    if (!current) throw new SmsNotFoundError(id);
    if (current.status !== 'failed') throw new SmsNotFailedError(current.status);
    const next = { status: 'queued' as const, attempts: 0, nextAttemptAt: now.toISOString() };
    this.db
      .update(smsOutbox)
      .set(next)
      .where(and(eq(smsOutbox.id, id), eq(smsOutbox.status, 'failed')))
      .run();
    const row = { ...current, ...next };
    this.changed(row);
    return row;
  }

  /** Every attempt of a message, oldest first. */
  attemptsOf(id: string): SmsAttemptRow[] {
    return this.db
      .select()
      .from(smsAttempts)
      .where(eq(smsAttempts.smsId, id))
      .orderBy(asc(smsAttempts.at), asc(smsAttempts.id))
      .all();
  }

  private changed(row: SmsRow): void {
    for (const listener of this.listeners) listener(row);
  }
}
