import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The media worker runs compiled JavaScript, so the line agent is driven from the build output.
import type { BridgeOutcome } from '../../build/electron/engine/call/call.js';
import { startOfficeLine, type OfficeLine } from '../support/office-line.js';
import { callOffice, describeSipp } from '../pbx/sipp.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';

/**
 * A caller (SIPp) reaches the office line; the engine answers and bridges it to an agent
 * (baresip) as a B2BUA: the agent receives the caller's RFC 4733 digits through the bridge, and
 * the caller's BYE ends the agent's leg too.
 */
describe('bridging a caller to an agent', () => {
  let testbed: Testbed;
  let office: OfficeLine | undefined;
  const outcomes: BridgeOutcome[] = [];

  beforeAll(async () => {
    testbed = await startTestbed({ auth: true, agents: ['agent1'] });
    office = await startOfficeLine(testbed, (call) => {
      void call.answer().then(async () => outcomes.push(await call.bridgeTo(testbed.uri('agent1'))));
    });
  });
  afterAll(async () => {
    await office?.stop();
    await testbed?.stop();
  });

  it('relays the caller’s digits to the agent and ends both legs on the caller’s BYE', async () => {
    const agent = testbed.agent('agent1');
    const result = await callOffice(testbed);
    expect(result.code, describeSipp(result)).toBe(0);
    expect(outcomes).toEqual([
      { kind: 'bridged', target: testbed.uri('agent1'), legs: { [testbed.uri('agent1')]: 'answered' } },
    ]);
    await agent.waitForEvent((e) => e.type === 'CALL_CLOSED', 5000);
    const digits = agent.events.filter((e) => e.type === 'CALL_DTMF_START').map((e) => e.param);
    expect(digits).toEqual(['1', '2', '3', '#']);
  });
});
