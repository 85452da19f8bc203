import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lineInputSchema } from '../../../shared/domain/line.js';
import { tempDir } from '../../../test/fakes/temp-dir.js';
import { openDatabase, type OpenedDatabase } from './database.js';
import { LineNotFoundError, LinePasswordRequiredError, LineRepository } from './line-repository.js';
import { plainFileCipher, SecretStore } from './secret-store.js';

const migrationsDir = join(import.meta.dirname, '../../../resources/migrations');
const input = (fields: Record<string, unknown>) =>
  lineInputSchema.parse({
    displayName: 'Main',
    registrar: 'pbx.example.com:5060',
    username: 'office',
    ...fields,
  });

describe('LineRepository on a real SQLite file', () => {
  let dir: ReturnType<typeof tempDir>;
  let database: OpenedDatabase;
  let repo: LineRepository;
  const open = () => {
    database = openDatabase(join(dir.path, 'db.sqlite'), migrationsDir);
    repo = new LineRepository(database.db, new SecretStore(join(dir.path, 'secrets.json'), plainFileCipher));
  };

  beforeEach(() => {
    dir = tempDir();
    open();
  });
  afterEach(() => {
    database.close();
    dir.remove();
  });

  it('creates a line, keeps it across reopening, and stores the password outside the database', () => {
    const saved = repo.save(input({ password: 'S3cret-pw', numbers: ['0212345678'] }));
    expect(saved).toMatchObject({ displayName: 'Main', numbers: ['0212345678'], hasPassword: true });
    database.close();
    open();
    expect(repo.list()).toEqual([saved]);
    expect(repo.password(saved.id)).toBe('S3cret-pw');
    expect(readFileSync(join(dir.path, 'db.sqlite')).includes('S3cret-pw')).toBe(false);
    expect(statSync(join(dir.path, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir.path, 'db.sqlite')).mode & 0o777).toBe(0o600);
  });

  it('keeps the stored password when an update omits it, replaces it when given', () => {
    const { id } = repo.save(input({ password: 'first' }));
    repo.save(input({ id, displayName: 'Renamed' }));
    expect(repo.password(id)).toBe('first');
    expect(repo.find(id)?.displayName).toBe('Renamed');
    repo.save(input({ id, password: 'second' }));
    expect(repo.password(id)).toBe('second');
  });

  it('refuses a new line without a password and an update of a missing line', () => {
    expect(() => repo.save(input({}))).toThrow(LinePasswordRequiredError);
    expect(() => repo.save(input({ id: '6f1c1d4e-3a57-4f4b-9a43-3f1f6f9b1c2d', password: 'x' }))).toThrow(
      LineNotFoundError,
    );
    expect(repo.list()).toEqual([]);
  });

  it('removes the line and its password', () => {
    const { id } = repo.save(input({ password: 'pw' }));
    expect(repo.remove(id)).toBe(true);
    expect(repo.remove(id)).toBe(false);
    expect(repo.password(id)).toBeUndefined();
    expect(readFileSync(join(dir.path, 'secrets.json'), 'utf8')).not.toContain('pw"');
  });
});
