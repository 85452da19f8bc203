import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/fakes/temp-dir.js';
import { DatabaseOpenError, openDatabase } from './database.js';

const migrationsDir = join(import.meta.dirname, '../../../resources/migrations');

describe('openDatabase', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  it('applies the committed migrations in WAL mode with foreign keys on, once', () => {
    const file = join(dir.path, 'db.sqlite');
    openDatabase(file, migrationsDir).close();
    openDatabase(file, migrationsDir).close();
    const raw = new Database(file);
    const tables = raw
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(['lines', 'settings', '__drizzle_migrations']));
    expect(raw.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBeGreaterThan(0);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const opened = openDatabase(file, migrationsDir);
    expect(opened.db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    opened.close();
  });

  it('says which file it could not open when it is not a database', () => {
    const file = join(dir.path, 'broken.sqlite');
    writeFileSync(file, 'this is not SQLite, just text that happens to be long enough to have a header');
    expect(() => openDatabase(file, migrationsDir)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(file, migrationsDir)).toThrow(file);
  });
});
