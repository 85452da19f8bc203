import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenedDatabase {
  db: AppDatabase;
  close(): void;
}

export class DatabaseOpenError extends Error {
  constructor(file: string, cause: unknown) {
    super(`Cannot open the database ${file}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'DatabaseOpenError';
  }
}

/**
 * Opens the SQLite file and applies committed migrations before anyone else may use it.
 * WAL keeps readers from blocking the writer; foreign keys are off by default in SQLite.
 */
export function openDatabase(file: string, migrationsDir: string): OpenedDatabase {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
    // Calls, numbers and voicemail are personal data: only the user may read the file.
    chmodSync(file, 0o600);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
  } catch (error) {
    throw new DatabaseOpenError(file, error);
  }
  const db = drizzle(sqlite, { schema });
  try {
    migrate(db, { migrationsFolder: migrationsDir });
  } catch (error) {
    sqlite.close();
    throw new DatabaseOpenError(file, error);
  }
  return {
    db,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}
