import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import {
  teamRoutingSchema,
  type Team,
  type TeamInput,
  type TeamRouting,
} from '../../../shared/domain/teams.js';
import type { AppDatabase } from './database.js';
import { teamMembers, teams } from './schema.js';

export class TeamNameTakenError extends Error {
  constructor(readonly teamName: string) {
    super(`A team named "${teamName}" already exists`);
    this.name = 'TeamNameTakenError';
  }
}

/**
 * Teams by name (a name is unique, as people tell teams apart by it), their queue settings and
 * members. Membership is written here as a whole list per team; agent-repository.ts writes it as
 * a list per agent — the same table either way.
 */
export class TeamRepository {
  constructor(private readonly db: AppDatabase) {}

  list(): Team[] {
    const members = this.db.select().from(teamMembers).all();
    return this.db
      .select()
      .from(teams)
      .orderBy(asc(teams.name))
      .all()
      .map((row) => ({
        id: row.id,
        name: row.name,
        routing: parseRouting(row.routing),
        memberIds: members.filter((m) => m.teamId === row.id).map((m) => m.agentId),
        createdAt: row.createdAt,
      }));
  }

  get(id: string): Team | undefined {
    return this.list().find((team) => team.id === id);
  }

  /** Creates a team, or changes the one with `id`; undefined when no team has that id. */
  save(input: TeamInput): Team | undefined {
    const clash = this.db.select().from(teams).where(eq(teams.name, input.name)).get();
    if (clash && clash.id !== input.id) throw new TeamNameTakenError(input.name);
    const id = input.id ?? randomUUID();
    const saved = this.db.transaction((tx) => {
      if (input.id === undefined) {
        const routing = input.routing ?? teamRoutingSchema.parse({});
        tx.insert(teams)
          .values({
            id,
            name: input.name,
            routing: JSON.stringify(routing),
            createdAt: new Date().toISOString(),
          })
          .run();
      } else {
        const changed = tx
          .update(teams)
          .set({ name: input.name, ...(input.routing && { routing: JSON.stringify(input.routing) }) })
          .where(eq(teams.id, id))
          .run().changes;
        if (changed === 0) return false;
      }
      if (input.memberIds !== undefined) {
        tx.delete(teamMembers).where(eq(teamMembers.teamId, id)).run();
        for (const agentId of new Set(input.memberIds))
          tx.insert(teamMembers).values({ teamId: id, agentId }).run();
      }
      return true;
    });
    return saved ? this.get(id) : undefined;
  }

  remove(id: string): boolean {
    return this.db.delete(teams).where(eq(teams.id, id)).run().changes > 0;
  }
}

/** A stored routing older than a setting gets that setting's default. */
function parseRouting(json: string): TeamRouting {
  return teamRoutingSchema.parse(JSON.parse(json));
}
