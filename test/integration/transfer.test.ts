import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The media worker runs compiled JavaScript, so the line agent is driven from the build output.
import type { PutThroughOutcome } from '../../build/electron/engine/call/call.js';
import { startOfficeLine, type OfficeLine } from '../support/office-line.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';

/**
 * Blind transfer (REFER, RFC 3515) on a line set to hand callers off by transfer: a baresip
 * caller reaches the office line, the engine puts it through to agent1 with a REFER whose
 * Refer-To carries the Switchboard call id as a URI header; the caller places that call itself,
 * reports success by NOTIFY, and agent1 answers.
 */
describe('blind transfer with REFER', () => {
  let testbed: Testbed;
  let office: OfficeLine | undefined;
  const outcomes: PutThroughOutcome[] = [];

  beforeAll(async () => {
    testbed = await startTestbed({ auth: true, agents: ['agent1', 'agent2'] });
    office = await startOfficeLine(
      testbed,
      (call) => {
        void call.answer().then(async () => {
          const headers: [string, string][] = [['X-Switchboard-Call-Id', call.id]];
          outcomes.push(await call.putThrough(testbed.uri('agent1'), { headers }));
        });
      },
      { handoff: 'refer' },
    );
  });
  afterAll(async () => {
    await office?.stop();
    await testbed?.stop();
  });

  it('moves the caller to agent1 and reports success', async () => {
    const caller = testbed.agent('agent2');
    const agent = testbed.agent('agent1');
    await caller.command('dial', testbed.uri('office'));
    await agent.waitForEvent((e) => e.type === 'CALL_ESTABLISHED', 10_000);
    await vi.waitFor(() => expect(outcomes).toEqual([{ kind: 'transferred' }]), { timeout: 10_000 });
    expect(agent.events.find((e) => e.type === 'CALL_ESTABLISHED')?.peeruri).toMatch(/agent2/);
    // The caller's INVITE to agent1 carried the call id from the Refer-To URI. RFC 3261 §19.1.5
    // wants it turned into a header field; baresip keeps it in the Request-URI, which reaches the
    // agent as well. Either way the agent's phone can find the call's screen pop.
    const invite = testbed
      .logs('kamailio')
      .split('\n')
      .find((line) => /TESTBED REQ INVITE sip:agent1@.* from sip:agent2@/.test(line));
    expect(invite).toMatch(/X-Switchboard-Call-Id=[0-9a-f-]{36}|call-id-header [0-9a-f-]{36}/);
  });
});
