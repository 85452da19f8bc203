import { randomUUID } from 'node:crypto';
import { isAbsolute, join, relative } from 'node:path';
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Voicemail, VoicemailListParams } from '../../../shared/domain/voicemails.js';
import type { AppDatabase } from './database.js';
import { agents, teams, voicemails } from './schema.js';

export type VoicemailRow = typeof voicemails.$inferSelect;

/**
 * Messages callers left: saved by the voicemail step, listed unheard first, marked heard and
 * handed to an agent by people. Files are stored relative to the data folder.
 */
export class VoicemailBox {
  constructor(
    private readonly db: AppDatabase,
    /** The data folder. */
    private readonly dataDir: string,
  ) {}

  save(voicemail: {
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
      assigneeId: null,
      createdAt: new Date().toISOString(),
    };
    this.db.insert(voicemails).values(row).run();
    return row;
  }

  list(filter: Partial<VoicemailListParams> = {}): Voicemail[] {
    return this.query(
      and(
        filter.heard === undefined ? undefined : eq(voicemails.heard, filter.heard),
        filter.teamId === undefined ? undefined : eq(voicemails.teamId, filter.teamId),
        filter.assigneeId === undefined ? undefined : eq(voicemails.assigneeId, filter.assigneeId),
      ),
      filter.limit ?? 100,
    );
  }

  get(id: string): Voicemail | undefined {
    return this.query(eq(voicemails.id, id), 1)[0];
  }

  /** The messages one call left (a scan: voicemail has no call index, and is small beside calls). */
  ofCall(callId: string): Voicemail[] {
    return this.query(eq(voicemails.callId, callId), 100);
  }

  /** Undefined when there is no such message. */
  markHeard(id: string, heard: boolean): Voicemail | undefined {
    this.db.update(voicemails).set({ heard }).where(eq(voicemails.id, id)).run();
    return this.get(id);
  }

  assign(id: string, assigneeId: string | null): Voicemail | undefined {
    this.db.update(voicemails).set({ assigneeId }).where(eq(voicemails.id, id)).run();
    return this.get(id);
  }

  /**
   * The audio file's absolute path, looked up by id: a URL never names a path itself. Undefined
   * for an unknown id, or a stored path that would leave the data folder.
   */
  file(id: string): string | undefined {
    const row = this.db.select({ file: voicemails.file }).from(voicemails).where(eq(voicemails.id, id)).get();
    if (!row || isAbsolute(row.file) || row.file.split(/[/\\]/).includes('..')) return undefined;
    return join(this.dataDir, row.file);
  }

  private query(where: SQL | undefined, limit: number): Voicemail[] {
    return this.db
      .select({
        id: voicemails.id,
        callId: voicemails.callId,
        caller: voicemails.caller,
        durationMs: voicemails.durationMs,
        teamId: voicemails.teamId,
        teamName: teams.name,
        heard: voicemails.heard,
        assigneeId: voicemails.assigneeId,
        assigneeName: agents.name,
        createdAt: voicemails.createdAt,
      })
      .from(voicemails)
      .leftJoin(teams, eq(teams.id, voicemails.teamId))
      .leftJoin(agents, eq(agents.id, voicemails.assigneeId))
      .where(where)
      .orderBy(asc(voicemails.heard), desc(voicemails.createdAt), asc(voicemails.id))
      .limit(limit)
      .all();
  }
}
