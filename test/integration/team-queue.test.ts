import { describe, expect, it, vi } from 'vitest';
import { describeSipp } from '../pbx/sipp.js';
import { conversationRows, setUpTeam, sippCaller } from '../support/office-routing.js';
import { officeWithTestbed } from '../support/office-with-testbed.js';

/**
 * The automatic call distributor against real phones: two baresip agents in one team, SIPp
 * callers assigned to it through a published workflow.
 */
describe('a team queue with two agents', () => {
  const agentIds: Record<'agent1' | 'agent2', string> = { agent1: '', agent2: '' };
  const office = officeWithTestbed(
    { auth: true, agents: ['agent1', 'agent2'] },
    {
      timeoutMs: 120_000,
      setUp: async ({ api }) => {
        const team = await setUpTeam(api, ['agent1', 'agent2'], { wrapUpSec: 0, announcePosition: false });
        agentIds.agent1 = team.agentIds.agent1!;
        agentIds.agent2 = team.agentIds.agent2!;
        // agent1 becomes available first: with "longest idle" it gets the first caller.
        await api.result('presence.set', { agentId: agentIds.agent1, presence: 'available' });
        await new Promise((resolve) => setTimeout(resolve, 50));
        await api.result('presence.set', { agentId: agentIds.agent2, presence: 'available' });
      },
    },
  );

  it('answers callers in arrival order by free agents; the third waits until an agent hangs up', async () => {
    const { testbed, api, dir } = office;
    const agent1 = testbed.agent('agent1');
    const agent2 = testbed.agent('agent2');
    const since1 = agent1.events.length;
    const since2 = agent2.events.length;
    const first = sippCaller(testbed, 0, 4000);
    await agent1.nextEvent(since1, 'CALL_ESTABLISHED', 10_000);
    const second = sippCaller(testbed, 1, 4000);
    await agent2.nextEvent(since2, 'CALL_ESTABLISHED', 10_000);
    const third = sippCaller(testbed, 2, 15_000);
    // Both agents are on a call: the third caller waits in the queue, on hold.
    await vi.waitFor(
      async () => {
        const [board] = await api.result<{ calls: { state: string }[]; agents: { status: string }[] }[]>(
          'queues.snapshot',
          {},
        );
        expect(board?.calls.map((c) => c.state)).toEqual(['waiting']);
        expect(board?.agents.map((a) => a.status)).toEqual(['busy', 'busy']);
      },
      { timeout: 5000 },
    );
    for (const result of [await first, await second]) expect(result.code, describeSipp(result)).toBe(0);
    // The first agent to be free again takes the waiting caller, and hears the caller's digits.
    const thirdAnswered = await Promise.race([
      agent1.nextEvent(since1 + 1, 'CALL_ESTABLISHED', 10_000).then(() => 'agent1'),
      agent2.nextEvent(since2 + 1, 'CALL_ESTABLISHED', 10_000).then(() => 'agent2'),
    ]);
    const thirdResult = await third;
    expect(thirdResult.code, describeSipp(thirdResult)).toBe(0);
    const agent = testbed.agent(thirdAnswered as 'agent1' | 'agent2');
    const digits = agent.events.filter((e) => e.type === 'CALL_DTMF_START').map((e) => e.param);
    expect(digits.slice(-4)).toEqual(['1', '2', '3', '#']);

    await vi.waitFor(() =>
      expect(conversationRows(dir).every((c) => c.outcome !== 'in_progress')).toBe(true),
    );
    const rows = conversationRows(dir);
    expect(rows.map((r) => [r.outcome, r.agent_id])).toEqual([
      ['answered', agentIds.agent1],
      ['answered', agentIds.agent2],
      ['answered', agentIds[thirdAnswered as 'agent1' | 'agent2']],
    ]);
    // The third caller waited while both agents talked (the first call lasted 4 s plus its digits).
    expect(rows[2]!.wait_ms).toBeGreaterThan(3000);
    for (const row of rows) expect(row.talk_ms).toBeGreaterThan(1000);

    // The live board was pushed to the client as it changed, and ends empty (its pace: queue-board.test.ts).
    const boards = api.frames.filter(
      (frame): frame is { name: string; payload: { calls: unknown[]; agents: { status: string }[] }[] } =>
        (frame as { t?: string }).t === 'evt' && (frame as { name?: string }).name === 'queues.changed',
    );
    expect(boards.length).toBeGreaterThan(3);
    expect(boards.some((frame) => frame.payload[0]?.calls.length === 1)).toBe(true);
    await vi.waitFor(() => {
      const last = api.frames
        .filter((frame) => (frame as { name?: string }).name === 'queues.changed')
        .at(-1) as { payload: { calls: unknown[] }[] };
      expect(last.payload[0]?.calls).toEqual([]);
    });
  }, 90_000);
});
