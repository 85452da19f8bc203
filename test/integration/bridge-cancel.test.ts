import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The media worker runs compiled JavaScript, so the line agent is driven from the build output.
import type { BridgeOutcome } from '../../build/electron/engine/call/call.js';
import { startOfficeLine, type OfficeLine } from '../support/office-line.js';
import { callOffice, describeSipp } from '../pbx/sipp.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';

/**
 * The caller gives up while the agent's phone still rings: the engine cancels the agent's leg
 * (CANCEL, RFC 3261 §9.1), so the agent's phone stops ringing, and the attempt ends unanswered.
 */
describe('a caller who hangs up while the agent rings', () => {
  let testbed: Testbed;
  let office: OfficeLine | undefined;
  const outcomes: BridgeOutcome[] = [];

  beforeAll(async () => {
    testbed = await startTestbed({ auth: true, agents: ['agent1'], manualAnswer: ['agent1'] });
    office = await startOfficeLine(testbed, (call) => {
      void call.answer().then(async () => outcomes.push(await call.bridgeTo(testbed.uri('agent1'))));
    });
  });
  afterAll(async () => {
    await office?.stop();
    await testbed?.stop();
  });

  it('cancels the ringing agent leg', async () => {
    const agent = testbed.agent('agent1');
    const result = await callOffice(testbed);
    expect(result.code, describeSipp(result)).toBe(0);
    await agent.waitForEvent((e) => e.type === 'CALL_CLOSED', 5000);
    expect(agent.events.some((e) => e.type === 'CALL_INCOMING')).toBe(true);
    expect(agent.events.some((e) => e.type === 'CALL_ESTABLISHED')).toBe(false);
    await vi.waitFor(() =>
      expect(outcomes).toEqual([{ kind: 'no-answer', legs: { [testbed.uri('agent1')]: 'cancelled' } }]),
    );
    expect(testbed.logs('kamailio')).toMatch(/TESTBED REQ CANCEL sip:agent1@/);
  });
});
