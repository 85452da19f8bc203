import { afterEach, describe, expect, it, vi } from 'vitest';
import { neverOpen } from '../../../test/fakes/calendars.js';
import { elapse, FakeCall, flush } from '../../../test/fakes/fake-call.js';
import { routingFixture } from '../../../test/fakes/routing-fixture.js';
import type { Team, TeamRouting } from '../../../shared/domain/teams.js';
import { workflowDefinitionSchema } from '../../../shared/workflow/workflow.js';
import type { FlowResult, RunnableVersion } from '../flow/flow-interpreter.js';
import { silentLogger } from '../logger.js';
import { ConversationLog } from '../store/conversation-log.js';
import { WaitingRoom } from './waiting-room.js';

const RING_MS = 20_000;
/** Wall-clock time at clock 0: the conversation log and queued times read Date. */
const T0 = Date.parse('2026-03-02T01:00:00.000Z');
const HOLD = new Int16Array(8000 * 5);
const ANNOUNCEMENT = new Int16Array(8000 * 2);
afterEach(() => {
  vi.useRealTimers();
});

function waitingWorkflow(
  workflowId: string,
  afterSec: number,
  repeatEverySec: number | null,
): RunnableVersion {
  const definition = workflowDefinitionSchema.parse({
    trigger: { kind: 'waiting_in_queue', afterSec, repeatEverySec },
    steps: [],
    edges: [],
  });
  return { workflowId, versionId: `${workflowId}-v1`, definition };
}

/**
 * The real queues, roster and conversation log on a SQLite file, a manual clock with the wall
 * clock faked along; workflows are scripted: each run lasts `workflowMs` and ends as `results`
 * says, in turn (back to the queue once they run out).
 */
function setup() {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  const { db, teams, agents, clock, roster, queues, team } = routingFixture({
    onAnswered: (entry, agentId) => conversations.answered(entry.call.id, agentId, new Date()),
  });
  const conversations = new ConversationLog(db);
  const joins: string[] = [];
  const announcements: { position: number; at: number }[] = [];
  const runs: { workflowId: string; at: number; state: string | undefined }[] = [];
  const workflows: RunnableVersion[] = [];
  const live = new Map<string, RunnableVersion>();
  const results: FlowResult['kind'][] = [];
  let workflowMs = 10_000;
  const room = new WaitingRoom({
    clock,
    queues: {
      join: (call, team, options) => {
        joins.push(team.name);
        return queues.join(call, team, options);
      },
      pause: (entry) => queues.pause(entry),
      resume: (entry) => queues.resume(entry),
      position: (entry) => queues.position(entry),
    },
    team: (id) => teams.get(id),
    holdAudio: () => Promise.resolve(HOLD),
    announcement: (_team, position) => {
      announcements.push({ position, at: clock.now() });
      return Promise.resolve(ANNOUNCEMENT);
    },
    waitingWorkflows: () => workflows,
    liveWorkflow: (id) => live.get(id),
    runWorkflow: (call, version) => {
      const entry = [...teams.list()].flatMap((t) => queues.waiting(t.id)).find((e) => e.call === call);
      runs.push({ workflowId: version.workflowId, at: clock.now(), state: entry?.state });
      return new Promise((resolve) =>
        clock.setTimeout(() => {
          const kind = results.shift() ?? 'back-to-queue';
          resolve(kind === 'failed' ? { kind, stepId: null, message: 'scripted' } : { kind });
        }, workflowMs),
      );
    },
    conversations,
    logger: silentLogger,
  });
  let extension = 200;
  const office = {
    clock,
    roster,
    queues,
    conversations,
    joins,
    announcements,
    runs,
    workflows,
    live,
    results,
    set workflowMs(ms: number) {
      workflowMs = ms;
    },
    team,
    route(team: Team, routing: Partial<TeamRouting>): void {
      teams.save({ id: team.id, name: team.name, routing: { ...team.routing, ...routing } });
    },
    agent(name: string, team: Team, presence: 'available' | 'away' = 'away'): string {
      const row = agents.save({ name, extension: String(++extension), maxCalls: 1, teamIds: [team.id] })!;
      roster.reload();
      roster.setPresence(row.id, presence);
      return row.id;
    },
    /** A caller whose conversation row exists, as the engine writes it when the call starts. */
    call(): FakeCall {
      const call = new FakeCall({ clock });
      conversations.started({
        id: call.id,
        direction: 'inbound',
        lineId: 'line-1',
        caller: call.caller,
        dialled: call.dialled,
        at: new Date(),
      });
      return call;
    },
    wait(call: FakeCall, team: Team) {
      return room.wait(call, team.id, { ringTimeoutMs: RING_MS, language: 'en' });
    },
    elapse: (ms: number) => elapse(clock, ms, (now) => vi.setSystemTime(T0 + now)),
  };
  return office;
}

describe('waiting room', () => {
  it('loops the hold audio until an agent answers', async () => {
    const office = setup();
    const sales = office.team('Sales');
    const ann = office.agent('Ann', sales);
    const call = office.call();
    const outcome = office.wait(call, sales);
    await office.elapse(12_000);
    expect(call.played.map((p) => p.at)).toEqual([0, 5_000, 10_000]);
    office.roster.setPresence(ann, 'available');
    await flush();
    call.ringing!.answer(call.ringing!.targets[0]!);
    expect(await outcome).toEqual({ kind: 'connected' });
    expect(office.conversations.get(call.id)).toMatchObject({ agentId: ann, waitMs: 12_000 });
  });

  it('tells the caller their place in line after 3 s, then every announceEverySec', async () => {
    const office = setup();
    const sales = office.team('Sales', { announcePosition: true, announceEverySec: 20 });
    office.agent('Ann', sales);
    void office.wait(office.call(), sales);
    await office.elapse(1_000);
    const second = office.call();
    void office.wait(second, sales);
    await office.elapse(25_000);
    expect(office.announcements).toEqual([
      { position: 1, at: 3_000 },
      { position: 2, at: 4_000 },
      { position: 1, at: 23_000 },
      { position: 2, at: 24_000 },
    ]);
    // The announcement cut into the hold audio, which then started over.
    expect(second.played.map((p) => [p.at, p.pcm.length])).toEqual([
      [1_000, HOLD.length],
      [4_000, ANNOUNCEMENT.length],
      [6_000, HOLD.length],
      [11_000, HOLD.length],
      [16_000, HOLD.length],
      [21_000, HOLD.length],
      [24_000, ANNOUNCEMENT.length],
      [26_000, HOLD.length],
    ]);
  });

  it('runs a waiting workflow at its threshold and each repeat, offering the call to no agent meanwhile', async () => {
    const office = setup();
    const sales = office.team('Sales');
    const ann = office.agent('Ann', sales);
    office.workflows.push(waitingWorkflow('callback-offer', 30, 60));
    const call = office.call();
    void office.wait(call, sales);
    await office.elapse(35_000);
    expect(office.runs).toEqual([{ workflowId: 'callback-offer', at: 30_000, state: 'in_workflow' }]);
    office.roster.setPresence(ann, 'available');
    await flush();
    expect(call.bridges).toEqual([]);
    await office.elapse(5_000);
    expect(call.bridges.map((b) => b.at)).toEqual([40_000]);
    call.ringing!.end({ kind: 'busy' });
    await office.elapse(60_000);
    expect(office.runs.map((r) => r.at)).toEqual([30_000, 90_000]);
  });

  it('runs a workflow that fell due while an agent’s phone rang as soon as the ring ends', async () => {
    const office = setup();
    const sales = office.team('Sales');
    office.agent('Ann', sales, 'available');
    office.workflows.push(waitingWorkflow('callback-offer', 10, null));
    void office.wait(office.call(), sales);
    await office.elapse(RING_MS - 1);
    expect(office.runs).toEqual([]);
    await office.elapse(1);
    expect(office.runs.map((r) => r.at)).toEqual([RING_MS]);
  });

  it('ends the wait as the waiting workflow ended it: put through, hung up by it, or by the caller', async () => {
    const office = setup();
    const sales = office.team('Sales');
    office.agent('Ann', sales);
    office.workflows.push(waitingWorkflow('callback-offer', 10, null));
    office.results.push('connected', 'ended-by-workflow', 'caller-hung-up');
    const outcomes = [office.wait(office.call(), sales)];
    await office.elapse(1);
    outcomes.push(office.wait(office.call(), sales));
    await office.elapse(1);
    const hungUp = office.call();
    outcomes.push(office.wait(hungUp, sales));
    await office.elapse(10_000);
    hungUp.hangUp();
    await office.elapse(10_000);
    expect(await Promise.all(outcomes)).toEqual([
      { kind: 'connected' },
      { kind: 'no_answer', why: 'a waiting workflow ended the call' },
      { kind: 'no_answer', why: 'the caller hung up while waiting' },
    ]);
    expect(office.queues.waiting(sales.id)).toEqual([]);
  });

  it('records a caller who hung up while waiting as abandoned, with the wait, and stops every timer', async () => {
    const office = setup();
    const sales = office.team('Sales', { announcePosition: true, maxWaitSec: 600 });
    office.agent('Ann', sales);
    office.workflows.push(waitingWorkflow('callback-offer', 60, 60));
    const call = office.call();
    const outcome = office.wait(call, sales);
    await office.elapse(42_000);
    call.hangUp();
    expect(await outcome).toEqual({ kind: 'no_answer', why: 'the caller hung up while waiting' });
    await flush();
    expect(office.conversations.get(call.id)).toMatchObject({ outcome: 'abandoned', waitMs: 42_000 });
    expect(office.clock.pendingTimers).toBe(0);
  });

  it('records a caller who hung up while an agent’s phone rang as abandoned', async () => {
    const office = setup();
    const sales = office.team('Sales');
    office.agent('Ann', sales, 'available');
    const call = office.call();
    const outcome = office.wait(call, sales);
    await office.elapse(5_000);
    call.hangUp();
    expect(await outcome).toMatchObject({ kind: 'no_answer' });
    expect(office.conversations.get(call.id)).toMatchObject({ outcome: 'abandoned', waitMs: 5_000 });
  });

  it('takes the no-answer path with the reason when the team is closed, its wait known', async () => {
    const office = setup();
    const sales = office.team('Sales', { hours: neverOpen });
    office.agent('Ann', sales, 'available');
    const call = office.call();
    expect(await office.wait(call, sales)).toEqual({ kind: 'no_answer', why: 'the team is closed' });
    expect(office.conversations.get(call.id)).toMatchObject({ teamId: sales.id, waitMs: 0 });
    expect(call.played).toEqual([]);
  });

  it('moves a caller who waited too long to the overflow team, keeping the time first queued', async () => {
    const office = setup();
    const support = office.team('Support');
    const sales = office.team('Sales', { maxWaitSec: 30, overflow: { kind: 'team', teamId: support.id } });
    office.agent('Ann', sales);
    const bob = office.agent('Bob', support);
    const call = office.call();
    const outcome = office.wait(call, sales);
    await office.elapse(30_000);
    expect(office.joins).toEqual(['Sales', 'Support']);
    const [entry] = office.queues.waiting(support.id);
    expect(entry).toMatchObject({ queuedAt: 0, queuedAtIso: new Date(T0).toISOString() });
    expect(office.conversations.get(call.id)).toMatchObject({
      teamId: support.id,
      queuedAt: new Date(T0).toISOString(),
    });
    await office.elapse(5_000);
    office.roster.setPresence(bob, 'available');
    await flush();
    call.ringing!.answer(call.ringing!.targets[0]!);
    expect(await outcome).toEqual({ kind: 'connected' });
    expect(office.conversations.get(call.id)).toMatchObject({ agentId: bob, waitMs: 35_000 });
  });

  it('stops moving a caller between teams that overflow to each other after three moves', async () => {
    const office = setup();
    const sales = office.team('Sales', { hours: neverOpen });
    const support = office.team('Support', {
      hours: neverOpen,
      overflow: { kind: 'team', teamId: sales.id },
    });
    office.route(sales, { overflow: { kind: 'team', teamId: support.id } });
    office.agent('Ann', sales);
    office.agent('Bob', support);
    expect(await office.wait(office.call(), sales)).toEqual({ kind: 'no_answer', why: 'the team is closed' });
    expect(office.joins).toEqual(['Sales', 'Support', 'Sales', 'Support']);
  });

  it('runs the overflow workflow, connected if it put the caller through', async () => {
    const office = setup();
    const workflowId = '6f1c1d4e-3a57-4f4b-9a43-3f1f6f9b1c2d';
    office.live.set(workflowId, waitingWorkflow('after-hours', 10, null));
    const sales = office.team('Sales', { maxWaitSec: 10, overflow: { kind: 'workflow', workflowId } });
    office.agent('Ann', sales);
    office.results.push('connected', 'ended-by-workflow');
    const first = office.wait(office.call(), sales);
    const second = office.wait(office.call(), sales);
    await office.elapse(20_000);
    expect(await first).toEqual({ kind: 'connected' });
    expect(await second).toEqual({
      kind: 'no_answer',
      why: 'the caller waited the longest the team allows',
    });
    expect(office.runs.map((r) => [r.workflowId, r.at])).toEqual([
      ['after-hours', 10_000],
      ['after-hours', 10_000],
    ]);
  });
});
