import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../fakes/temp-dir.js';
import { describeSipp } from '../pbx/sipp.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';
import type { EngineProcess } from '../support/engine-process.js';
import { startOfficeEngine } from '../support/office-engine.js';
import { conversationRows, setUpTeam, sippCaller } from '../support/office-routing.js';
import { RawApiClient } from '../support/ws-client.js';

/**
 * The engine killed (SIGKILL: no chance to tidy up) while callers wait in a queue. After a
 * restart on the same data folder the inbox holds every call that had started, earlier finished
 * calls exactly as they were, and the office line registers again.
 */
describe('the engine killed mid-queue', () => {
  let testbed: Testbed;
  let dir: ReturnType<typeof tempDir>;
  let engine: EngineProcess | undefined;

  beforeAll(async () => {
    testbed = await startTestbed({ auth: true, agents: ['agent1'] });
    dir = tempDir();
  }, 60_000);
  afterAll(async () => {
    await engine?.stop();
    await testbed?.stop();
    dir?.remove();
  });

  it('keeps a record of every started call and registers again after a restart', async () => {
    engine = await startOfficeEngine(testbed, dir.path);
    let api = await RawApiClient.connect(engine.origin, `?token=${engine.token}`);
    const { teamId, agentIds } = await setUpTeam(api, ['agent1'], { wrapUpSec: 0, announcePosition: false });
    const agentId = agentIds.agent1!;
    // One finished call first: answered by agent1.
    await api.result('presence.set', { agentId, presence: 'available' });
    const finished = await sippCaller(testbed, 0, 1000);
    expect(finished.code, describeSipp(finished)).toBe(0);
    await vi.waitFor(() => expect(conversationRows(dir.path)[0]?.outcome).toBe('answered'));
    const before = conversationRows(dir.path)[0];

    // Two callers waiting (agent1 away), then the engine dies.
    await api.result('presence.set', { agentId, presence: 'away' });
    const waiting = [sippCaller(testbed, 1, 6000), sippCaller(testbed, 2, 6000)];
    await vi.waitFor(
      async () => {
        const [board] = await api.result<{ calls: unknown[] }[]>('queues.snapshot', {});
        expect(board?.calls).toHaveLength(2);
      },
      { timeout: 10_000 },
    );
    api.close();
    await engine.stop('SIGKILL');
    // The callers' BYEs go unanswered now; they give up on their own.
    await Promise.all(waiting);

    engine = await startOfficeEngine(testbed, dir.path);
    api = await RawApiClient.connect(engine.origin, `?token=${engine.token}`);
    try {
      const [line] = await api.result<{ registration: { state: string } }[]>('lines.list', {});
      expect(line?.registration.state).toBe('registered');
      const rows = conversationRows(dir.path);
      expect(rows).toHaveLength(3);
      expect(rows[0]).toEqual(before);
      for (const row of rows.slice(1)) {
        expect(row).toMatchObject({ outcome: 'interrupted', team_id: teamId, agent_id: null });
        expect((row as unknown as { ended_at: string | null }).ended_at).not.toBeNull();
      }
      // Presence is the agent's own choice: it survives the crash.
      const agents = await api.result<{ id: string; presence: string }[]>('agents.list', {});
      expect(agents.find((a) => a.id === agentId)?.presence).toBe('away');
    } finally {
      api.close();
    }
  }, 120_000);
});
