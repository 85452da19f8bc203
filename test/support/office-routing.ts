import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AgentName, Testbed } from '../pbx/testbed.js';
import { runSipp, SCENARIOS, type SippResult } from '../pbx/sipp.js';
import type { RawApiClient } from './ws-client.js';

export interface ConversationRow {
  id: string;
  agent_id: string | null;
  outcome: string;
  wait_ms: number | null;
  talk_ms: number | null;
  team_id: string | null;
  direction: string;
  caller: string;
}

/**
 * Agents for the test bed's baresip phones (extension = their SIP user) in one team with the
 * given queue settings, and a published workflow that puts every caller in that team's queue.
 */
export async function setUpTeam(
  api: RawApiClient,
  names: readonly AgentName[],
  routing: Record<string, unknown>,
  extraWorkflows: (teamId: string) => Promise<void> = async () => undefined,
): Promise<{ teamId: string; agentIds: Record<string, string> }> {
  const agentIds: Record<string, string> = {};
  for (const name of names) {
    agentIds[name] = (await api.result<{ id: string }>('agents.save', { name, extension: name })).id;
  }
  const team = await api.result<{ id: string }>('teams.save', {
    name: 'Sales',
    memberIds: Object.values(agentIds),
    routing,
  });
  await publishToTeam(api, team.id, 6);
  await extraWorkflows(team.id);
  return { teamId: team.id, agentIds };
}

/** Publishes a workflow that puts every caller in the team's queue, ringing agents `ringTimeoutSec`. */
export async function publishToTeam(
  api: RawApiClient,
  teamId: string,
  ringTimeoutSec: number,
): Promise<void> {
  const front = await api.result<{ id: string }>('workflows.create', { name: 'To the team' });
  await api.result('workflows.saveDraft', {
    id: front.id,
    definition: {
      trigger: { kind: 'customer_called' },
      steps: [
        {
          kind: 'assign',
          id: 'team',
          name: 'Team',
          target: { kind: 'team', teamId },
          ringTimeoutSec,
        },
      ],
      edges: [{ source: 'trigger', output: 'start', target: 'team' }],
    },
  });
  await api.result('workflows.publish', { id: front.id }, 60_000);
}

/** caller1 calls the office through SIPp; `n` keeps concurrent callers' media ports apart. */
export function sippCaller(testbed: Testbed, n: number, onLineMs: number): Promise<SippResult> {
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

/** The engine's conversation rows, oldest first, read from its SQLite file. */
export function conversationRows(dataDir: string): ConversationRow[] {
  const db = new Database(join(dataDir, 'switchboard.db'), { readonly: true });
  try {
    return db.prepare('select * from conversations order by started_at').all() as ConversationRow[];
  } finally {
    db.close();
  }
}
