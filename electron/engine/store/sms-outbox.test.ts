import { beforeEach, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../../../test/fakes/test-database.js';
import { SmsNotFailedError, SmsOutbox, type SmsRow } from './sms-outbox.js';

const at = (iso: string) => new Date(iso);

describe('SMS outbox', () => {
  let database: TestDatabase;
  let outbox: SmsOutbox;

  beforeEach(() => {
    database = testDatabase();
    outbox = new SmsOutbox(database.db);
  });

  it('keeps queued messages across a reopen, due at once, newest first in the list', () => {
    outbox.queue({ callId: 'c1', to: '01011112222', text: 'first' }, at('2026-01-01T10:00:00Z'));
    outbox.queue(
      { callId: null, agentId: 'a1', to: '01033334444', text: 'second' },
      at('2026-01-01T10:01:00Z'),
    );
    outbox = new SmsOutbox(database.reopen());
    expect(outbox.list().map((m) => m.text)).toEqual(['second', 'first']);
    expect(outbox.due(at('2026-01-01T10:05:00Z'), 10).map((m) => m.text)).toEqual(['first', 'second']);
    expect(outbox.due(at('2026-01-01T10:00:30Z'), 10).map((m) => m.text)).toEqual(['first']);
  });

  it('records a failed attempt, waits until the retry time, then sends', () => {
    const sms = outbox.queue({ callId: null, to: '01011112222', text: 'hi' }, at('2026-01-01T10:00:00Z'));
    outbox.recordAttempt(sms.id, {
      ok: false,
      provider: 'http',
      detail: 'HTTP 500: down',
      at: at('2026-01-01T10:00:01Z'),
      retryAt: at('2026-01-01T10:00:31Z'),
    });
    expect(outbox.get(sms.id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'HTTP 500: down' });
    expect(outbox.due(at('2026-01-01T10:00:30Z'), 10)).toEqual([]);
    expect(outbox.nextDueAt()).toEqual(at('2026-01-01T10:00:31Z'));
    outbox.recordAttempt(sms.id, {
      ok: true,
      provider: 'http',
      detail: 'HTTP 200',
      at: at('2026-01-01T10:00:32Z'),
    });
    expect(outbox.get(sms.id)).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: null,
      nextAttemptAt: null,
      sentAt: '2026-01-01T10:00:32.000Z',
    });
    expect(outbox.attemptsOf(sms.id)).toMatchObject([
      { ok: false, detail: 'HTTP 500: down' },
      { ok: true, detail: 'HTTP 200' },
    ]);
    expect(outbox.nextDueAt()).toBeUndefined();
  });

  it('fails after the last attempt; a resend queues it again and keeps the history', () => {
    const sms = outbox.queue({ callId: null, to: '01011112222', text: 'hi' });
    outbox.recordAttempt(sms.id, {
      ok: false,
      provider: 'http',
      detail: 'refused',
      at: new Date(),
      retryAt: null,
    });
    expect(outbox.list({ status: 'failed' })).toMatchObject([{ id: sms.id, lastError: 'refused' }]);
    expect(outbox.list({ status: 'queued' })).toEqual([]);
    const changes: SmsRow[] = [];
    outbox.onChange((row) => changes.push(row));
    outbox.resend(sms.id);
    expect(outbox.get(sms.id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(changes.map((c) => c.status)).toEqual(['queued']);
    expect(outbox.attemptsOf(sms.id)).toHaveLength(1);
    expect(() => outbox.resend(sms.id)).toThrow(SmsNotFailedError);
  });

  it('leaves messages being tried out of the due list', () => {
    const a = outbox.queue({ callId: null, to: '01011112222', text: 'a' }, at('2026-01-01T10:00:00Z'));
    outbox.queue({ callId: null, to: '01011112222', text: 'b' }, at('2026-01-01T10:00:01Z'));
    expect(outbox.due(at('2026-01-01T11:00:00Z'), 10, [a.id]).map((m) => m.text)).toEqual(['b']);
    expect(outbox.due(at('2026-01-01T11:00:00Z'), 1).map((m) => m.text)).toEqual(['a']);
  });
});
