import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { LineInputParsed } from '../../../shared/domain/line.js';
import type { AppDatabase } from './database.js';
import { lines } from './schema.js';
import type { SecretStore } from './secret-store.js';

export type LineRow = typeof lines.$inferSelect;
export type StoredLine = LineRow & { hasPassword: boolean };

export class LineNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`No line with id ${id}`);
    this.name = 'LineNotFoundError';
  }
}

export class LinePasswordRequiredError extends Error {
  constructor() {
    super('A new line needs a password');
    this.name = 'LinePasswordRequiredError';
  }
}

const passwordKey = (id: string): string => `line:${id}:password`;

/** The office line accounts: rows in SQLite, passwords in the secret store. */
export class LineRepository {
  constructor(
    private readonly db: AppDatabase,
    private readonly secrets: SecretStore,
  ) {}

  list(): StoredLine[] {
    return this.db
      .select()
      .from(lines)
      .orderBy(asc(lines.createdAt), asc(lines.id))
      .all()
      .map((row) => this.withPasswordFlag(row));
  }

  find(id: string): StoredLine | undefined {
    const row = this.db.select().from(lines).where(eq(lines.id, id)).get();
    return row && this.withPasswordFlag(row);
  }

  /** Inserts when `id` is absent, else updates; an omitted password keeps the stored one. */
  save(input: LineInputParsed): StoredLine {
    const now = new Date().toISOString();
    const { password, id: requestedId, ...fields } = input;
    const existing = requestedId === undefined ? undefined : this.find(requestedId);
    if (requestedId !== undefined && !existing) throw new LineNotFoundError(requestedId);
    if (!existing && password === undefined) throw new LinePasswordRequiredError();
    const id = existing?.id ?? randomUUID();
    if (existing) {
      this.db
        .update(lines)
        .set({ ...fields, updatedAt: now })
        .where(eq(lines.id, id))
        .run();
    } else {
      this.db
        .insert(lines)
        .values({ id, ...fields, createdAt: now, updatedAt: now })
        .run();
    }
    // The row is committed first: a failed secret write leaves a line without password, which
    // the UI reports, rather than a password without its line.
    if (password !== undefined) this.secrets.set(passwordKey(id), password);
    const saved = this.find(id);
    if (!saved) throw new LineNotFoundError(id);
    return saved;
  }

  remove(id: string): boolean {
    const result = this.db.delete(lines).where(eq(lines.id, id)).run();
    this.secrets.delete(passwordKey(id));
    return result.changes > 0;
  }

  /** For the SIP user agent only; never sent over the API. */
  password(id: string): string | undefined {
    return this.secrets.get(passwordKey(id));
  }

  private withPasswordFlag(row: LineRow): StoredLine {
    return { ...row, hasPassword: this.secrets.has(passwordKey(row.id)) };
  }
}
