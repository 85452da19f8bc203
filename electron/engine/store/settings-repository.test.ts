import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/fakes/temp-dir.js';
import { openDatabase, type OpenedDatabase } from './database.js';
import { settings } from './schema.js';
import { SettingsRepository } from './settings-repository.js';

const migrationsDir = join(import.meta.dirname, '../../../resources/migrations');

describe('SettingsRepository', () => {
  let dir: ReturnType<typeof tempDir>;
  let database: OpenedDatabase;
  beforeEach(() => {
    dir = tempDir();
    database = openDatabase(join(dir.path, 'db.sqlite'), migrationsDir);
  });
  afterEach(() => {
    database.close();
    dir.remove();
  });

  it('starts with defaults and keeps what was updated', () => {
    const repo = new SettingsRepository(database.db);
    expect(repo.get()).toEqual({
      officeName: '',
      timeZone: 'Asia/Seoul',
      trustedSipSources: [],
      transferAllowList: [],
      pbxWebSocketUrl: '',
    });
    expect(repo.update({ officeName: '서울 치과' })).toEqual({
      officeName: '서울 치과',
      timeZone: 'Asia/Seoul',
      trustedSipSources: [],
      transferAllowList: [],
      pbxWebSocketUrl: '',
    });
    expect(repo.update({ timeZone: 'Europe/Berlin' }).officeName).toBe('서울 치과');
  });

  it('falls back to the default for one bad stored value without losing the others', () => {
    const repo = new SettingsRepository(database.db);
    repo.update({ officeName: 'Kept' });
    database.db.insert(settings).values({ key: 'timeZone', value: '"Mars/Olympus"' }).run();
    expect(repo.get()).toEqual({
      officeName: 'Kept',
      timeZone: 'Asia/Seoul',
      trustedSipSources: [],
      transferAllowList: [],
      pbxWebSocketUrl: '',
    });
  });
});
