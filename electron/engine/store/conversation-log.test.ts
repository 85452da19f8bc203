import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/fakes/test-database.js';
import { CallEventLog } from './call-event-log.js';
import { CallRecords } from './call-records.js';
import { CallbackList } from './callback-list.js';
import { ConversationLog } from './conversation-log.js';

const T0 = Date.parse('2026-03-02T01:00:00.000Z');
/** `s` seconds into the test's day. */
const at = (s: number) => new Date(T0 + s * 1000);
const iso = (s: number) => at(s).toISOString();

function setup() {
  const { db, dir } = testDatabase();
  const log = new ConversationLog(db);
  const records = new CallRecords(db, dir);
  const callbacks = new CallbackList(db);
  const events = new CallEventLog(db);
  /** An inbound call that started at 0 s. */
  const start = (id: string) =>
    log.started({ id, direction: 'inbound', lineId: 'line-1', caller: '0101', dialled: '0200', at: at(0) });
  const voicemail = (callId: string) =>
    records.saveVoicemail({
      callId,
      caller: '0101',
      file: join(dir, 'voicemail', `${callId}.wav`),
      durationMs: 3000,
      teamId: null,
    });
  const callback = (callId: string) =>
    callbacks.request({ callId, number: '0101', teamId: null, reason: 'busy' });
  const event = (callId: string, s: number, kind: 'entered' | 'left' = 'entered') =>
    events.append({ callId, workflowId: 'w', versionId: 'v', stepId: 's', kind, at: at(s) });
  return { log, start, voicemail, callback, event };
}

describe('conversation log', () => {
  it('writes a row in progress when the call starts, once', () => {
    const { log, start } = setup();
    start('c1');
    log.started({ id: 'c1', direction: 'inbound', lineId: null, caller: 'other', dialled: '', at: at(9) });
    expect(log.get('c1')).toMatchObject({
      outcome: 'in_progress',
      caller: '0101',
      lineId: 'line-1',
      startedAt: iso(0),
      endedAt: null,
    });
  });

  it('names the first workflow the call ran, not the waiting-room ones after it', () => {
    const { log, start } = setup();
    start('c1');
    log.workflowStarted('c1', 'main', 'main-v3');
    log.workflowStarted('c1', 'callback-offer', 'cb-v1');
    expect(log.get('c1')).toMatchObject({ workflowId: 'main', versionId: 'main-v3' });
  });

  it('keeps the first queued time when an overflow moves the call to another team', () => {
    const { log, start } = setup();
    start('c1');
    log.queued('c1', 'sales', at(10));
    log.queued('c1', 'support', at(40));
    log.answered('c1', 'bob', at(55));
    expect(log.get('c1')).toMatchObject({
      teamId: 'support',
      queuedAt: iso(10),
      agentId: 'bob',
      answeredAt: iso(55),
      waitMs: 45_000,
    });
  });

  it('ends an answered call as answered with its talk time', () => {
    const { log, start } = setup();
    start('c1');
    log.queued('c1', 'sales', at(10));
    log.answered('c1', 'ann', at(20));
    log.ended('c1', at(200), true);
    expect(log.get('c1')).toMatchObject({ outcome: 'answered', talkMs: 180_000, endedAt: iso(200) });
  });

  it('records a caller who hung up in the queue as abandoned with the wait, kept at the end', () => {
    const { log, start } = setup();
    start('c1');
    log.queued('c1', 'sales', at(10));
    log.abandoned('c1', at(52));
    log.ended('c1', at(52), false);
    expect(log.get('c1')).toMatchObject({ outcome: 'abandoned', waitMs: 42_000, talkMs: null });
  });

  it('does not count an answered call as abandoned or overflowed', () => {
    const { log, start } = setup();
    start('c1');
    log.queued('c1', 'sales', at(10));
    log.answered('c1', 'ann', at(20));
    log.abandoned('c1', at(30));
    log.leftQueue('c1', at(30));
    expect(log.get('c1')).toMatchObject({ outcome: 'in_progress', waitMs: 10_000 });
  });

  it('reads what an unanswered call came to from what it left behind', () => {
    const { log, start, voicemail, callback } = setup();
    for (const id of ['answered', 'voicemail', 'callback', 'transferred', 'ivr', 'queued']) start(id);
    log.answered('answered', 'ann', at(5));
    voicemail('answered');
    voicemail('voicemail');
    callback('voicemail');
    callback('callback');
    log.queued('callback', 'sales', at(1));
    log.queued('queued', 'sales', at(1));
    log.leftQueue('queued', at(31));
    for (const id of ['answered', 'voicemail', 'callback', 'ivr', 'queued']) log.ended(id, at(60), false);
    log.ended('transferred', at(60), true);
    const outcome = (id: string) => log.get(id)?.outcome;
    expect(outcome('answered')).toBe('answered');
    expect(outcome('voicemail')).toBe('voicemail');
    expect(outcome('callback')).toBe('callback_requested');
    expect(outcome('transferred')).toBe('transferred');
    expect(outcome('ivr')).toBe('ended_by_ivr');
    expect(outcome('queued')).toBe('unanswered');
    expect(log.get('queued')?.waitMs).toBe(30_000);
  });

  it('ends a call once', () => {
    const { log, start } = setup();
    start('c1');
    log.ended('c1', at(10), false);
    log.answered('c1', 'ann', at(11));
    log.ended('c1', at(20), true);
    expect(log.get('c1')).toMatchObject({ outcome: 'ended_by_ivr', endedAt: iso(10) });
  });

  it('closes calls cut by a crash at their last logged event, as interrupted unless they got further', () => {
    const { log, start, event, voicemail } = setup();
    for (const id of ['mid-menu', 'talking', 'left-voicemail', 'no-events', 'done']) start(id);
    event('mid-menu', 3);
    event('mid-menu', 8, 'left');
    event('mid-menu', 9);
    log.answered('talking', 'ann', at(20));
    event('talking', 21, 'left');
    voicemail('left-voicemail');
    log.ended('done', at(5), false);
    expect(log.closeInterrupted()).toBe(4);
    expect(log.get('mid-menu')).toMatchObject({ outcome: 'interrupted', endedAt: iso(9), talkMs: null });
    expect(log.get('talking')).toMatchObject({ outcome: 'answered', endedAt: iso(21), talkMs: 1_000 });
    expect(log.get('left-voicemail')).toMatchObject({ outcome: 'voicemail', endedAt: iso(0) });
    expect(log.get('no-events')).toMatchObject({ outcome: 'interrupted', endedAt: iso(0) });
    expect(log.get('done')).toMatchObject({ outcome: 'ended_by_ivr', endedAt: iso(5) });
    expect(log.closeInterrupted()).toBe(0);
  });

  it('gives a team’s last answered talk times, oldest first', () => {
    const { log } = setup();
    const answered = (id: string, team: string, startS: number, talkS: number) => {
      log.started({ id, direction: 'inbound', lineId: null, caller: '0101', dialled: '', at: at(startS) });
      log.queued(id, team, at(startS));
      log.answered(id, 'ann', at(startS));
      log.ended(id, at(startS + talkS), false);
    };
    answered('a', 'sales', 0, 10);
    answered('b', 'sales', 100, 20);
    answered('c', 'support', 200, 99);
    answered('d', 'sales', 300, 30);
    log.started({ id: 'e', direction: 'inbound', lineId: null, caller: '0101', dialled: '', at: at(400) });
    log.queued('e', 'sales', at(400));
    log.ended('e', at(460), false);
    expect(log.recentTalkMs('sales', 2)).toEqual([20_000, 30_000]);
    expect(log.recentTalkMs('sales', 10)).toEqual([10_000, 20_000, 30_000]);
  });
});
