import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/fakes/test-database.js';
import { CallbackList } from './callback-list.js';

describe('callback list', () => {
  it('keeps a request as open, oldest first, across a reopen', () => {
    const database = testDatabase();
    const list = new CallbackList(database.db);
    list.request({ callId: 'c1', number: '0212345678', teamId: 'sales', reason: 'busy' });
    list.request({ callId: 'c2', number: '01099998888', teamId: null, reason: 'after hours' });
    expect(new CallbackList(database.reopen()).list()).toMatchObject([
      { number: '0212345678', teamId: 'sales', status: 'open', attempts: 0 },
      { number: '01099998888', teamId: null, status: 'open' },
    ]);
  });
});
