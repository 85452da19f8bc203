import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/fakes/temp-dir.js';
import { openDatabase, type OpenedDatabase } from '../store/database.js';
import { LineRepository } from '../store/line-repository.js';
import { plainFileCipher, SecretStore } from '../store/secret-store.js';
import { provision, ProvisioningError } from './provision.js';

const migrationsDir = join(import.meta.dirname, '../../../resources/migrations');

describe('provision --config FILE', () => {
  let dir: ReturnType<typeof tempDir>;
  let database: OpenedDatabase;
  let lines: LineRepository;
  const write = (name: string, body: unknown) => {
    const file = join(dir.path, name);
    writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
    return file;
  };

  beforeEach(() => {
    dir = tempDir();
    database = openDatabase(join(dir.path, 'db.sqlite'), migrationsDir);
    lines = new LineRepository(database.db, new SecretStore(join(dir.path, 's.json'), plainFileCipher));
  });
  afterEach(() => {
    database.close();
    dir.remove();
  });

  it('creates lines once and updates them on a second run', () => {
    const file = write('office.json', {
      lines: [
        {
          displayName: 'Main',
          registrar: '10.0.0.1',
          username: 'office',
          password: 'pw',
          numbers: ['021234567'],
        },
      ],
    });
    expect(provision(file, lines)).toEqual({ created: 1, updated: 0 });
    expect(provision(file, lines)).toEqual({ created: 0, updated: 1 });
    expect(lines.list()).toHaveLength(1);
    expect(lines.list()[0]).toMatchObject({ displayName: 'Main', numbers: ['021234567'] });
  });

  it('names the file, the JSON path and the problem, and changes nothing', () => {
    const file = write('bad.json', {
      lines: [
        { displayName: 'Main', registrar: '10.0.0.1', username: 'office', password: 'pw' },
        {
          displayName: 'Second',
          registrar: 'no spaces allowed',
          username: 'x',
          password: 'pw',
          transport: 'sctp',
        },
      ],
    });
    let message = '';
    try {
      provision(file, lines);
    } catch (error) {
      expect(error).toBeInstanceOf(ProvisioningError);
      message = (error as Error).message;
    }
    expect(message).toContain(`${file}: lines[1].registrar: Use host or host:port`);
    expect(message).toContain(`${file}: lines[1].transport:`);
    expect(lines.list()).toEqual([]);
  });

  it('reports unparsable JSON and unknown keys', () => {
    expect(() => provision(write('broken.json', '{"lines": ['), lines)).toThrow(
      /broken\.json: not valid JSON/,
    );
    expect(() => provision(write('typo.json', { line: [] }), lines)).toThrow(
      /typo\.json: \(top level\): Unrecognized key/,
    );
    expect(() => provision(join(dir.path, 'missing.json'), lines)).toThrow(/missing\.json: cannot read/);
  });
});
