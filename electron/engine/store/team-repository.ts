import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { AppDatabase } from './database.js';
import { teams } from './schema.js';

export type TeamRow = typeof teams.$inferSelect;

export class TeamNameTakenError extends Error {
  constructor(readonly teamName: string) {
    super(`A team named "${teamName}" already exists`);
    this.name = 'TeamNameTakenError';
  }
}

/** Teams by name; a name is unique, as people tell teams apart by it. */
export class TeamRepository {
  constructor(private readonly db: AppDatabase) {}

  list(): TeamRow[] {
    return this.db.select().from(teams).orderBy(asc(teams.name)).all();
  }

  /** Creates a team, or renames the one with `id`; undefined when no team has that id. */
  save(input: { id?: string; name: string }): TeamRow | undefined {
    const clash = this.db.select().from(teams).where(eq(teams.name, input.name)).get();
    if (clash && clash.id !== input.id) throw new TeamNameTakenError(input.name);
    if (input.id === undefined) {
      const row = { id: randomUUID(), name: input.name, createdAt: new Date().toISOString() };
      this.db.insert(teams).values(row).run();
      return row;
    }
    return this.db.update(teams).set({ name: input.name }).where(eq(teams.id, input.id)).returning().get();
  }

  remove(id: string): boolean {
    return this.db.delete(teams).where(eq(teams.id, id)).run().changes > 0;
  }
}
