import { describe, expect, it } from 'vitest';
import type { ConversationListParams } from '../../../shared/domain/conversations.js';
import { CallbackList } from './callback-list.js';
import { ConversationLog } from './conversation-log.js';
import { inboxTestDb } from '../../../test/support/inbox-test-db.js';
import { WorkflowRepository } from './workflow-repository.js';

const outcomes = ['answered', 'abandoned', 'voicemail', 'ended_by_ivr'] as const;

/** 120 calls a minute apart, with teams, agents, outcomes, tags and notes in a known pattern. */
function seeded() {
  const t = inboxTestDb();
  const teams = [t.team('Sales'), t.team('Support')];
  const agents = [t.agent('Mina', '201'), t.agent('Joon', '202')];
  const calls = Array.from({ length: 120 }, (_, n) => {
    const row = {
      id: `call-${String(n).padStart(3, '0')}`,
      startedAt: new Date(Date.UTC(2026, 2, 10, 0, n)).toISOString(),
      // Every 10th pair shares a start time: the cursor's id must break the tie.
      ...(n % 10 === 1 ? { startedAt: new Date(Date.UTC(2026, 2, 10, 0, n - 1)).toISOString() } : {}),
      caller: `0101234${String(n).padStart(4, '0')}`,
      teamId: teams[n % 2]!,
      agentId: n % 3 === 0 ? agents[n % 2]! : null,
      outcome: outcomes[n % 4]!,
      direction: n % 7 === 0 ? ('outbound' as const) : ('inbound' as const),
      notes: n % 5 === 0 ? `Asked about 예약 number ${n}` : '',
    };
    t.conversation(row);
    if (n % 4 === 0) t.records.tags.add(row.id, ['vip'], null);
    if (n === 77) t.records.tags.add(row.id, ['rare'], 'someone');
    return row;
  });
  /** What a filter must return, computed the slow way. */
  const expected = (p: Partial<ConversationListParams>) =>
    calls
      .filter(
        (c) =>
          (p.teamId === undefined || c.teamId === p.teamId) &&
          (p.agentId === undefined || c.agentId === p.agentId) &&
          (p.outcomes === undefined || (p.outcomes as string[]).includes(c.outcome)) &&
          (p.direction === undefined || c.direction === p.direction) &&
          (p.from === undefined || c.startedAt >= p.from) &&
          (p.to === undefined || c.startedAt < p.to) &&
          (p.tag === undefined ||
            (p.tag === 'vip' ? Number(c.id.slice(5)) % 4 === 0 : c.id === 'call-077')) &&
          (p.text === undefined ||
            c.caller.includes(p.text) ||
            c.notes.toLowerCase().includes(p.text.toLowerCase())),
      )
      .sort((a, b) =>
        a.startedAt === b.startedAt ? (a.id < b.id ? 1 : -1) : a.startedAt < b.startedAt ? 1 : -1,
      )
      .map((c) => c.id);
  /** Every page of a filter, following the cursor. */
  const all = (p: Partial<ConversationListParams>, limit: number): string[] => {
    const ids: string[] = [];
    let after: ConversationListParams['after'];
    for (;;) {
      const page = t.inbox.list({ limit, ...p, ...(after ? { after } : {}) });
      ids.push(...page.items.map((i) => i.id));
      if (!page.next) return ids;
      after = page.next;
    }
  };
  return { t, teams, agents, expected, all };
}

describe('conversation inbox', () => {
  it('lists newest first in keyset pages, under every filter and every query plan', () => {
    const { t, teams, agents, expected, all } = seeded();
    const filters: Partial<ConversationListParams>[] = [
      {},
      { teamId: teams[1]! },
      { agentId: agents[0]! },
      { outcomes: ['voicemail'] },
      { outcomes: ['abandoned', 'voicemail'], teamId: teams[1]! },
      { direction: 'outbound' },
      { from: '2026-03-10T00:30:00.000Z', to: '2026-03-10T01:00:00.000Z' },
      { tag: 'vip' }, // walked in time order
      { tag: 'rare' }, // read from the tag's index
      { tag: 'vip', outcomes: ['answered', 'voicemail'] },
      { text: '12' }, // under 3 characters: LIKE
      { text: '0042' }, // rare: the trigram index
      { text: '1234' }, // common: found by the time-ordered probe
      { text: '예약 NUMBER 1' }, // notes, any case
      { text: '50%_' }, // LIKE's wildcards are literal
    ];
    for (const filter of filters) {
      for (const limit of [7, 200])
        expect(all(filter, limit), JSON.stringify(filter)).toEqual(expected(filter));
    }
    t.done();
  });

  it('gives each item its tags and the names of its team, agent and assignee', () => {
    const { t, agents } = seeded();
    t.inbox.assign('call-077', agents[1]!);
    const [item] = t.inbox.list({ limit: 1, tag: 'rare' }).items;
    expect(item).toMatchObject({
      id: 'call-077',
      teamName: 'Support',
      agentName: null,
      assigneeId: agents[1],
      assigneeName: 'Joon',
      tags: [{ tag: 'rare', addedBy: 'someone' }],
    });
    expect(t.inbox.list({ limit: 1, agentId: agents[0]! }).items[0]?.agentName).toBe('Mina');
    t.done();
  });

  it('finds the calls with a message not heard yet, and forgets one once it is heard', () => {
    const { t } = seeded();
    const leave = (callId: string) =>
      t.records.voicemail.save({
        callId,
        caller: '010',
        file: `${t.dir.path}/${callId}.wav`,
        durationMs: 1000,
        teamId: null,
      });
    const first = leave('call-002');
    leave('call-010');
    leave('call-010');
    expect(t.inbox.list({ limit: 10, unheardVoicemail: true }).items.map((i) => i.id)).toEqual([
      'call-010',
      'call-002',
    ]);
    t.records.voicemail.markHeard(first.id, true);
    expect(
      t.inbox
        .list({ limit: 10, unheardVoicemail: true, outcomes: ['voicemail', 'answered'] })
        .items.map((i) => i.id),
    ).toEqual(['call-010']);
    t.done();
  });

  it('finds a call by its new notes at once (the search index follows edits)', () => {
    const { t } = seeded();
    expect(t.inbox.list({ limit: 10, text: 'gate code' }).items).toEqual([]);
    t.inbox.setNotes('call-003', 'Wants the GATE CODE changed');
    expect(t.inbox.list({ limit: 10, text: 'gate code' }).items.map((i) => i.id)).toEqual(['call-003']);
    expect(t.inbox.setNotes('nope', 'x')).toBeUndefined();
    t.done();
  });

  it('shows one call with its path, step names, form inputs, tags, voicemail and callbacks', () => {
    const t = inboxTestDb();
    const workflows = new WorkflowRepository(t.db);
    const workflow = workflows.create('Main line', {
      trigger: { kind: 'customer_called' },
      steps: [
        {
          kind: 'input_form',
          id: 'booking',
          name: 'Booking number',
          prompt: { kind: 'tts', text: 'x', language: 'ko' },
          variable: 'booking',
          minDigits: 4,
          maxDigits: 8,
        },
      ],
      edges: [],
    });
    const version = workflows.publish(workflow.id, { note: '', author: 'test' });
    t.conversation({
      id: 'c1',
      startedAt: '2026-03-10T00:00:00.000Z',
      workflowId: workflow.id,
      versionId: version.id,
      outcome: 'voicemail',
    });
    const at = (s: number) => new Date(Date.UTC(2026, 2, 10, 0, 0, s));
    const base = { callId: 'c1', workflowId: workflow.id, versionId: version.id };
    t.events.append({ ...base, stepId: null, kind: 'call_started', at: at(0) });
    t.events.append({ ...base, stepId: 'booking', kind: 'entered', at: at(1) });
    t.events.append({
      ...base,
      stepId: 'booking',
      kind: 'left',
      outcome: 'next',
      detail: { variable: 'booking', value: '0101234' },
      at: at(9),
    });
    t.events.append({ ...base, stepId: 'vm', kind: 'entered', at: at(10) });
    t.events.append({
      ...base,
      stepId: 'vm',
      kind: 'error',
      outcome: 'error',
      detail: { message: 'disk full' },
      at: at(11),
    });
    t.events.append({ ...base, stepId: null, kind: 'call_ended', outcome: 'caller-hung-up', at: at(12) });
    t.records.addTags('c1', ['vip']);
    t.records.saveVoicemail({
      callId: 'c1',
      caller: '010',
      file: `${t.dir.path}/v.wav`,
      durationMs: 3000,
      teamId: null,
    });
    new CallbackList(t.db).request({ callId: 'c1', number: '01099998888', teamId: null, reason: 'asked' });

    const detail = t.inbox.detail('c1');
    expect(detail).toMatchObject({
      workflowName: 'Main line',
      versionNumber: 1,
      endReason: 'caller-hung-up',
      path: [
        {
          stepId: 'booking',
          stepName: 'Booking number',
          stepKind: 'input_form',
          enteredAt: at(1).toISOString(),
          leftAt: at(9).toISOString(),
          outcome: 'next',
          error: null,
        },
        { stepId: 'vm', stepName: null, leftAt: null, outcome: null, error: 'disk full' },
      ],
      inputs: [
        {
          stepId: 'booking',
          stepName: 'Booking number',
          variable: 'booking',
          value: '0101234',
          at: at(9).toISOString(),
        },
      ],
      tags: [{ tag: 'vip', addedBy: null }],
      voicemails: [{ callId: 'c1', durationMs: 3000 }],
      callbacks: [{ callId: 'c1', number: '01099998888', status: 'open' }],
    });
    expect(t.inbox.detail('nope')).toBeUndefined();
    t.done();
  });

  it('lists an agent’s transfers with both agents’ names, a number that is no agent by itself', () => {
    const t = inboxTestDb();
    const ann = t.agent('Ann', '201');
    const bob = t.agent('Bob', '202');
    t.conversation({ id: 'c1', startedAt: '2026-03-10T00:00:00.000Z', agentId: ann });
    const log = new ConversationLog(t.db);
    log.transferred('c1', {
      at: '2026-03-10T00:01:00.000Z',
      fromAgentId: ann,
      toAgentId: bob,
      target: '202',
      attended: true,
    });
    log.transferred('c1', {
      at: '2026-03-10T00:02:00.000Z',
      fromAgentId: bob,
      toAgentId: null,
      target: '0215550100',
      attended: false,
    });
    expect(t.inbox.detail('c1')).toMatchObject({
      agentName: 'Bob',
      transfers: [
        { fromAgentName: 'Ann', toAgentName: 'Bob', target: '202', attended: true },
        { fromAgentName: 'Bob', toAgentId: null, toAgentName: null, target: '0215550100', attended: false },
      ],
    });
    t.done();
  });
});
