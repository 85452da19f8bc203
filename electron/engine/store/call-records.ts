import { randomUUID } from 'node:crypto';
import { relative } from 'node:path';
import { asc, desc, eq } from 'drizzle-orm';
import type { AppDatabase } from './database.js';
import { callbacks, callTags, smsOutbox, voicemails } from './schema.js';

export type VoicemailRow = typeof voicemails.$inferSelect;
export type CallbackRow = typeof callbacks.$inferSelect;
export type SmsRow = typeof smsOutbox.$inferSelect;

/**
 * What calls leave behind for people to act on: voicemail, callback requests, text messages to
 * send, tags. Each write is committed at once, like the step log, so a crash loses none of it.
 */
export class CallRecords {
  constructor(
    private readonly db: AppDatabase,
    /** The data folder: file paths are stored relative to it. */
    private readonly dataDir: string,
  ) {}

  saveVoicemail(voicemail: {
    callId: string;
    caller: string;
    file: string;
    durationMs: number;
    teamId: string | null;
  }): VoicemailRow {
    const row = {
      id: randomUUID(),
      ...voicemail,
      file: relative(this.dataDir, voicemail.file),
      heard: false,
      createdAt: new Date().toISOString(),
    };
    this.db.insert(voicemails).values(row).run();
    return row;
  }

  voicemails(): VoicemailRow[] {
    return this.db.select().from(voicemails).orderBy(desc(voicemails.createdAt)).all();
  }

  requestCallback(callback: {
    callId: string;
    number: string;
    teamId: string | null;
    reason: string;
  }): CallbackRow {
    const row = {
      id: randomUUID(),
      ...callback,
      status: 'open' as const,
      requestedAt: new Date().toISOString(),
    };
    this.db.insert(callbacks).values(row).run();
    return row;
  }

  callbacks(): CallbackRow[] {
    return this.db.select().from(callbacks).orderBy(asc(callbacks.requestedAt)).all();
  }

  queueSms(sms: { callId: string; to: string; text: string }): SmsRow {
    const row = { id: randomUUID(), ...sms, status: 'queued' as const, createdAt: new Date().toISOString() };
    this.db.insert(smsOutbox).values(row).run();
    return row;
  }

  smsOutbox(): SmsRow[] {
    return this.db.select().from(smsOutbox).orderBy(asc(smsOutbox.createdAt)).all();
  }

  /** A tag already on the call is kept once. */
  addTags(callId: string, tags: readonly string[]): void {
    const addedAt = new Date().toISOString();
    for (const tag of new Set(tags)) {
      this.db.insert(callTags).values({ callId, tag, addedAt }).onConflictDoNothing().run();
    }
  }

  tagsOf(callId: string): string[] {
    return this.db
      .select({ tag: callTags.tag })
      .from(callTags)
      .where(eq(callTags.callId, callId))
      .orderBy(asc(callTags.addedAt), asc(callTags.tag))
      .all()
      .map((r) => r.tag);
  }
}
