import { describe, expect, it } from 'vitest';
import type { ConversationDetail } from '../../../shared/domain/conversations.js';
import { conversationTimeline, stepOutcome } from './conversation-timeline.js';

const at = (s: number) => new Date(Date.UTC(2026, 2, 10, 9, 0, s)).toISOString();

const detail: ConversationDetail = {
  id: 'call-1',
  direction: 'inbound',
  lineId: null,
  caller: '01012345678',
  dialled: '0215880000',
  workflowId: 'w',
  versionId: 'v',
  teamId: 't',
  teamName: 'Sales',
  agentId: 'a',
  agentName: 'Mina',
  assigneeId: null,
  assigneeName: null,
  outcome: 'answered',
  startedAt: at(0),
  queuedAt: at(20),
  answeredAt: at(50),
  endedAt: at(170),
  waitMs: 30_000,
  talkMs: 120_000,
  notes: '',
  tags: [{ tag: 'vip', color: '#9ca3af', addedAt: at(170), addedBy: null }],
  workflowName: 'Main line',
  versionNumber: 3,
  endReason: 'connected',
  path: [
    {
      stepId: 'menu',
      stepName: 'Main menu',
      stepKind: 'ivr_buttons',
      enteredAt: at(1),
      leftAt: at(9),
      outcome: 'key:1',
      detail: null,
      error: null,
    },
    {
      stepId: 'booking',
      stepName: 'Booking number',
      stepKind: 'input_form',
      enteredAt: at(9),
      leftAt: at(19),
      outcome: 'next',
      detail: { variable: 'booking', value: '4321' },
      error: null,
    },
    {
      stepId: 'sales',
      stepName: null,
      stepKind: 'assign',
      enteredAt: at(19),
      leftAt: null,
      outcome: null,
      detail: null,
      error: null,
    },
  ],
  inputs: [{ stepId: 'booking', stepName: 'Booking number', variable: 'booking', value: '4321', at: at(19) }],
  voicemails: [],
  callbacks: [],
  transfers: [],
};

describe('conversation timeline', () => {
  it('tells the call in time order: steps, keys, inputs, queue, answer, end, tags', () => {
    const entries = conversationTimeline(detail);
    expect(entries.map((e) => e.kind)).toEqual([
      'started',
      'step',
      'step',
      'input',
      'step',
      'queued',
      'answered',
      'tag',
      'ended',
    ]);
    expect(entries[1]).toMatchObject({
      name: 'Main menu',
      outcome: { kind: 'key', key: '1' },
      durationMs: 8000,
    });
    expect(entries[3]).toMatchObject({ label: 'Booking number', value: '4321' });
    expect(entries[4]).toMatchObject({ stepKind: 'assign', durationMs: null, outcome: null });
    expect(entries[5]).toMatchObject({ teamName: 'Sales', waitMs: 30_000 });
    expect(entries.at(-1)).toMatchObject({ kind: 'ended', talkMs: 120_000 });
  });

  it('says who answered first and each transfer after, a number that is no agent as dialled', () => {
    const transferred: ConversationDetail = {
      ...detail,
      agentName: 'Bob',
      outcome: 'transferred',
      transfers: [
        {
          at: at(90),
          fromAgentId: 'a1',
          fromAgentName: 'Mina',
          toAgentId: 'a2',
          toAgentName: 'Bob',
          target: '202',
          attended: true,
        },
        {
          at: at(120),
          fromAgentId: 'a2',
          fromAgentName: 'Bob',
          toAgentId: null,
          toAgentName: null,
          target: '0215550100',
          attended: false,
        },
      ],
    };
    const entries = conversationTimeline(transferred);
    expect(entries.filter((e) => e.kind === 'answered' || e.kind === 'transferred')).toEqual([
      { kind: 'answered', at: detail.answeredAt, agentName: 'Mina' },
      { kind: 'transferred', at: at(90), from: 'Mina', to: 'Bob', attended: true },
      { kind: 'transferred', at: at(120), from: 'Bob', to: '0215550100', attended: false },
    ]);
  });

  it('puts how a step was left in words it has, and keeps the rest as it came', () => {
    expect(stepOutcome('key:#')).toEqual({ kind: 'key', key: '#' });
    expect(stepOutcome('timeout')).toEqual({ kind: 'timeout' });
    expect(stepOutcome('branch:open')).toEqual({ kind: 'branch' });
    expect(stepOutcome('next')).toBeNull();
    expect(stepOutcome(null)).toBeNull();
    expect(stepOutcome('something-new')).toEqual({ kind: 'other', text: 'something-new' });
  });
});
