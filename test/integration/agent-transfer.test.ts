import { describe, expect, it, vi } from 'vitest';
import { describeSipp, runSipp, type SippResult } from '../pbx/sipp.js';
import type { Testbed } from '../pbx/testbed.js';
import { findToneBursts } from '../pbx/tone-analysis.js';
import { conversationRows } from '../support/office-routing.js';
import {
  annPhone,
  board,
  heard,
  registerSipp,
  scenario,
  TONE_HZ,
  writeTonePcap,
  officeWithAnnAndBob,
} from '../support/sipp-agents.js';

/** Ann's phone: answers the engine's call, and after `referAfterMs` sends REFER to `referTo`. */
function annTransfers(testbed: Testbed, referTo: string, referAfterMs = 2000): Promise<SippResult> {
  // -aa: SIPp answers the NOTIFYs itself (see the scenario).
  return annPhone(testbed, 'sipp-uas-transferring-agent.xml', [
    '-key',
    'refer_to',
    referTo,
    '-d',
    String(referAfterMs),
    '-aa',
  ]);
}

/** The SIP messages Ann received, in order, each as its start line and the sipfrag it carried. */
function notifiesTo(result: SippResult): string[] {
  return [
    ...result.messages.matchAll(/received[^\n]*\n\n?NOTIFY [\s\S]*?\r?\n\r?\n(SIP\/2\.0 \d{3}[^\r\n]*)/g),
  ].map((match) => match[1]!);
}

/**
 * Transfers started by an agent's phone (issue 7): the caller is baresip agent1 dialling the
 * office, the first agent is a SIPp phone that sends REFER on the engine's leg (RFC 3515), the
 * target is baresip agent2 (auto answer).
 */
describe('an agent transfers the caller (blind, REFER)', () => {
  const { office, ids } = officeWithAnnAndBob(['agent1', 'agent2']);

  it('rings the target, bridges the caller to it, reports 100 then 200 by NOTIFY and ends the agent’s leg', async () => {
    const { testbed, api, dir } = office;
    const customer = testbed.agent('agent1');
    const bob = testbed.agent('agent2');
    const customerSince = customer.events.length;
    const bobSince = bob.events.length;
    const ann = annTransfers(testbed, `<sip:agent2@${testbed.host}>`);
    await customer.dial(testbed.uri('office'));
    await customer.nextEvent(customerSince, 'CALL_ESTABLISHED', 10_000);
    const annResult = await ann;
    expect(annResult.code, describeSipp(annResult)).toBe(0);
    await bob.nextEvent(bobSince, 'CALL_ESTABLISHED', 5000);
    // RFC 3515 §2.4.5: 100 at once, then the outcome, which ends the subscription.
    expect(notifiesTo(annResult)).toEqual(['SIP/2.0 100 Trying', 'SIP/2.0 200 OK']);
    expect(annResult.messages).toMatch(/Subscription-State: terminated/i);
    // Ann is free (wrapping up), Bob is on the call.
    await vi.waitFor(async () => expect(await board(api)).toEqual({ Ann: 'wrap_up', Bob: 'busy' }), {
      timeout: 5000,
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await customer.hangup();
    await bob.nextEvent(bobSince, 'CALL_CLOSED', 10_000);
    await customer.nextEvent(customerSince, 'CALL_CLOSED', 10_000);
    // Audio both ways through the engine's new bridge.
    expect(findToneBursts(heard(testbed, 'agent1'), TONE_HZ.agent2)).not.toHaveLength(0);
    expect(findToneBursts(heard(testbed, 'agent2'), TONE_HZ.agent1)).not.toHaveLength(0);

    await vi.waitFor(() => expect(conversationRows(dir)[0]?.outcome).toBe('transferred'), { timeout: 5000 });
    const [row] = conversationRows(dir);
    const detail = await api.result<{ outcome: string; agentId: string; agentName: string }>(
      'conversations.get',
      { id: row!.id },
    );
    // The timeline's "Ann transferred the caller to Bob" (blind).
    expect(detail).toMatchObject({
      outcome: 'transferred',
      agentId: ids.bob,
      agentName: 'Bob',
      transfers: [{ fromAgentName: 'Ann', toAgentName: 'Bob', target: 'agent2', attended: false }],
    });
    await vi.waitFor(async () => expect((await board(api)).Bob).toBe('wrap_up'), { timeout: 5000 });
  }, 90_000);
});

describe('an agent’s transfer that is not taken (transfer recall)', () => {
  const { office, ids } = officeWithAnnAndBob(['agent1']);

  it('reports the failure by NOTIFY and puts the caller back to the agent, whose audio flows again', async () => {
    const { testbed, api, engine } = office;
    const customer = testbed.agent('agent1');
    const since = customer.events.length;
    // agent2 is not registered (no baresip for it in this block): the PBX answers 404 or 480.
    const ann = annTransfers(testbed, `<sip:agent2@${testbed.host}>`);
    await customer.dial(testbed.uri('office'));
    await customer.nextEvent(since, 'CALL_ESTABLISHED', 10_000);
    const annResult = await ann;
    expect(annResult.code, describeSipp(annResult)).toBe(0);
    const [trying, final] = notifiesTo(annResult);
    expect(trying).toBe('SIP/2.0 100 Trying');
    expect(final).toMatch(/^SIP\/2\.0 (404|480) /);
    // Ann hung up after talking again: the caller's call ended with hers.
    await customer.nextEvent(since, 'CALL_CLOSED', 10_000);
    expect(findToneBursts(heard(testbed, 'agent1'), TONE_HZ.ann)).not.toHaveLength(0);
    expect(await board(api)).toMatchObject({ Ann: 'wrap_up' });
    expect(engine.stderr()).not.toMatch(/an agent’s transfer failed/);
  }, 90_000);

  it('refuses a REFER to a host other than the PBX (403) and keeps the call as it was', async () => {
    const { testbed, api } = office;
    const customer = testbed.agent('agent1');
    const since = customer.events.length;
    // Ann ends her wrap-up after the last call ("ready"), so the next caller comes to her.
    await api.result('presence.set', { agentId: ids.ann, presence: 'available' });
    const recordings = testbed.recordings('agent1').length;
    const ann = annTransfers(testbed, '<sip:0099123456@198.51.100.7>', 1000);
    await customer.dial(testbed.uri('office'));
    await customer.nextEvent(since, 'CALL_ESTABLISHED', 10_000);
    const annResult = await ann;
    expect(annResult.code, describeSipp(annResult)).toBe(0);
    expect(annResult.messages).toMatch(/SIP\/2\.0 403 Forbidden/);
    expect(notifiesTo(annResult)).toEqual([]);
    // Ann still talks to the caller after the refusal, then hangs up, which ends the call.
    await customer.nextEvent(since, 'CALL_CLOSED', 10_000);
    expect(testbed.recordings('agent1').length).toBeGreaterThan(recordings);
    expect(findToneBursts(heard(testbed, 'agent1'), TONE_HZ.ann)).not.toHaveLength(0);
  }, 60_000);

  it('rings the agent again when a blind transfer fails after they hung up, and the caller talks to them', async () => {
    const { testbed, api, dir } = office;
    const customer = testbed.agent('agent1');
    const since = customer.events.length;
    await api.result('presence.set', { agentId: ids.ann, presence: 'available' });
    // Ann's desk phone sends REFER and hangs up on the 202; agent2 is not registered here.
    const ann = annPhone(testbed, 'sipp-uas-transferring-agent-hangs-up.xml', [
      '-key',
      'refer_to',
      `<sip:agent2@${testbed.host}>`,
      '-d',
      '1500',
      '-aa',
      '-m',
      '2',
    ]);
    await customer.dial(testbed.uri('office'));
    await customer.nextEvent(since, 'CALL_ESTABLISHED', 10_000);
    const annResult = await ann;
    // Both of Ann's calls went through: the first, and the recall she answered.
    expect(annResult.code, describeSipp(annResult)).toBe(0);
    await customer.nextEvent(since, 'CALL_CLOSED', 10_000);
    expect(findToneBursts(heard(testbed, 'agent1'), TONE_HZ.ann)).not.toHaveLength(0);
    await vi.waitFor(() => expect(conversationRows(dir).at(-1)?.outcome).toBe('answered'), { timeout: 5000 });
  }, 60_000);
});

/** Where the SIPp colleague (Bob, SIP user agent2) takes calls, and where Ann consults from. */
const BOB_PORT = 5073;
const CONSULT_PORT = 5074;
const CONSULT_CALL_ID = 'consult-1@switchboard.test';

describe('an attended transfer (consult, then REFER with Replaces)', () => {
  const { office, ids } = officeWithAnnAndBob(['agent1'], async ({ testbed }) => {
    await registerSipp(testbed, 'agent2', BOB_PORT);
    writeTonePcap(testbed, 'target-audio.pcap', TONE_HZ.bob, 6);
  });

  it('replaces the consultation: the engine INVITEs the colleague with Replaces and bridges the caller there', async () => {
    const { testbed, api, dir } = office;
    const customer = testbed.agent('agent1');
    const since = customer.events.length;
    // Bob's phone takes two calls: Ann's consultation, then the engine's INVITE with Replaces.
    const bob = runSipp({
      scenario: scenario('sipp-uas-replaces-target.xml'),
      service: 'agent2',
      remote: testbed.proxyAddress,
      fromUser: 'agent2',
      dir: testbed.dir,
      localPort: BOB_PORT,
      mediaPort: 6300,
      timeoutSeconds: 40,
      extraArgs: ['-m', '2'],
    });
    // Bob's presence says available, but his phone is on Ann's consultation: he is ours, and
    // the engine's queue would ring him (he is in the team); keep him away meanwhile.
    await api.result('presence.set', { agentId: ids.bob, presence: 'away' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const consult = runSipp({
      scenario: scenario('sipp-uac-consult.xml'),
      service: 'agent2',
      remote: testbed.proxyAddress,
      auth: { user: 'web1', password: testbed.users.web1 },
      dir: testbed.dir,
      localPort: CONSULT_PORT,
      mediaPort: 6400,
      timeoutSeconds: 30,
      extraArgs: ['-cid_str', CONSULT_CALL_ID, '-d', '9000'],
    });
    const replaces = encodeURIComponent(`${CONSULT_CALL_ID};to-tag=bob1;from-tag=consult`);
    const ann = annTransfers(testbed, `<sip:agent2@${testbed.host}:${BOB_PORT}?Replaces=${replaces}>`, 2500);
    await customer.dial(testbed.uri('office'));
    await customer.nextEvent(since, 'CALL_ESTABLISHED', 10_000);
    const annResult = await ann;
    expect(annResult.code, describeSipp(annResult)).toBe(0);
    expect(notifiesTo(annResult)).toEqual(['SIP/2.0 100 Trying', 'SIP/2.0 200 OK']);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await customer.hangup();
    await customer.nextEvent(since, 'CALL_CLOSED', 10_000);
    const [bobResult, consultResult] = await Promise.all([bob, consult]);
    expect(consultResult.code, describeSipp(consultResult)).toBe(0);
    expect(bobResult.code, describeSipp(bobResult)).toBe(0);
    // The engine's INVITE named the consultation (RFC 3891 §6.1) and required Replaces support.
    const invites = [...bobResult.messages.matchAll(/received[^\n]*\n\n?INVITE [\s\S]*?\r?\n\r?\n/g)].map(
      (m) => m[0],
    );
    expect(invites).toHaveLength(2);
    expect(invites[1]).toMatch(
      new RegExp(`^Replaces: ${CONSULT_CALL_ID.replace('.', '\\.')};to-tag=bob1;from-tag=consult\\s*$`, 'im'),
    );
    expect(invites[1]).toMatch(/^Require: replaces\s*$/im);
    expect(invites[1]).toMatch(/^Referred-By: <sip:web1@/im);
    // The caller heard Bob after the transfer.
    expect(findToneBursts(heard(testbed, 'agent1'), TONE_HZ.bob)).not.toHaveLength(0);
    await vi.waitFor(() => expect(conversationRows(dir)[0]?.outcome).toBe('transferred'), { timeout: 5000 });
    expect(conversationRows(dir)[0]?.agent_id).toBe(ids.bob);
    const detail = await api.result('conversations.get', { id: conversationRows(dir)[0]!.id });
    expect(detail).toMatchObject({
      transfers: [{ fromAgentId: ids.ann, toAgentId: ids.bob, attended: true }],
    });
  }, 90_000);
});
