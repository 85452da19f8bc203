import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../fakes/temp-dir.js';
import { describeSipp, runSipp, SCENARIOS, type SippResult } from '../pbx/sipp.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';
import type { EngineProcess } from '../support/engine-process.js';
import { startOfficeEngine } from '../support/office-engine.js';
import { RawApiClient } from '../support/ws-client.js';

interface ConversationRow {
  agent_id: string | null;
  outcome: string;
  wait_ms: number | null;
  talk_ms: number | null;
  team_id: string | null;
}

/** A workflow that puts every caller in one team's queue. */
async function publishQueueWorkflow(api: RawApiClient, teamId: string): Promise<void> {
  const front = await api.result<{ id: string }>('workflows.create', { name: 'To the team' });
  await api.result('workflows.saveDraft', {
    id: front.id,
    definition: {
      trigger: { kind: 'customer_called' },
      steps: [
        { kind: 'assign', id: 'team', name: 'Team', target: { kind: 'team', teamId }, ringTimeoutSec: 6 },
      ],
      edges: [{ source: 'trigger', output: 'start', target: 'team' }],
    },
  });
  await api.result('workflows.publish', { id: front.id }, 60_000);
}

/** caller1 calls the office; `n` keeps concurrent callers' media ports apart. */
function caller(testbed: Testbed, n: number, onLineMs: number): Promise<SippResult> {
  return runSipp({
    scenario: SCENARIOS.uacDtmf,
    service: 'office',
    remote: testbed.proxyAddress,
    auth: { user: 'caller1', password: testbed.users.caller1 },
    dir: testbed.dir,
    mediaPort: 6000 + n * 10,
    timeoutSeconds: 60,
    extraArgs: ['-d', String(onLineMs)],
  });
}

function conversations(dir: string): ConversationRow[] {
  const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
  try {
    return db.prepare('select * from conversations order by started_at').all() as ConversationRow[];
  } finally {
    db.close();
  }
}

/**
 * The automatic call distributor against real phones: two baresip agents in one team, SIPp
 * callers assigned to it through a published workflow.
 */
describe('a team queue with two agents', () => {
  let testbed: Testbed;
  let dir: ReturnType<typeof tempDir>;
  let engine: EngineProcess;
  let api: RawApiClient;
  const agentIds: Record<'agent1' | 'agent2', string> = { agent1: '', agent2: '' };

  beforeAll(async () => {
    testbed = await startTestbed({ auth: true, agents: ['agent1', 'agent2'] });
    dir = tempDir();
    engine = await startOfficeEngine(testbed, dir.path);
    api = await RawApiClient.connect(engine.origin, `?token=${engine.token}`);
    for (const name of ['agent1', 'agent2'] as const) {
      agentIds[name] = (await api.result<{ id: string }>('agents.save', { name, extension: name })).id;
    }
    const team = await api.result<{ id: string }>('teams.save', {
      name: 'Sales',
      memberIds: [agentIds.agent1, agentIds.agent2],
      routing: { wrapUpSec: 0, announcePosition: false },
    });
    await publishQueueWorkflow(api, team.id);
    // agent1 becomes available first: with "longest idle" it gets the first caller.
    await api.result('presence.set', { agentId: agentIds.agent1, presence: 'available' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await api.result('presence.set', { agentId: agentIds.agent2, presence: 'available' });
  }, 120_000);
  afterAll(async () => {
    api?.close();
    await engine?.stop();
    await testbed?.stop();
    dir?.remove();
  });

  it('answers callers in arrival order by free agents; the third waits until an agent hangs up', async () => {
    const agent1 = testbed.agent('agent1');
    const agent2 = testbed.agent('agent2');
    const since1 = agent1.events.length;
    const since2 = agent2.events.length;
    const first = caller(testbed, 0, 4000);
    await agent1.nextEvent(since1, 'CALL_ESTABLISHED', 10_000);
    const second = caller(testbed, 1, 4000);
    await agent2.nextEvent(since2, 'CALL_ESTABLISHED', 10_000);
    const third = caller(testbed, 2, 15_000);
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

    await vi.waitFor(() => expect(conversations(dir.path).every((c) => c.outcome !== 'in_progress')).toBe(true));
    const rows = conversations(dir.path);
    expect(rows.map((r) => [r.outcome, r.agent_id])).toEqual([
      ['answered', agentIds.agent1],
      ['answered', agentIds.agent2],
      ['answered', agentIds[thirdAnswered as 'agent1' | 'agent2']],
    ]);
    // The third caller waited while both agents talked (the first call lasted 4 s plus its digits).
    expect(rows[2]!.wait_ms).toBeGreaterThan(3000);
    for (const row of rows) expect(row.talk_ms).toBeGreaterThan(1000);
  }, 90_000);
});
