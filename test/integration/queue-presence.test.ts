import { describe, expect, it, vi } from 'vitest';
import { describeSipp } from '../pbx/sipp.js';
import { conversationRows, setUpTeam, sippCaller } from '../support/office-routing.js';
import { officeWithTestbed } from '../support/office-with-testbed.js';

/**
 * Presence decides who is offered calls, against real phones: agent1 answers at once, agent2's
 * phone rings until someone picks it up (no one does).
 */
describe('presence and unanswered rings in a team queue', () => {
  let agentIds: Record<string, string>;
  const office = officeWithTestbed(
    { auth: true, agents: ['agent1', 'agent2'], manualAnswer: ['agent2'] },
    {
      timeoutMs: 120_000,
      setUp: async ({ api }) => {
        ({ agentIds } = await setUpTeam(api, ['agent1', 'agent2'], {
          wrapUpSec: 0,
          announcePosition: false,
        }));
      },
    },
  );

  it('offers no call to an away agent, sets away an agent who lets it ring out, and tries the next', async () => {
    const { testbed, api, dir } = office;
    const agent1 = testbed.agent('agent1');
    const agent2 = testbed.agent('agent2');
    const since1 = agent1.events.length;
    const since2 = agent2.events.length;
    await api.result('presence.set', { agentId: agentIds.agent1, presence: 'away' });
    await api.result('presence.set', { agentId: agentIds.agent2, presence: 'available' });
    const call = sippCaller(testbed, 0, 12_000);
    // agent2 rings, and rings out after the assign step's 6 s: set away by the engine.
    await agent2.nextEvent(since2, 'CALL_INCOMING', 10_000);
    await vi.waitFor(
      async () => {
        const agents = await api.result<{ id: string; presence: string }[]>('agents.list', {});
        expect(agents.find((a) => a.id === agentIds.agent2)?.presence).toBe('away');
      },
      { timeout: 10_000 },
    );
    await agent2.nextEvent(since2, 'CALL_CLOSED', 5000);
    // Still waiting; nobody available. agent1 (away) was never offered the call.
    expect(agent1.events.slice(since1).some((e) => e.type === 'CALL_INCOMING')).toBe(false);
    const [board] = await api.result<{ calls: unknown[] }[]>('queues.snapshot', {});
    expect(board?.calls).toHaveLength(1);
    // agent1 comes back: the waiting caller is put through to them.
    await api.result('presence.set', { agentId: agentIds.agent1, presence: 'available' });
    await agent1.nextEvent(since1, 'CALL_ESTABLISHED', 10_000);
    const result = await call;
    expect(result.code, describeSipp(result)).toBe(0);
    await vi.waitFor(() => expect(conversationRows(dir)[0]?.outcome).toBe('answered'));
    expect(conversationRows(dir)[0]?.agent_id).toBe(agentIds.agent1);
  }, 60_000);

  it('records a caller who hangs up while waiting as abandoned, with the wait', async () => {
    const { testbed, api, dir } = office;
    for (const id of Object.values(agentIds))
      await api.result('presence.set', { agentId: id, presence: 'away' });
    const result = await sippCaller(testbed, 1, 3000);
    expect(result.code, describeSipp(result)).toBe(0);
    await vi.waitFor(() => expect(conversationRows(dir)[1]?.outcome).toBe('abandoned'));
    const row = conversationRows(dir)[1]!;
    // SIPp stays on for 3 s plus its digits (about 2.5 s) after the answer, then hangs up.
    expect(row.wait_ms).toBeGreaterThan(3000);
    expect(row.wait_ms).toBeLessThan(10_000);
    expect(row.agent_id).toBeNull();
  }, 30_000);
});
