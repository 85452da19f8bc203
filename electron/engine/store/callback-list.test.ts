import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/fakes/temp-dir.js';
import { CallbackList } from './callback-list.js';
import { openDatabase } from './database.js';

const migrations = join(import.meta.dirname, '../../../resources/migrations');

describe('callback list', () => {
  it('keeps a request as open, oldest first, across a reopen', () => {
    const dir = tempDir();
    const file = join(dir.path, 'switchboard.db');
    let database = openDatabase(file, migrations);
    const list = new CallbackList(database.db);
    list.request({ callId: 'c1', number: '0212345678', teamId: 'sales', reason: 'busy' });
    list.request({ callId: 'c2', number: '01099998888', teamId: null, reason: 'after hours' });
    database.close();
    database = openDatabase(file, migrations);
    expect(new CallbackList(database.db).list()).toMatchObject([
      { number: '0212345678', teamId: 'sales', status: 'open', attempts: 0 },
      { number: '01099998888', teamId: null, status: 'open' },
    ]);
    database.close();
    dir.remove();
  });
});
