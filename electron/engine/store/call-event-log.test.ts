import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/fakes/temp-dir.js';
import { CallEventLog, type CallEvent } from './call-event-log.js';
import { openDatabase, type OpenedDatabase } from './database.js';

const migrationsDir = join(import.meta.dirname, '../../../resources/migrations');
const day = Date.parse('2026-03-02T09:00:00.000Z');
const range = { from: new Date(day), to: new Date(day + 86_400_000) };

type Step = [stepId: string | null, kind: CallEvent['kind'], outcome?: string];

describe('CallEventLog on a real SQLite file', () => {
  let dir: ReturnType<typeof tempDir>;
  let database: OpenedDatabase;
  let log: CallEventLog;
  /** Appends one call's events a second apart, starting `offsetMin` minutes into the day. */
  const call = (
    callId: string,
    steps: Step[],
    options: { offsetMin?: number; versionId?: string; workflowId?: string } = {},
  ) => {
    const start = day + (options.offsetMin ?? 10) * 60_000;
    steps.forEach(([stepId, kind, outcome], i) =>
      log.append({
        callId,
        workflowId: options.workflowId ?? 'wf',
        versionId: options.versionId ?? 'v2',
        stepId,
        kind,
        outcome,
        at: new Date(start + i * 1000),
      }),
    );
  };

  beforeEach(() => {
    dir = tempDir();
    database = openDatabase(join(dir.path, 'db.sqlite'), migrationsDir);
    log = new CallEventLog(database.db);
  });
  afterEach(() => {
    database.close();
    dir.remove();
  });

  it('commits each event at once and gives a call its events in order', () => {
    log.append({
      callId: 'c1',
      workflowId: 'wf',
      versionId: 'v1',
      stepId: null,
      kind: 'call_started',
      at: new Date(day),
    });
    log.append({
      callId: 'c1',
      workflowId: 'wf',
      versionId: 'v1',
      stepId: 'form',
      kind: 'left',
      outcome: 'next',
      detail: { digits: '01012345678', variable: 'phone' },
      at: new Date(day + 1234),
    });
    // Another connection sees both rows: nothing waits in a transaction.
    const other = new Database(join(dir.path, 'db.sqlite'), { readonly: true });
    expect(other.prepare('select count(*) from call_events').pluck().get()).toBe(2);
    other.close();

    expect(log.eventsOfCall('c1')).toEqual([
      {
        id: 1,
        callId: 'c1',
        workflowId: 'wf',
        versionId: 'v1',
        stepId: null,
        kind: 'call_started',
        at: '2026-03-02T09:00:00.000Z',
      },
      {
        id: 2,
        callId: 'c1',
        workflowId: 'wf',
        versionId: 'v1',
        stepId: 'form',
        kind: 'left',
        outcome: 'next',
        detail: { digits: '01012345678', variable: 'phone' },
        at: '2026-03-02T09:00:01.234Z',
      },
    ]);
    expect(log.eventsOfCall('nobody')).toEqual([]);
  });

  describe('analytics over a hand-made day', () => {
    beforeEach(() => {
      // Through the menu to sales, nobody answers, a message, the workflow ends the call.
      call('through', [
        [null, 'call_started'],
        ['menu', 'entered'],
        ['menu', 'left', 'key:1'],
        ['sales', 'entered'],
        ['sales', 'left', 'no_answer'],
        ['message', 'entered'],
        ['message', 'left', 'next'],
        [null, 'call_ended', 'ended-by-workflow'],
      ]);
      // Hangs up in the menu.
      call('hangs-up', [
        [null, 'call_started'],
        ['menu', 'entered'],
        ['menu', 'left', 'hangup'],
        [null, 'call_ended', 'caller-hung-up'],
      ]);
      // Wrong keys bring the menu back twice, then key 2, then hangs up during the message.
      call('loops', [
        [null, 'call_started'],
        ['menu', 'entered'],
        ['menu', 'left', 'invalid'],
        ['menu', 'entered'],
        ['menu', 'left', 'invalid'],
        ['menu', 'entered'],
        ['menu', 'left', 'key:2'],
        ['message', 'entered'],
        ['message', 'left', 'hangup'],
        [null, 'call_ended', 'caller-hung-up'],
      ]);
      // The engine stopped with the call in the menu; the call was closed on restart: lost there.
      call('engine-stopped', [
        [null, 'call_started'],
        ['menu', 'entered'],
        [null, 'call_ended', 'engine-stopped'],
      ]);
      // Still listening to the menu: not lost (yet).
      call('in-progress', [
        [null, 'call_started'],
        ['menu', 'entered'],
      ]);
      // The sales step failed: an error, not a drop-off.
      call('failed', [
        [null, 'call_started'],
        ['menu', 'entered'],
        ['menu', 'left', 'key:1'],
        ['sales', 'entered'],
        ['sales', 'error', 'error'],
        [null, 'call_ended', 'failed'],
      ]);
      // On the previous version.
      call(
        'old-version',
        [
          [null, 'call_started'],
          ['menu', 'entered'],
          ['menu', 'left', 'hangup'],
          [null, 'call_ended'],
        ],
        {
          versionId: 'v1',
        },
      );
      // The day before, and another workflow: neither counts.
      call(
        'yesterday',
        [
          [null, 'call_started'],
          ['menu', 'entered'],
          ['menu', 'left', 'hangup'],
        ],
        { offsetMin: -60 },
      );
      call(
        'elsewhere',
        [
          [null, 'call_started'],
          ['menu', 'entered'],
          ['menu', 'left', 'hangup'],
        ],
        { workflowId: 'other' },
      );
    });

    it('counts per step the calls that reached it, left it by each outcome, failed and were lost there', () => {
      expect(log.stepStats('wf', { ...range, versionId: 'v2' })).toEqual({
        calls: 6,
        steps: [
          {
            stepId: 'menu',
            reached: 6,
            outcomes: { 'key:1': 2, 'key:2': 1, invalid: 1, hangup: 1 },
            errors: 0,
            droppedHere: 2,
          },
          { stepId: 'message', reached: 2, outcomes: { next: 1, hangup: 1 }, errors: 0, droppedHere: 1 },
          { stepId: 'sales', reached: 2, outcomes: { no_answer: 1 }, errors: 1, droppedHere: 0 },
        ],
      });
      const allVersions = log.stepStats('wf', range);
      expect(allVersions.calls).toBe(7);
      expect(allVersions.steps[0]).toMatchObject({ stepId: 'menu', reached: 7, droppedHere: 3 });
      expect(
        log.stepStats('wf', { from: new Date(day + 86_400_000), to: new Date(day + 2 * 86_400_000) }),
      ).toEqual({
        calls: 0,
        steps: [],
      });
    });

    it('counts per exit how often it was taken and by how many calls', () => {
      expect(log.edgeStats('wf', { ...range, versionId: 'v2' })).toEqual([
        { source: 'menu', output: 'invalid', traversals: 2, calls: 1 },
        { source: 'menu', output: 'key:1', traversals: 2, calls: 2 },
        { source: 'menu', output: 'hangup', traversals: 1, calls: 1 },
        { source: 'menu', output: 'key:2', traversals: 1, calls: 1 },
        { source: 'message', output: 'hangup', traversals: 1, calls: 1 },
        { source: 'message', output: 'next', traversals: 1, calls: 1 },
        { source: 'sales', output: 'no_answer', traversals: 1, calls: 1 },
      ]);
    });
  });
});
