import { describe, expect, it } from 'vitest';
import { neverOpen } from '../../../test/fakes/calendars.js';
import { elapse, FakeCall, flush, type PhoneBehaviour } from '../../../test/fakes/fake-call.js';
import { routingFixture } from '../../../test/fakes/routing-fixture.js';
import type { Team } from '../../../shared/domain/teams.js';
import { REST_AFTER_REFUSAL_MS } from './agent-roster.js';
import { CALL_ID_HEADER, type QueueEntry } from './call-queues.js';

const RING_MS = 20_000;

/** Real queues and roster on a SQLite file and a manual clock (at 10 s); agents start offline. */
function setup() {
  const answered: { callId: string; agentId: string }[] = [];
  const { clock, roster, queues, agents, team } = routingFixture({
    clockAt: 10_000,
    onAnswered: (entry, agentId) => answered.push({ callId: entry.call.id, agentId }),
  });
  let extension = 200;
  const ext = new Map<string, string>();
  const office = {
    clock,
    roster,
    queues,
    answered,
    team,
    /** An agent in `teamList`, available unless `presence` says otherwise. */
    agent(name: string, teamList: Team[], presence: 'available' | 'away' | 'offline' = 'available'): string {
      const row = agents.save({
        name,
        extension: String(++extension),
        maxCalls: 1,
        teamIds: teamList.map((t) => t.id),
      })!;
      ext.set(row.id, row.extension);
      roster.reload();
      if (presence !== 'offline') roster.setPresence(row.id, presence);
      return row.id;
    },
    uri: (agentId: string) => `sip:${ext.get(agentId)}@pbx`,
    name: (uri: string) => roster.list().find((a) => `sip:${a.extension}@pbx` === uri)?.name,
    call: (phones?: (target: string) => PhoneBehaviour) => new FakeCall({ clock, phones }),
    /** Rings and the names rung, per bridgeTo, for one call. */
    rung: (call: FakeCall) => call.bridges.map((b) => b.targets.map((t) => office.name(t)).join('+')),
    join(call: FakeCall, team: Team, options: { queuedAt?: { ms: number; iso: string } } = {}): QueueEntry {
      return queues.join(call, team, { ringTimeoutMs: RING_MS, ...options });
    },
  };
  return office;
}

/** The agent answers the call ringing them, talks, and hangs up. */
async function talk(call: FakeCall, office: ReturnType<typeof setup>, agentId: string): Promise<void> {
  call.ringing!.answer(office.uri(agentId));
  await flush();
  call.hangUp();
  await flush();
}

describe('call queues: who is offered a call', () => {
  it('rings the longest-idle agent for the first caller, telling the phone which call it is', async () => {
    const office = setup();
    const sales = office.team('Sales');
    const ann = office.agent('Ann', [sales], 'away');
    const bob = office.agent('Bob', [sales]);
    office.clock.advance(1_000);
    office.roster.setPresence(ann, 'available');
    const call = office.call();
    office.join(call, sales);
    await flush();
    expect(office.rung(call)).toEqual(['Bob']);
    expect(call.ringing).toMatchObject({
      targets: [office.uri(bob)],
      headers: [[CALL_ID_HEADER, call.id]],
      ringTimeoutMs: RING_MS,
    });
    // Should Bob hold the caller, the caller hears Sales' hold audio.
    expect(await call.ringing?.holdAudio?.()).toEqual(Int16Array.from('Sales', (c) => c.charCodeAt(0)));
  });

  it('puts the caller through to the agent who answers, who is then busy', async () => {
    const office = setup();
    const sales = office.team('Sales');
    const ann = office.agent('Ann', [sales]);
    const call = office.call();
    const entry = office.join(call, sales);
    await flush();
    expect(entry.state).toBe('ringing');
    call.ringing!.answer(office.uri(ann));
    expect(await entry.exit).toEqual({ kind: 'answered', agentId: ann });
    await flush();
    expect(office.answered).toEqual([{ callId: call.id, agentId: ann }]);
    expect(office.roster.status(ann)).toBe('busy');
    expect(office.queues.waiting(sales.id)).toEqual([]);
  });

  it('round robin offers each agent in turn', async () => {
    const office = setup();
    const sales = office.team('Sales', { strategy: 'round_robin' });
    for (const name of ['Ann', 'Bob', 'Cho']) office.agent(name, [sales]);
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      const call = office.call();
      office.join(call, sales);
      await flush();
      const [target] = call.ringing!.targets;
      order.push(office.name(target!)!);
      call.ringing!.answer(target!);
      await flush();
      office.clock.advance(1_000);
      call.hangUp();
      await flush();
    }
    expect(order).toEqual(['Ann', 'Bob', 'Cho', 'Ann']);
  });

  it('round robin moves on after an agent let it ring; longest idle stays with the idlest', async () => {
    for (const [strategy, second] of [
      ['round_robin', 'Bob'],
      ['longest_idle', 'Ann'],
    ] as const) {
      const office = setup();
      const sales = office.team('Sales', { strategy, awayOnNoAnswer: false });
      office.agent('Ann', [sales]);
      office.agent('Bob', [sales]);
      const call = office.call();
      office.join(call, sales);
      await elapse(office.clock, RING_MS);
      expect(office.rung(call)).toEqual(['Ann', second]);
    }
  });

  it('ring all rings every free agent at once and the first to answer gets the caller', async () => {
    const office = setup();
    const sales = office.team('Sales', { strategy: 'ring_all' });
    const ann = office.agent('Ann', [sales]);
    const bob = office.agent('Bob', [sales]);
    office.agent('Cho', [sales], 'away');
    const call = office.call();
    const entry = office.join(call, sales);
    await flush();
    expect(office.rung(call)).toEqual(['Ann+Bob']);
    expect(office.roster.status(ann)).toBe('ringing');
    call.ringing!.answer(office.uri(bob));
    expect(await entry.exit).toEqual({ kind: 'answered', agentId: bob });
    await flush();
    expect(office.roster.status(ann)).toBe('available');
    expect(office.roster.get(ann)?.presence).toBe('available');
  });

  it('ring all: the agents who lost the race are offered the next caller at once', async () => {
    const office = setup();
    const sales = office.team('Sales', { strategy: 'ring_all' });
    office.agent('Ann', [sales]);
    const bob = office.agent('Bob', [sales]);
    office.agent('Cho', [sales]);
    const first = office.call();
    office.join(first, sales);
    await flush();
    first.ringing!.answer(office.uri(bob));
    await flush();
    const second = office.call();
    office.join(second, sales);
    await flush();
    expect(office.rung(second)).toEqual(['Ann+Cho']);
  });

  it('never offers a call to an away or offline agent', async () => {
    const office = setup();
    const sales = office.team('Sales', { strategy: 'ring_all' });
    const ann = office.agent('Ann', [sales], 'away');
    office.agent('Bob', [sales], 'offline');
    const call = office.call();
    const entry = office.join(call, sales);
    await elapse(office.clock, 60_000);
    expect(call.bridges).toEqual([]);
    expect(entry.settled).toBeUndefined();
    office.roster.setPresence(ann, 'available');
    await flush();
    expect(office.rung(call)).toEqual(['Ann']);
  });

  it('offers an agent in wrap-up the next call exactly when the wrap-up ends', async () => {
    const office = setup();
    const sales = office.team('Sales', { wrapUpSec: 30 });
    const ann = office.agent('Ann', [sales]);
    const first = office.call();
    office.join(first, sales);
    await flush();
    const second = office.call();
    office.join(second, sales);
    await talk(first, office, ann);
    const endedAt = office.clock.now();
    expect(office.roster.status(ann)).toBe('wrap_up');
    await elapse(office.clock, 29_999);
    expect(second.bridges).toEqual([]);
    await elapse(office.clock, 1);
    expect(second.bridges.map((b) => b.at)).toEqual([endedAt + 30_000]);
  });

  it('sets an agent whose phone rang out away, and offers the call to the next agent', async () => {
    const office = setup();
    const sales = office.team('Sales');
    const ann = office.agent('Ann', [sales]);
    office.agent('Bob', [sales]);
    const call = office.call();
    office.join(call, sales);
    await elapse(office.clock, RING_MS);
    expect(office.roster.get(ann)?.presence).toBe('away');
    expect(office.rung(call)).toEqual(['Ann', 'Bob']);
  });

  it('keeps an agent who let it ring available when the team does not set them away', async () => {
    const office = setup();
    const sales = office.team('Sales', { awayOnNoAnswer: false });
    const ann = office.agent('Ann', [sales]);
    const call = office.call();
    office.join(call, sales);
    await elapse(office.clock, RING_MS);
    expect(office.roster.get(ann)?.presence).toBe('available');
    expect(office.rung(call)).toEqual(['Ann', 'Ann']);
  });

  it('does not set the agent away when the caller hung up while their phone rang', async () => {
    const office = setup();
    const sales = office.team('Sales');
    const ann = office.agent('Ann', [sales]);
    const call = office.call();
    const entry = office.join(call, sales);
    await flush();
    call.hangUp();
    expect(await entry.exit).toEqual({ kind: 'hung_up' });
    await flush();
    expect(office.roster.get(ann)).toMatchObject({ presence: 'available', status: 'available' });
    expect(office.queues.waiting(sales.id)).toEqual([]);
  });

  it('rests an agent whose phone is busy, then offers them the call again', async () => {
    const office = setup();
    const sales = office.team('Sales');
    const ann = office.agent('Ann', [sales]);
    const call = office.call(() => 'busy');
    office.join(call, sales);
    await flush();
    call.phones = () => 'rings';
    expect(office.rung(call)).toEqual(['Ann']);
    expect(office.roster.get(ann)?.presence).toBe('available');
    await elapse(office.clock, REST_AFTER_REFUSAL_MS - 1);
    expect(call.bridges).toHaveLength(1);
    await elapse(office.clock, 1);
    expect(office.rung(call)).toEqual(['Ann', 'Ann']);
  });

  it('treats a phone that failed like a busy one (rest, not away)', async () => {
    const office = setup();
    const sales = office.team('Sales');
    const ann = office.agent('Ann', [sales]);
    const bob = office.agent('Bob', [sales]);
    const call = office.call((target) => (target === office.uri(ann) ? 'fails' : 'rings'));
    office.join(call, sales);
    await flush();
    expect(office.rung(call)).toEqual(['Ann', 'Bob']);
    expect(office.roster.get(ann)?.presence).toBe('available');
    expect(office.roster.status(bob)).toBe('ringing');
    expect(office.roster.free(sales.id)).toEqual([]);
  });

  it('ring all: an agent whose phone was busy is not set away because another let it ring', async () => {
    const office = setup();
    const sales = office.team('Sales', { strategy: 'ring_all' });
    const ann = office.agent('Ann', [sales]);
    const bob = office.agent('Bob', [sales]);
    const call = office.call((target) => (target === office.uri(ann) ? 'busy' : 'no-answer'));
    office.join(call, sales);
    await flush();
    expect(office.roster.get(bob)?.presence).toBe('away');
    expect(office.roster.get(ann)?.presence).toBe('available');
  });

  it('offers the oldest call first across all the teams an agent belongs to', async () => {
    const office = setup();
    const sales = office.team('Sales');
    const support = office.team('Support');
    const dan = office.agent('Dan', [sales, support], 'away');
    const supportCall = office.call();
    office.join(supportCall, support);
    office.clock.advance(1_000);
    const salesCall = office.call();
    office.join(salesCall, sales);
    await flush();
    office.roster.setPresence(dan, 'available');
    await flush();
    expect(supportCall.bridges).toHaveLength(1);
    expect(salesCall.bridges).toHaveLength(0);
    await talk(supportCall, office, dan);
    expect(salesCall.bridges).toHaveLength(1);
  });

  it('offers calls of one team in arrival order, and says each caller’s place in line', async () => {
    const office = setup();
    const sales = office.team('Sales');
    const ann = office.agent('Ann', [sales], 'away');
    const calls = [office.call(), office.call(), office.call()];
    const entries = calls.map((call) => office.join(call, sales));
    expect(entries.map((e) => office.queues.position(e))).toEqual([1, 2, 3]);
    office.roster.setPresence(ann, 'available');
    await flush();
    expect(calls.map((c) => c.bridges.length)).toEqual([1, 0, 0]);
    await talk(calls[0]!, office, ann);
    expect(calls.map((c) => c.bridges.length)).toEqual([1, 1, 0]);
    expect(office.queues.position(entries[2]!)).toBe(2);
  });

  it('skips a call paused for a waiting workflow and offers it once resumed', async () => {
    const office = setup();
    const sales = office.team('Sales');
    const ann = office.agent('Ann', [sales], 'away');
    const paused = office.call();
    const pausedEntry = office.join(paused, sales);
    const next = office.call();
    office.join(next, sales);
    office.queues.pause(pausedEntry);
    office.roster.setPresence(ann, 'available');
    await flush();
    expect(paused.bridges).toHaveLength(0);
    expect(next.bridges).toHaveLength(1);
    await talk(next, office, ann);
    expect(paused.bridges).toHaveLength(0);
    office.queues.resume(pausedEntry);
    await flush();
    expect(paused.bridges).toHaveLength(1);
  });

  it('rings one chosen agent for an assign-to-agent step, if they are free', async () => {
    const office = setup();
    const sales = office.team('Sales', { wrapUpSec: 10 });
    const ann = office.agent('Ann', [sales]);
    const bob = office.agent('Bob', [sales], 'away');
    const call = office.call((target) => (target === office.uri(ann) ? 'answers' : 'rings'));
    expect(await office.queues.ringAgent(call, bob, RING_MS)).toBe('not_free');
    expect(await office.queues.ringAgent(call, ann, RING_MS)).toBe('answered');
    expect(office.rung(call)).toEqual(['Ann']);
    expect(call.ringing?.headers).toEqual([[CALL_ID_HEADER, call.id]]);
    call.hangUp();
    await flush();
    expect(office.roster.status(ann)).toBe('wrap_up');
  });

  it('sets an agent rung for an assign-to-agent step away when their team says so', async () => {
    const office = setup();
    const sales = office.team('Sales');
    const ann = office.agent('Ann', [sales]);
    const call = office.call();
    const result = office.queues.ringAgent(call, ann, RING_MS);
    await elapse(office.clock, RING_MS);
    expect(await result).toBe('unanswered');
    expect(office.roster.get(ann)?.presence).toBe('away');
  });
});

describe('call queues: overflow', () => {
  it('turns a caller away at once when the team’s hours say closed', () => {
    const office = setup();
    const sales = office.team('Sales', { hours: neverOpen });
    office.agent('Ann', [sales]);
    const entry = office.join(office.call(), sales);
    expect(entry.settled).toEqual({ kind: 'overflow', reason: 'closed' });
    expect(office.queues.waiting(sales.id)).toEqual([]);
  });

  it('turns a caller away at once when no member is logged in (away counts as logged in)', () => {
    const office = setup();
    const sales = office.team('Sales');
    const ann = office.agent('Ann', [sales], 'offline');
    expect(office.join(office.call(), sales).settled).toEqual({
      kind: 'overflow',
      reason: 'nobody_logged_in',
    });
    office.roster.setPresence(ann, 'away');
    expect(office.join(office.call(), sales).settled).toBeUndefined();
  });

  it('lets callers wait for a team with nobody logged in when the team says so', () => {
    const office = setup();
    const sales = office.team('Sales', { overflowWhenNobodyLoggedIn: false });
    office.agent('Ann', [sales], 'offline');
    expect(office.join(office.call(), sales).settled).toBeUndefined();
  });

  it('overflows the waiting calls when the last agent logs off', async () => {
    const office = setup();
    const sales = office.team('Sales');
    const ann = office.agent('Ann', [sales], 'away');
    const entry = office.join(office.call(), sales);
    office.roster.setPresence(ann, 'offline');
    expect(await entry.exit).toEqual({ kind: 'overflow', reason: 'nobody_logged_in' });
  });

  it('overflows a call that waited maxWaitSec', async () => {
    const office = setup();
    const sales = office.team('Sales', { maxWaitSec: 60 });
    office.agent('Ann', [sales], 'away');
    const entry = office.join(office.call(), sales);
    await elapse(office.clock, 59_999);
    expect(entry.settled).toBeUndefined();
    await elapse(office.clock, 1);
    expect(entry.settled).toEqual({ kind: 'overflow', reason: 'max_wait' });
    expect(office.queues.waiting(sales.id)).toEqual([]);
  });

  it('lets an agent’s phone ring to its end when the max wait falls due meanwhile', async () => {
    const office = setup();
    const sales = office.team('Sales', { maxWaitSec: 15, awayOnNoAnswer: false });
    office.agent('Ann', [sales]);
    const call = office.call();
    const entry = office.join(call, sales);
    await elapse(office.clock, 15_000);
    expect(entry.settled).toBeUndefined();
    expect(entry.state).toBe('ringing');
    await elapse(office.clock, RING_MS - 15_000);
    expect(entry.settled).toEqual({ kind: 'overflow', reason: 'max_wait' });
    expect(call.bridges).toHaveLength(1);
  });

  it('puts the caller through when the agent answers after the max wait fell due', async () => {
    const office = setup();
    const sales = office.team('Sales', { maxWaitSec: 15 });
    const ann = office.agent('Ann', [sales]);
    const call = office.call();
    const entry = office.join(call, sales);
    await elapse(office.clock, 16_000);
    call.ringing!.answer(office.uri(ann));
    expect(await entry.exit).toEqual({ kind: 'answered', agentId: ann });
  });

  it('counts the max wait from the time first queued when the call overflowed here', async () => {
    const office = setup();
    const sales = office.team('Sales', { maxWaitSec: 60 });
    office.agent('Ann', [sales], 'away');
    const queuedAt = { ms: office.clock.now() - 50_000, iso: '2026-01-05T01:00:00.000Z' };
    const entry = office.join(office.call(), sales, { queuedAt });
    expect(entry).toMatchObject({ queuedAt: queuedAt.ms, queuedAtIso: queuedAt.iso });
    await elapse(office.clock, 10_000);
    expect(entry.settled).toEqual({ kind: 'overflow', reason: 'max_wait' });
  });
});
