import { describe, expect, it } from 'vitest';
import { FakeCall, flush } from '../../../test/fakes/fake-call.js';
import { routingFixture } from '../../../test/fakes/routing-fixture.js';
import type { AgentTransferEvent } from '../call/call.js';

/** A fake call whose agent can transfer it (the REFER itself: incoming-call-refer.test.ts). */
class TransferableCall extends FakeCall {
  private readonly listeners = new Set<(transfer: AgentTransferEvent) => void>();

  onTransferred(listener: (transfer: AgentTransferEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  transferTo(user: string): void {
    for (const listener of this.listeners) listener({ user, uri: `sip:${user}@pbx`, attended: false });
  }
}

/**
 * The roster follows a call an agent transfers: the first agent is free (wrap-up) once the
 * target answered, the agent who took it (if one of ours, found by extension) is busy until
 * the call ends, and the conversation hears of it.
 */
function setup() {
  const transferred: { callId: string; from: string | null; to: string | null }[] = [];
  const fixture = routingFixture({
    clockAt: 10_000,
    onTransferred: (call, { from, to }) => transferred.push({ callId: call.id, from, to }),
  });
  const sales = fixture.team('Sales', { wrapUpSec: 30 });
  const agent = (name: string, extension: string) => {
    const row = fixture.agents.save({ name, extension, maxCalls: 1, teamIds: [sales.id] })!;
    fixture.roster.reload();
    fixture.roster.setPresence(row.id, 'available');
    return row.id;
  };
  const ann = agent('Ann', '201');
  fixture.clock.advance(1000);
  const bob = agent('Bob', 'sip:202@pbx');
  /** A caller queued for Sales, rung to Ann (longest idle), who answers. */
  const answeredByAnn = async () => {
    const call = new TransferableCall({ clock: fixture.clock });
    fixture.queues.join(call, sales, { ringTimeoutMs: 20_000 });
    await flush();
    call.ringing!.answer('sip:201@pbx');
    await flush();
    return call;
  };
  return { ...fixture, sales, ann, bob, transferred, answeredByAnn };
}

describe('an agent transfers a queued call', () => {
  it('frees the first agent to wrap up and makes the agent who took it busy until the end', async () => {
    const office = setup();
    const call = await office.answeredByAnn();
    expect([office.roster.status(office.ann), office.roster.status(office.bob)]).toEqual([
      'busy',
      'available',
    ]);

    call.transferTo('202');
    expect([office.roster.status(office.ann), office.roster.status(office.bob)]).toEqual(['wrap_up', 'busy']);
    expect(office.transferred).toEqual([{ callId: call.id, from: office.ann, to: office.bob }]);

    call.hangUp();
    await flush();
    expect([office.roster.status(office.ann), office.roster.status(office.bob)]).toEqual([
      'wrap_up',
      'wrap_up',
    ]);
    office.clock.advance(30_000);
    expect(office.roster.status(office.bob)).toBe('available');
  });

  it('a transfer to a number or a phone that is no agent of ours only frees the agent', async () => {
    const office = setup();
    const call = await office.answeredByAnn();
    call.transferTo('0215550100');
    expect(office.roster.status(office.ann)).toBe('wrap_up');
    expect(office.transferred).toEqual([{ callId: call.id, from: office.ann, to: null }]);
    call.hangUp();
    await flush();
    expect(office.roster.status(office.bob)).toBe('available');
  });
});
