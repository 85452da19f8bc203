import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/engine/store/database.js';
import { tempDir } from './temp-dir.js';

const migrations = join(import.meta.dirname, '../../resources/migrations');

export interface TestDatabase {
  /** The open connection; a new one after `reopen()`. */
  readonly db: AppDatabase;
  /** The SQLite file. */
  readonly path: string;
  /** The temp folder holding the file, free for the test's other files. */
  readonly dir: string;
  /** Closes the file and opens it again, as the next start of the app would. */
  reopen(): AppDatabase;
  close(): void;
}

/**
 * A fresh SQLite file with the committed migrations applied, in its own temp folder. Call it
 * inside a test or a beforeEach: the file is closed and removed once the test has finished
 * (after the afterEach hooks, so those may still use it).
 */
export function testDatabase(): TestDatabase {
  const dir = tempDir();
  const path = join(dir.path, 'switchboard.db');
  let database = openDatabase(path, migrations);
  onTestFinished(() => {
    database.close();
    dir.remove();
  });
  return {
    get db() {
      return database.db;
    },
    path,
    dir: dir.path,
    reopen() {
      database.close();
      database = openDatabase(path, migrations);
      return database.db;
    },
    close: () => database.close(),
  };
}
