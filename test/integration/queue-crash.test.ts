import { describe, expect, it, vi } from 'vitest';
import { describeSipp } from '../pbx/sipp.js';
import { conversationRows, setUpTeam, sippCaller } from '../support/office-routing.js';
import { officeWithTestbed } from '../support/office-with-testbed.js';

/**
 * The engine killed (SIGKILL: no chance to tidy up) while callers wait in a queue. After a
 * restart on the same data folder the inbox holds every call that had started, earlier finished
 * calls exactly as they were, and the office line registers again.
 */
describe('the engine killed mid-queue', () => {
  const office = officeWithTestbed({ auth: true, agents: ['agent1'] }, { timeoutMs: 120_000 });

  it('keeps a record of every started call and registers again after a restart', async () => {
    const { testbed, dir } = office;
    const { teamId, agentIds } = await setUpTeam(office.api, ['agent1'], {
      wrapUpSec: 0,
      announcePosition: false,
    });
    const agentId = agentIds.agent1!;
    // One finished call first: answered by agent1.
    await office.api.result('presence.set', { agentId, presence: 'available' });
    const finished = await sippCaller(testbed, 0, 1000);
    expect(finished.code, describeSipp(finished)).toBe(0);
    await vi.waitFor(() => expect(conversationRows(dir)[0]?.outcome).toBe('answered'));
    const before = conversationRows(dir)[0];

    // Two callers waiting (agent1 away), then the engine dies.
    await office.api.result('presence.set', { agentId, presence: 'away' });
    const waiting = [sippCaller(testbed, 1, 6000), sippCaller(testbed, 2, 6000)];
    await vi.waitFor(
      async () => {
        const [board] = await office.api.result<{ calls: unknown[] }[]>('queues.snapshot', {});
        expect(board?.calls).toHaveLength(2);
      },
      { timeout: 10_000 },
    );
    await office.restartEngine('SIGKILL', async () => {
      // The callers' BYEs go unanswered now; they give up on their own.
      await Promise.all(waiting);
    });
    const [line] = await office.api.result<{ registration: { state: string } }[]>('lines.list', {});
    expect(line?.registration.state).toBe('registered');
    const rows = conversationRows(dir);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(before);
    for (const row of rows.slice(1)) {
      expect(row).toMatchObject({ outcome: 'interrupted', team_id: teamId, agent_id: null });
      expect((row as unknown as { ended_at: string | null }).ended_at).not.toBeNull();
    }
    // Presence is the agent's own choice: it survives the crash.
    const agents = await office.api.result<{ id: string; presence: string }[]>('agents.list', {});
    expect(agents.find((a) => a.id === agentId)?.presence).toBe('away');
  }, 120_000);
});
