import { describe, expect, it } from 'vitest';
import { inboxTestDb } from '../../../test/support/inbox-test-db.js';
import { startOfDay } from './inbox-stats.js';

describe('inbox statistics', () => {
  it('finds where an office day begins, across time zones and DST', () => {
    expect(startOfDay('2026-03-10', 'Asia/Seoul').toISOString()).toBe('2026-03-09T15:00:00.000Z');
    expect(startOfDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfDay('2026-03-10', 'UTC').toISOString()).toBe('2026-03-10T00:00:00.000Z');
  });

  /**
   * A seeded day in Seoul (UTC+9), computed by hand. Team A on 2026-03-10: five calls queued —
   * answered after 10 s, 30 s and exactly 20 s (talks 60, 120, 30 s), one abandoned after 5 s, one
   * left a voicemail — so offered 5, answered 3, abandoned 1; within 20 s: 2 (10 s and 20 s);
   * service level 2 / (3 + 1) = 0.5; average wait (10 + 30 + 20) / 3 = 20 s; talk 70 s.
   * Team B: one abandoned call: level 0, no averages. A call at 23:59:59 local on the 9th counts
   * on the 9th; a call that never queued (ended in the IVR) is not offered.
   */
  it('counts a seeded day per team as computed by hand', () => {
    const t = inboxTestDb();
    const a = t.team('A');
    const b = t.team('B');
    const queued = (
      teamId: string,
      startedAt: string,
      outcome: 'answered' | 'abandoned' | 'voicemail',
      waitSec: number | null,
      talkSec: number | null,
    ) =>
      t.conversation({
        teamId,
        startedAt,
        queuedAt: startedAt,
        outcome,
        waitMs: waitSec === null ? null : waitSec * 1000,
        talkMs: talkSec === null ? null : talkSec * 1000,
      });
    queued(a, '2026-03-09T15:00:00.000Z', 'answered', 10, 60);
    queued(a, '2026-03-10T01:00:00.000Z', 'answered', 30, 120);
    queued(a, '2026-03-10T02:00:00.000Z', 'abandoned', 5, null);
    queued(a, '2026-03-10T03:00:00.000Z', 'voicemail', 40, null);
    queued(a, '2026-03-10T14:59:59.999Z', 'answered', 20, 30);
    queued(b, '2026-03-10T05:00:00.000Z', 'abandoned', 50, null);
    queued(a, '2026-03-09T14:59:59.000Z', 'answered', 3, 10);
    t.conversation({ startedAt: '2026-03-10T06:00:00.000Z', outcome: 'ended_by_ivr' });
    queued(a, '2026-03-10T15:00:00.000Z', 'answered', 1, 1); // the 11th in Seoul: out of range

    const stats = t.stats.daily({ from: '2026-03-09', to: '2026-03-10', serviceLevelSec: 20 }, 'Asia/Seoul');
    expect(stats.rows).toEqual([
      {
        day: '2026-03-09',
        teamId: a,
        teamName: 'A',
        offered: 1,
        answered: 1,
        abandoned: 0,
        answeredWithinSl: 1,
        averageWaitSec: 3,
        averageTalkSec: 10,
        serviceLevel: 1,
      },
      {
        day: '2026-03-10',
        teamId: a,
        teamName: 'A',
        offered: 5,
        answered: 3,
        abandoned: 1,
        answeredWithinSl: 2,
        averageWaitSec: 20,
        averageTalkSec: 70,
        serviceLevel: 0.5,
      },
      {
        day: '2026-03-10',
        teamId: b,
        teamName: 'B',
        offered: 1,
        answered: 0,
        abandoned: 1,
        answeredWithinSl: 0,
        averageWaitSec: null,
        averageTalkSec: null,
        serviceLevel: 0,
      },
    ]);
    const onlyB = t.stats.daily(
      { from: '2026-03-10', to: '2026-03-10', teamId: b, serviceLevelSec: 60 },
      'Asia/Seoul',
    );
    expect(onlyB.rows.map((r) => [r.teamName, r.serviceLevel])).toEqual([['B', 0]]);
    t.done();
  });
});
