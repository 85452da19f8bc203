import { describe, expect, it, onTestFinished } from 'vitest';
import { testDatabase } from '../../../test/fakes/test-database.js';
import { ManualClock } from '../manual-clock.js';
import { AgentRepository } from '../store/agent-repository.js';
import { TeamRepository } from '../store/team-repository.js';
import { OWN_CALLS_LAPSE_MS } from '../../../shared/domain/agents.js';
import { AgentRoster, REST_AFTER_REFUSAL_MS } from './agent-roster.js';

/** Two teams, Ann and Bob in Sales, Cho in Support, everyone offline; the clock at 10 s. */
function setup() {
  const { db } = testDatabase();
  const teams = new TeamRepository(db);
  const agents = new AgentRepository(db);
  const sales = teams.save({ name: 'Sales' })!;
  const support = teams.save({ name: 'Support' })!;
  const ann = agents.save({ name: 'Ann', extension: '201', maxCalls: 1, teamIds: [sales.id] })!;
  const bob = agents.save({ name: 'Bob', extension: '202', maxCalls: 1, teamIds: [sales.id] })!;
  const cho = agents.save({ name: 'Cho', extension: '203', maxCalls: 1, teamIds: [support.id] })!;
  const clock = new ManualClock();
  clock.advance(10_000);
  const roster = new AgentRoster(agents, clock);
  const changes: string[] = [];
  roster.onChange((agent) => changes.push(`${agent.name}:${agent.status}`));
  onTestFinished(() => roster.close());
  return { agents, roster, clock, changes, sales, support, ann, bob, cho };
}

const freeIds = (roster: AgentRoster, teamId: string) => roster.free(teamId).map((f) => f.agent.id);

describe('agent roster', () => {
  it('offers nobody until an agent makes themselves available, and only to their own team', () => {
    const { roster, sales, support, ann, cho } = setup();
    expect(roster.status(ann.id)).toBe('offline');
    expect(roster.free(sales.id)).toEqual([]);
    roster.setPresence(ann.id, 'available');
    expect(freeIds(roster, sales.id)).toEqual([ann.id]);
    expect(freeIds(roster, support.id)).toEqual([]);
    roster.setPresence(cho.id, 'away');
    expect(roster.status(cho.id)).toBe('away');
    expect(freeIds(roster, support.id)).toEqual([]);
  });

  it('keeps the chosen presence in the store across a restart, and starts everyone idle', () => {
    const { agents, roster, clock, ann } = setup();
    roster.setPresence(ann.id, 'available');
    roster.offered(ann.id);
    const restarted = new AgentRoster(agents, clock);
    expect(restarted.get(ann.id)).toMatchObject({ presence: 'available', status: 'available' });
    restarted.close();
  });

  it('shows a ringing agent as ringing and offers them nothing more meanwhile', () => {
    const { roster, sales, ann, bob } = setup();
    roster.setPresence(ann.id, 'available');
    roster.setPresence(bob.id, 'available');
    roster.offered(ann.id);
    expect(roster.status(ann.id)).toBe('ringing');
    expect(freeIds(roster, sales.id)).toEqual([bob.id]);
    roster.offerEnded(ann.id, 'unanswered');
    expect(roster.status(ann.id)).toBe('available');
  });

  it('is busy on a call, then wraps up, then is free exactly when the wrap-up is over', () => {
    const { roster, clock, sales, ann, changes } = setup();
    roster.setPresence(ann.id, 'available');
    roster.offered(ann.id);
    roster.offerEnded(ann.id, 'answered');
    expect(roster.status(ann.id)).toBe('busy');
    roster.callEnded(ann.id, 20);
    expect(roster.status(ann.id)).toBe('wrap_up');
    clock.advance(19_999);
    expect(freeIds(roster, sales.id)).toEqual([]);
    changes.length = 0;
    clock.advance(1);
    expect(roster.status(ann.id)).toBe('available');
    expect(freeIds(roster, sales.id)).toEqual([ann.id]);
    // The queue hears of it then, to offer the next call.
    expect(changes).toEqual(['Ann:available']);
  });

  it('lets an agent end the wrap-up early by saying "available" again', () => {
    const { roster, sales, ann } = setup();
    roster.setPresence(ann.id, 'available');
    roster.offered(ann.id);
    roster.offerEnded(ann.id, 'answered');
    roster.callEnded(ann.id, 60);
    expect(roster.status(ann.id)).toBe('wrap_up');
    roster.setPresence(ann.id, 'available');
    expect(freeIds(roster, sales.id)).toEqual([ann.id]);
  });

  it('with no wrap-up, is free as soon as the call ends', () => {
    const { roster, sales, ann } = setup();
    roster.setPresence(ann.id, 'available');
    roster.offered(ann.id);
    roster.offerEnded(ann.id, 'answered');
    roster.callEnded(ann.id, 0);
    expect(freeIds(roster, sales.id)).toEqual([ann.id]);
  });

  it('rests an agent whose phone refused a call, and tells the queue when the rest is over', () => {
    const { roster, clock, sales, ann, changes } = setup();
    roster.setPresence(ann.id, 'available');
    roster.offered(ann.id);
    roster.offerEnded(ann.id, 'refused');
    expect(roster.status(ann.id)).toBe('available');
    clock.advance(REST_AFTER_REFUSAL_MS - 1);
    expect(freeIds(roster, sales.id)).toEqual([]);
    changes.length = 0;
    clock.advance(1);
    expect(freeIds(roster, sales.id)).toEqual([ann.id]);
    expect(changes).toEqual(['Ann:available']);
  });

  it('keeps resting after a short wrap-up that ended inside the rest', () => {
    const { roster, clock, sales, ann } = setup();
    roster.setPresence(ann.id, 'available');
    roster.offered(ann.id);
    roster.offerEnded(ann.id, 'answered');
    roster.offered(ann.id);
    roster.offerEnded(ann.id, 'refused');
    roster.callEnded(ann.id, 5);
    clock.advance(5_000);
    expect(roster.status(ann.id)).toBe('available');
    expect(freeIds(roster, sales.id)).toEqual([]);
    clock.advance(REST_AFTER_REFUSAL_MS - 5_000);
    expect(freeIds(roster, sales.id)).toEqual([ann.id]);
  });

  it('offers an agent allowed two calls a second one while on the first', () => {
    const { agents, roster, sales, ann } = setup();
    agents.save({ id: ann.id, name: 'Ann', extension: '201', maxCalls: 2 });
    roster.reload();
    roster.setPresence(ann.id, 'available');
    roster.offered(ann.id);
    roster.offerEnded(ann.id, 'answered');
    expect(freeIds(roster, sales.id)).toEqual([ann.id]);
    roster.offered(ann.id);
    roster.offerEnded(ann.id, 'answered');
    expect(roster.status(ann.id)).toBe('busy');
    expect(freeIds(roster, sales.id)).toEqual([]);
  });

  it('shows an agent who went away mid-call as busy until the call ends', () => {
    const { roster, ann } = setup();
    roster.setPresence(ann.id, 'available');
    roster.offered(ann.id);
    roster.offerEnded(ann.id, 'answered');
    roster.setPresence(ann.id, 'away');
    expect(roster.status(ann.id)).toBe('busy');
    roster.callEnded(ann.id, 0);
    expect(roster.status(ann.id)).toBe('away');
  });

  it('counts idle time from the last call’s end or from becoming available', () => {
    const { roster, clock, sales, ann, bob } = setup();
    roster.setPresence(ann.id, 'available');
    clock.advance(1_000);
    roster.setPresence(bob.id, 'available');
    const idle = () => Object.fromEntries(roster.free(sales.id).map((f) => [f.agent.name, f.idleSince]));
    expect(idle()).toEqual({ Ann: 10_000, Bob: 11_000 });
    roster.offered(ann.id);
    roster.offerEnded(ann.id, 'answered');
    clock.advance(1_000);
    roster.callEnded(ann.id, 0);
    expect(idle()).toEqual({ Ann: 12_000, Bob: 11_000 });
  });

  it('keeps live states across a reload and forgets removed agents', () => {
    const { agents, roster, ann, bob } = setup();
    roster.setPresence(ann.id, 'available');
    roster.offered(ann.id);
    agents.remove(bob.id);
    roster.reload();
    expect(roster.status(ann.id)).toBe('ringing');
    expect(roster.get(bob.id)).toBeUndefined();
    expect(roster.status(bob.id)).toBe('offline');
  });

  it('keeps an agent on a call of their own phone’s out of the queue, with no wrap-up after it', () => {
    const { roster, clock, sales, ann, bob } = setup();
    roster.setPresence(ann.id, 'available');
    roster.setPresence(bob.id, 'available');
    roster.setOwnCalls(ann.id, 'tab', 1);
    expect(roster.status(ann.id)).toBe('busy');
    expect(freeIds(roster, sales.id)).toEqual([bob.id]);
    // The phone repeats its report while the call goes on: it does not lapse meanwhile.
    clock.advance(OWN_CALLS_LAPSE_MS - 1000);
    roster.setOwnCalls(ann.id, 'tab', 1);
    clock.advance(OWN_CALLS_LAPSE_MS - 1000);
    expect(roster.status(ann.id)).toBe('busy');
    roster.setOwnCalls(ann.id, 'tab', 0);
    expect(roster.status(ann.id)).toBe('available');
    // Ann's call just ended: Bob has been idle longer.
    expect(roster.free(sales.id).sort((a, b) => a.idleSince - b.idleSince)[0]?.agent.id).toBe(bob.id);
  });

  it('forgets calls of a phone that stopped reporting (the app closed mid-call)', () => {
    const { roster, clock, ann, changes } = setup();
    roster.setPresence(ann.id, 'available');
    roster.setOwnCalls(ann.id, 'tab', 1);
    clock.advance(OWN_CALLS_LAPSE_MS);
    expect(roster.status(ann.id)).toBe('available');
    expect(changes.slice(-2)).toEqual(['Ann:busy', 'Ann:available']);
    expect(roster.setOwnCalls('no-such-agent', 'tab', 1)).toBeUndefined();
  });

  it('adds up the reports of an agent’s phones: an idle second window does not free them', () => {
    const { roster, ann } = setup();
    roster.setPresence(ann.id, 'available');
    roster.setOwnCalls(ann.id, 'laptop', 1);
    roster.setOwnCalls(ann.id, 'desktop', 0);
    expect(roster.status(ann.id)).toBe('busy');
    roster.setOwnCalls(ann.id, 'laptop', 0);
    expect(roster.status(ann.id)).toBe('available');
  });
});
