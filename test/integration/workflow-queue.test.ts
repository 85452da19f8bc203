import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { officeWithTestbed } from '../support/office-with-testbed.js';
import { stepEntries } from '../support/step-entries.js';
import type { RawApiClient } from '../support/ws-client.js';

const say = (text: string) => ({ kind: 'tts', text, language: 'en' });
const edges = (list: [string, string, string][]) =>
  list.map(([source, output, target]) => ({ source, output, target }));

/**
 * The Sales team with no agents, a front desk that puts callers who press 1 in its queue, and a
 * waiting workflow that thanks them at 5 s and every 10 s after.
 */
async function publishWorkflows(api: RawApiClient): Promise<void> {
  // No agents at all: the team keeps callers waiting rather than overflowing at once.
  const team = await api.result<{ id: string }>('teams.save', {
    name: 'Sales',
    routing: { overflowWhenNobodyLoggedIn: false, announcePosition: false },
  });
  const front = await api.result<{ id: string }>('workflows.create', { name: 'Front desk' });
  await api.result('workflows.saveDraft', {
    id: front.id,
    definition: {
      trigger: { kind: 'customer_called' },
      steps: [
        {
          kind: 'ivr_buttons',
          id: 'menu',
          name: 'Menu',
          prompt: say('For sales, press 1.'),
          buttons: [{ key: '1' }],
        },
        { kind: 'assign', id: 'sales', name: 'Sales', target: { kind: 'team', teamId: team.id } },
      ],
      edges: edges([
        ['trigger', 'start', 'menu'],
        ['menu', 'key:1', 'sales'],
      ]),
    },
  });
  const waiting = await api.result<{ id: string }>('workflows.create', {
    name: 'While waiting',
    triggerKind: 'waiting_in_queue',
  });
  await api.result('workflows.saveDraft', {
    id: waiting.id,
    definition: {
      trigger: { kind: 'waiting_in_queue', afterSec: 5, repeatEverySec: 10 },
      steps: [{ kind: 'voice_message', id: 'thanks', name: 'Thanks', prompt: say('Thank you for waiting.') }],
      edges: edges([['trigger', 'start', 'thanks']]),
    },
  });
  for (const id of [front.id, waiting.id]) await api.result('workflows.publish', { id }, 60_000);
}

/**
 * A real caller assigned to a team waits in the queue (no agents yet), and the "call waiting in
 * queue" workflow runs on that same call at its threshold and again at its repeat, handing the
 * caller back to the hold audio each time, until the caller hangs up.
 */
describe('a caller waiting in a team’s queue', () => {
  const office = officeWithTestbed(
    { auth: true, agents: ['agent2'] },
    { timeoutMs: 120_000, setUp: ({ api }) => publishWorkflows(api) },
  );

  it('runs the waiting workflow at 5 s and again at 15 s on the waiting call', async () => {
    const { testbed, dir } = office;
    const caller = testbed.agent('agent2');
    await caller.command('dial', testbed.uri('office'));
    await caller.waitForEvent((e) => e.type === 'CALL_ESTABLISHED', 10_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await caller.command('sndcode', '1');
    const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
    const entered = (stepId: string) => stepEntries(db, stepId);
    await vi.waitFor(() => expect(entered('sales')).toBe(1), { timeout: 10_000 });
    await vi.waitFor(() => expect(entered('thanks')).toBe(1), { timeout: 10_000 });
    await vi.waitFor(() => expect(entered('thanks')).toBe(2), { timeout: 15_000 });
    await caller.command('hangup');
    await caller.waitForEvent((e) => e.type === 'CALL_CLOSED', 5000);
    const calls = db.prepare('select distinct call_id from call_events').all();
    expect(calls).toHaveLength(1);
    await vi.waitFor(() => {
      const last = db
        .prepare("select outcome from call_events where kind = 'call_ended' order by id desc limit 1")
        .get() as { outcome: string } | undefined;
      expect(last?.outcome).toBe('caller-hung-up');
    });
    db.close();
  }, 60_000);
});
