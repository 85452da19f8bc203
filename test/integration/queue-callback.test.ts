import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { findToneBursts, readPcmWav } from '../pbx/tone-analysis.js';
import { conversationRows, setUpTeam } from '../support/office-routing.js';
import { officeWithTestbed } from '../support/office-with-testbed.js';
import { stepEntries } from '../support/step-entries.js';

interface CallbackRow {
  id: string;
  number: string;
  status: string;
  attempts: number;
  lastResult: string | null;
}

const MOBILE = '01012345678';
/** The tone each test bed phone plays into its calls (test/pbx/testbed.ts). */
const TONE_HZ = { agent1: 440, agent2: 660 } as const;

/**
 * The "callback when busy" recipe on a real waiting caller (baresip agent2 dialling the office):
 * it fires at its threshold, takes the number by DTMF and ends the call; an agent (agent1) then
 * returns the call: their phone rings first, then the customer's mobile — which the test bed
 * routes to agent2's phone.
 */
describe('a callback taken in the queue and returned by an agent', () => {
  let agentId: string;
  const office = officeWithTestbed(
    { auth: true, agents: ['agent1', 'agent2'] },
    {
      timeoutMs: 180_000,
      setUp: async ({ api }) => {
        const team = await setUpTeam(api, ['agent1'], { wrapUpSec: 0, announcePosition: false }, async () => {
          const waiting = await api.result<{ id: string; draft: { trigger: Record<string, unknown> } }>(
            'workflows.create',
            { recipe: 'callback_when_busy', language: 'en', triggerKind: 'waiting_in_queue' },
          );
          await api.result('workflows.saveDraft', {
            id: waiting.id,
            definition: {
              ...waiting.draft,
              trigger: { ...waiting.draft.trigger, afterSec: 5, repeatEverySec: null },
            },
          });
          await api.result('workflows.publish', { id: waiting.id }, 60_000);
        });
        agentId = team.agentIds.agent1!;
        // Logged in but away: the caller waits, so the waiting workflow's threshold comes.
        await api.result('presence.set', { agentId, presence: 'away' });
      },
    },
  );

  it('takes the number by DTMF, records the callback, and starting it rings the agent then the number', async () => {
    const { testbed, api, dir } = office;
    const customer = testbed.agent('agent2');
    const agent = testbed.agent('agent1');
    const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
    const entered = (stepId: string) => stepEntries(db, stepId);
    const press = async (keys: string) => {
      for (const key of keys) {
        await customer.command('sndcode', key);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    try {
      await customer.command('dial', testbed.uri('office'));
      await customer.waitForEvent((e) => e.type === 'CALL_ESTABLISHED', 10_000);
      await vi.waitFor(() => expect(entered('offer')).toBe(1), { timeout: 15_000 });
      await press('1');
      await vi.waitFor(() => expect(entered('number')).toBe(1), { timeout: 15_000 });
      // Eleven digits complete the entry; the 1 that follows answers "if this is correct, press
      // 1" after the read-back (keys pressed ahead are kept for the next question).
      await press(`${MOBILE}1`);
      await vi.waitFor(() => expect(entered('bye')).toBe(1), { timeout: 40_000 });
      await customer.waitForEvent((e) => e.type === 'CALL_CLOSED', 20_000);
    } finally {
      db.close();
    }
    const [request] = await api.result<CallbackRow[]>('callbacks.list', {});
    expect(request).toMatchObject({ number: MOBILE, status: 'open', attempts: 0 });
    // The apps heard of it as it was taken, not at their next reload.
    const announced = await api.waitFor((f) => f.t === 'evt' && f.name === 'callbacks.changed');
    expect(announced.payload).toMatchObject({ id: request!.id, status: 'open' });
    await vi.waitFor(() => expect(conversationRows(dir)[0]?.outcome).toBe('callback_requested'));

    const agentSince = agent.events.length;
    const customerSince = customer.events.length;
    const started = await api.result<CallbackRow>('callbacks.start', { id: request!.id, agentId });
    expect(started).toMatchObject({ status: 'in_progress', attempts: 1 });
    const agentUp = await agent.nextEvent(agentSince, 'CALL_ESTABLISHED', 10_000);
    const customerUp = await customer.nextEvent(customerSince, 'CALL_ESTABLISHED', 10_000);
    // The agent's phone was answered before the customer's rang.
    expect(agentUp.receivedAt).toBeLessThanOrEqual(customerUp.receivedAt);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await customer.hangup();
    await agent.nextEvent(agentSince, 'CALL_CLOSED', 10_000);
    await customer.nextEvent(customerSince, 'CALL_CLOSED', 10_000);
    // Audio both ways through the engine's bridge: each phone heard the other's tone.
    const heard = (name: 'agent1' | 'agent2') =>
      readPcmWav(
        testbed
          .recordings(name)
          .filter((file) => file.endsWith('-dec.wav'))
          .at(-1)!,
      );
    expect(findToneBursts(heard('agent1'), TONE_HZ.agent2)).not.toHaveLength(0);
    expect(findToneBursts(heard('agent2'), TONE_HZ.agent1)).not.toHaveLength(0);
    await vi.waitFor(
      async () => {
        const [done] = await api.result<CallbackRow[]>('callbacks.list', {});
        expect(done).toMatchObject({ status: 'done', lastResult: 'talked' });
      },
      { timeout: 5000 },
    );
    const outbound = conversationRows(dir).find((row) => row.direction === 'outbound');
    expect(outbound).toMatchObject({ caller: MOBILE, agent_id: agentId, outcome: 'answered' });
  }, 120_000);
});
