import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The media worker runs compiled JavaScript, so the line agent is driven from the build output.
import type { TransferOutcome } from '../../build/electron/engine/call/call.js';
import { startOfficeLine, type OfficeLine } from '../support/office-line.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';

/**
 * Blind transfer (REFER, RFC 3515): a baresip caller reaches the office line, the engine REFERs
 * it to agent1; the caller places that call itself, reports success by NOTIFY, and agent1 answers.
 */
describe('blind transfer with REFER', () => {
  let testbed: Testbed;
  let office: OfficeLine | undefined;
  const outcomes: TransferOutcome[] = [];

  beforeAll(async () => {
    testbed = await startTestbed({ auth: true, agents: ['agent1', 'agent2'] });
    office = await startOfficeLine(testbed, (call) => {
      void call.answer().then(async () => outcomes.push(await call.transfer(testbed.uri('agent1'))));
    });
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
  });
});
