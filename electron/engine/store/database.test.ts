import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/fakes/temp-dir.js';
import { DatabaseOpenError, openDatabase } from './database.js';
import { NumberBindingRepository } from './number-binding-repository.js';
import { WorkflowRepository } from './workflow-repository.js';

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
    expect(tables).toEqual(
      expect.arrayContaining([
        'lines',
        'settings',
        'workflows',
        'workflow_versions',
        'number_bindings',
        'call_events',
        'prompts',
        '__drizzle_migrations',
      ]),
    );
    expect(raw.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBeGreaterThan(0);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const opened = openDatabase(file, migrationsDir);
    expect(opened.db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    opened.close();
  });

  it('brings a database made by the migrations before workflows up to date, keeping its lines', () => {
    // The migrations folder as it was before workflows: the first two entries of the journal.
    const before = join(dir.path, 'migrations-before');
    cpSync(migrationsDir, before, { recursive: true });
    const journalFile = join(before, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => ['0000_init', '0001_line_handoff'].includes(e.tag));
    writeFileSync(journalFile, JSON.stringify(journal));

    const file = join(dir.path, 'db.sqlite');
    const old = openDatabase(file, before);
    old.db.$client
      .prepare(
        `insert into lines (id, display_name, registrar, username, transport, handoff, numbers, enabled, created_at, updated_at)
         values ('1d6f0b9e-7c3a-4c2e-8f4b-5a6d7e8f9a0b', 'Main', 'pbx.example.com', 'office', 'udp', 'refer', '["0212345678"]', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
      )
      .run();
    expect(
      old.db.$client.prepare("select count(*) from sqlite_master where name = 'workflows'").pluck().get(),
    ).toBe(0);
    old.close();

    const upgraded = openDatabase(file, migrationsDir);
    const line = upgraded.db.$client.prepare('select display_name, handoff, numbers from lines').all();
    expect(line).toEqual([{ display_name: 'Main', handoff: 'refer', numbers: '["0212345678"]' }]);
    const workflows = new WorkflowRepository(upgraded.db);
    const { id } = workflows.create('Main', { trigger: { kind: 'customer_called' }, steps: [], edges: [] });
    workflows.publish(id, { note: '', author: 'kim' });
    new NumberBindingRepository(upgraded.db).bind('0212345678', '1d6f0b9e-7c3a-4c2e-8f4b-5a6d7e8f9a0b', id);
    expect(
      new NumberBindingRepository(upgraded.db).bound('1d6f0b9e-7c3a-4c2e-8f4b-5a6d7e8f9a0b', '0212345678')
        ?.workflowId,
    ).toBe(id);
    upgraded.close();
  });

  it('says which file it could not open when it is not a database', () => {
    const file = join(dir.path, 'broken.sqlite');
    writeFileSync(file, 'this is not SQLite, just text that happens to be long enough to have a header');
    expect(() => openDatabase(file, migrationsDir)).toThrow(DatabaseOpenError);
    expect(() => openDatabase(file, migrationsDir)).toThrow(file);
  });
});
