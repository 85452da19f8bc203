import { randomUUID } from 'node:crypto';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { AppDatabase } from './database.js';
import { callbacks } from './schema.js';

export type CallbackRow = typeof callbacks.$inferSelect;

/** Callers who asked to be called back, oldest first; each write committed at once. */
export class CallbackList {
  constructor(private readonly db: AppDatabase) {}

  request(callback: { callId: string; number: string; teamId: string | null; reason: string }): CallbackRow {
    const row: CallbackRow = {
      id: randomUUID(),
      ...callback,
      status: 'open',
      assigneeId: null,
      attempts: 0,
      lastAttemptAt: null,
      lastResult: null,
      requestedAt: new Date().toISOString(),
      updatedAt: null,
    };
    this.db.insert(callbacks).values(row).run();
    return row;
  }

  list(filter: { status?: CallbackRow['status']; teamId?: string; limit?: number } = {}): CallbackRow[] {
    const where: SQL[] = [];
    if (filter.status) where.push(eq(callbacks.status, filter.status));
    if (filter.teamId) where.push(eq(callbacks.teamId, filter.teamId));
    return this.db
      .select()
      .from(callbacks)
      .where(and(...where))
      .orderBy(asc(callbacks.requestedAt))
      .limit(filter.limit ?? 500)
      .all();
  }

  get(id: string): CallbackRow | undefined {
    return this.db.select().from(callbacks).where(eq(callbacks.id, id)).get();
  }

  /** An agent is calling the number back now. */
  attemptStarted(id: string, agentId: string): CallbackRow | undefined {
    const row = this.get(id);
    if (!row) return undefined;
    const now = new Date().toISOString();
    return this.db
      .update(callbacks)
      .set({
        status: 'in_progress',
        assigneeId: agentId,
        attempts: row.attempts + 1,
        lastAttemptAt: now,
        updatedAt: now,
      })
      .where(eq(callbacks.id, id))
      .returning()
      .get();
  }

  /** Where the request stands now, and what the last attempt came to in words. */
  settle(id: string, status: CallbackRow['status'], result?: string): CallbackRow | undefined {
    return this.db
      .update(callbacks)
      .set({
        status,
        ...(result !== undefined && { lastResult: result }),
        updatedAt: new Date().toISOString(),
      })
      .where(eq(callbacks.id, id))
      .returning()
      .get();
  }
}
