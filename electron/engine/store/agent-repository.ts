import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { AgentInput, Presence } from '../../../shared/domain/agents.js';
import type { AppDatabase } from './database.js';
import { agents, teamMembers } from './schema.js';

export type AgentRow = typeof agents.$inferSelect & { teamIds: string[] };

export class ExtensionTakenError extends Error {
  constructor(readonly extension: string) {
    super(`Another agent already has extension ${extension}`);
    this.name = 'ExtensionTakenError';
  }
}

/** The people who answer calls, their teams and their chosen presence. */
export class AgentRepository {
  constructor(private readonly db: AppDatabase) {}

  list(): AgentRow[] {
    const members = this.db.select().from(teamMembers).all();
    return this.db
      .select()
      .from(agents)
      .orderBy(asc(agents.name))
      .all()
      .map((row) => ({ ...row, teamIds: members.filter((m) => m.agentId === row.id).map((m) => m.teamId) }));
  }

  get(id: string): AgentRow | undefined {
    return this.list().find((agent) => agent.id === id);
  }

  /** Creates an agent (offline), or changes the one with `id`; undefined when there is none. */
  save(input: AgentInput): AgentRow | undefined {
    const clash = this.db.select().from(agents).where(eq(agents.extension, input.extension)).get();
    if (clash && clash.id !== input.id) throw new ExtensionTakenError(input.extension);
    const id = input.id ?? randomUUID();
    const fields = { name: input.name, extension: input.extension, maxCalls: input.maxCalls };
    const saved = this.db.transaction((tx) => {
      if (input.id === undefined) {
        const now = new Date().toISOString();
        tx.insert(agents)
          .values({ id, ...fields, presence: 'offline', presenceChangedAt: now, createdAt: now })
          .run();
      } else if (tx.update(agents).set(fields).where(eq(agents.id, id)).run().changes === 0) {
        return false;
      }
      if (input.teamIds !== undefined) {
        tx.delete(teamMembers).where(eq(teamMembers.agentId, id)).run();
        for (const teamId of new Set(input.teamIds))
          tx.insert(teamMembers).values({ teamId, agentId: id }).run();
      }
      return true;
    });
    return saved ? this.get(id) : undefined;
  }

  setPresence(id: string, presence: Presence, at: Date): boolean {
    return (
      this.db
        .update(agents)
        .set({ presence, presenceChangedAt: at.toISOString() })
        .where(eq(agents.id, id))
        .run().changes > 0
    );
  }

  remove(id: string): boolean {
    return this.db.delete(agents).where(eq(agents.id, id)).run().changes > 0;
  }
}
