import { describe, expect, it, onTestFinished } from 'vitest';
import { elapse, FakeCall, flush } from '../../../test/fakes/fake-call.js';
import { routingFixture } from '../../../test/fakes/routing-fixture.js';
import type { QueueSnapshot } from '../../../shared/domain/queues.js';
import { queueSnapshotSchema } from '../../../shared/domain/queues.js';
import { teamRoutingSchema, type Team } from '../../../shared/domain/teams.js';
import { BOARD_INTERVAL_MS, QueueBoard } from './queue-board.js';
import { WaitEstimate } from './wait-estimate.js';

/** Sales (Ann, Bob) and Support (Cho) on the real queues, every change told to the board. */
function setup(history: Record<string, number[]> = {}) {
  const { teams, agents, clock, roster, queues } = routingFixture({
    clockAt: 100_000,
    onChange: () => board.changed(),
  });
  const routing = teamRoutingSchema.parse({ wrapUpSec: 0, overflowWhenNobodyLoggedIn: false });
  const sales = teams.save({ name: 'Sales', routing })!;
  const support = teams.save({ name: 'Support', routing })!;
  const ann = agents.save({ name: 'Ann', extension: '201', maxCalls: 1, teamIds: [sales.id] })!.id;
  const bob = agents.save({ name: 'Bob', extension: '202', maxCalls: 1, teamIds: [sales.id] })!.id;
  agents.save({ name: 'Cho', extension: '203', maxCalls: 1, teamIds: [support.id] });
  roster.reload();
  const published: { at: number; snapshots: QueueSnapshot[] }[] = [];
  const estimate = new WaitEstimate((teamId) => history[teamId === sales.id ? 'Sales' : 'Support'] ?? []);
  const board = new QueueBoard({
    clock,
    queues,
    roster,
    teams: () => teams.list(),
    estimate,
    publish: (snapshots) => published.push({ at: clock.now(), snapshots }),
  });
  onTestFinished(async () => {
    // The queues' last changes (calls let go) reach the board before it closes.
    queues.close();
    await flush();
    board.close();
  });
  const join_ = (team: Team, caller = '01012345678') =>
    queues.join(new FakeCall({ clock, caller }), team, { ringTimeoutMs: 20_000 });
  return { clock, roster, queues, board, estimate, published, sales, support, ann, bob, join: join_ };
}

describe('queue board', () => {
  it('shows each team’s waiting calls in line order and its agents’ statuses', async () => {
    const { board, roster, sales, support, ann, join, clock } = setup();
    roster.setPresence(ann, 'away');
    join(sales, '0101');
    clock.advance(1_000);
    join(sales, '0102');
    await flush();
    const [salesBoard, supportBoard] = board.snapshots();
    expect(salesBoard).toMatchObject({
      teamId: sales.id,
      teamName: 'Sales',
      calls: [
        { caller: '0101', position: 1, state: 'waiting' },
        { caller: '0102', position: 2, state: 'waiting' },
      ],
      agents: [
        { name: 'Ann', status: 'away' },
        { name: 'Bob', status: 'offline' },
      ],
      estimatedWaitSec: null,
    });
    expect(supportBoard).toMatchObject({ teamId: support.id, calls: [], agents: [{ name: 'Cho' }] });
    for (const snapshot of board.snapshots()) expect(queueSnapshotSchema.parse(snapshot)).toEqual(snapshot);
  });

  it('shows a call being offered as ringing and the agent as ringing', async () => {
    const { board, roster, sales, bob, join } = setup();
    roster.setPresence(bob, 'available');
    join(sales);
    await flush();
    expect(board.snapshot(sales)).toMatchObject({
      calls: [{ state: 'ringing' }],
      agents: [{ name: 'Ann' }, { name: 'Bob', status: 'ringing' }],
    });
  });

  it('gives branch conditions the free agents, the calls waiting and the longest wait', async () => {
    const { board, roster, clock, sales, ann, bob, join } = setup();
    roster.setPresence(ann, 'away');
    join(sales);
    clock.advance(2_500);
    join(sales);
    clock.advance(1_000);
    expect(board.criteria(sales.id)).toEqual({ agentsAvailable: 0, callsWaiting: 2, longestWaitSec: 3 });
    roster.setPresence(bob, 'available');
    expect(board.criteria(sales.id).agentsAvailable).toBe(1);
    await flush();
    expect(board.criteria(sales.id)).toMatchObject({ agentsAvailable: 0, callsWaiting: 2 });
  });

  it('estimates the wait from recent handle times over the agents staffing the team', () => {
    const { board, roster, sales, ann, bob } = setup({ Sales: [60_000, 120_000] });
    expect(board.estimatedWaitSec(sales.id, 1)).toBeNull();
    roster.setPresence(ann, 'away');
    expect(board.estimatedWaitSec(sales.id, 1)).toBeNull();
    roster.setPresence(bob, 'available');
    expect(board.estimatedWaitSec(sales.id, 2)).toBe(180);
    roster.setPresence(ann, 'available');
    expect(board.estimatedWaitSec(sales.id, 2)).toBe(90);
  });

  it('publishes the first change at once', () => {
    const { board, published, clock } = setup();
    board.changed();
    expect(published.map((p) => p.at)).toEqual([clock.now()]);
  });

  it('publishes a burst of 100 changes a handful of times, the final state last', async () => {
    const { published, sales, join, clock } = setup();
    for (let i = 0; i < 100; i++) {
      join(sales, `caller-${i}`);
      clock.advance(5);
    }
    await elapse(clock, 2_000);
    expect(published.length).toBeGreaterThanOrEqual(2);
    expect(published.length).toBeLessThanOrEqual(4);
    const gaps = published.slice(1).map((p, i) => p.at - published[i]!.at);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(BOARD_INTERVAL_MS);
    const last = published.at(-1)!.snapshots.find((s) => s.teamId === sales.id)!;
    expect(last.calls).toHaveLength(100);
    expect(last.calls.at(-1)).toMatchObject({ caller: 'caller-99', position: 100 });
  });

  it('publishes a change after a quiet spell at once, and nothing when nothing changed', async () => {
    const { board, published, clock } = setup();
    board.changed();
    await elapse(clock, 10_000);
    expect(published).toHaveLength(1);
    board.changed();
    expect(published.map((p) => p.at)).toEqual([100_000, 110_000]);
  });

  it('stops publishing once closed', async () => {
    const { board, published, clock } = setup();
    board.changed();
    board.changed();
    board.close();
    await elapse(clock, 1_000);
    expect(published).toHaveLength(1);
  });

  it('publishes nothing for changes after it was closed (the engine shutting down)', async () => {
    const { board, published, clock } = setup();
    board.close();
    board.changed();
    await elapse(clock, 1_000);
    expect(published).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });
});
