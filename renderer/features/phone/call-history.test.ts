import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../shared/domain/conversations.js';
import {
  appendLocalHistory,
  entryFromCall,
  entryFromConversation,
  loadLocalHistory,
  LOCAL_HISTORY_CAP,
  mergeHistory,
  type FinishedCall,
  type HistoryEntry,
} from './call-history.js';

const T0 = Date.parse('2026-12-03T10:00:00Z');

function finished(patch: Partial<FinishedCall>): FinishedCall {
  return {
    id: 'local-1',
    conversationId: undefined,
    direction: 'outbound',
    number: '01012345678',
    startedAt: T0,
    answeredAt: undefined,
    endedAt: T0 + 20_000,
    declined: false,
    failureStatus: undefined,
    ...patch,
  };
}

function conversation(patch: Partial<ConversationSummary>): ConversationSummary {
  return {
    id: 'c1',
    direction: 'inbound',
    lineId: null,
    caller: '01099998888',
    dialled: '0212345678',
    workflowId: null,
    versionId: null,
    teamId: null,
    teamName: null,
    agentId: 'a1',
    agentName: 'Jiwoo',
    assigneeId: null,
    assigneeName: null,
    outcome: 'answered',
    startedAt: new Date(T0).toISOString(),
    queuedAt: null,
    answeredAt: new Date(T0 + 5000).toISOString(),
    endedAt: new Date(T0 + 65_000).toISOString(),
    waitMs: null,
    talkMs: 60_000,
    notes: '',
    tags: [],
    ...patch,
  };
}

function entry(id: string, startedAt: number, conversationId?: string): HistoryEntry {
  return {
    id,
    ...(conversationId ? { conversationId } : {}),
    direction: 'outbound',
    number: '201',
    startedAt,
    durationMs: null,
    outcome: 'no_answer',
  };
}

function memoryStorage(): { getItem(k: string): string | null; setItem(k: string, v: string): void } {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('entryFromCall', () => {
  it('names the outcome of each way a call on this phone ends', () => {
    expect(entryFromCall(finished({ answeredAt: T0 + 4000 }))).toMatchObject({
      outcome: 'answered',
      durationMs: 16_000,
    });
    expect(entryFromCall(finished({ direction: 'inbound' })).outcome).toBe('missed');
    expect(entryFromCall(finished({ direction: 'inbound', declined: true })).outcome).toBe('declined');
    expect(entryFromCall(finished({ failureStatus: 486 })).outcome).toBe('busy');
    expect(entryFromCall(finished({ failureStatus: 603 })).outcome).toBe('declined');
    expect(entryFromCall(finished({ failureStatus: 487 })).outcome).toBe('no_answer');
    expect(entryFromCall(finished({})).outcome).toBe('no_answer');
    expect(entryFromCall(finished({ failureStatus: 404 }))).toMatchObject({
      outcome: 'failed',
      durationMs: null,
    });
  });
});

describe('entryFromConversation', () => {
  it('takes the caller of routed calls and the number called of callbacks, and skips calls still going', () => {
    expect(entryFromConversation(conversation({}))).toEqual({
      id: 'c1',
      conversationId: 'c1',
      direction: 'inbound',
      number: '01099998888',
      startedAt: T0,
      durationMs: 60_000,
      outcome: 'answered',
    });
    const callback = conversation({ direction: 'outbound', caller: '01055556666', dialled: '01055556666' });
    expect(entryFromConversation(callback)?.number).toBe('01055556666');
    expect(
      entryFromConversation(conversation({ direction: 'outbound', answeredAt: null, outcome: 'unanswered' })),
    ).toMatchObject({ outcome: 'no_answer', durationMs: null });
    expect(entryFromConversation(conversation({ outcome: 'in_progress' }))).toBeUndefined();
  });
});

describe('mergeHistory', () => {
  it('orders newest first, shows a call seen by both once (as this phone saw it) and caps the list', () => {
    const local = [entry('l2', T0 + 3000), entry('l1', T0 + 1000, 'c1')];
    const engine = [entry('c1', T0 + 1000, 'c1'), entry('c0', T0), entry('c3', T0 + 4000, 'c3')];
    expect(mergeHistory(local, engine, 10).map((e) => e.id)).toEqual(['c3', 'l2', 'l1', 'c0']);
    expect(mergeHistory(local, engine, 2).map((e) => e.id)).toEqual(['c3', 'l2']);
  });
});

describe('local history', () => {
  it('is kept per agent, newest first, capped, and survives garbage', () => {
    const storage = memoryStorage();
    for (let n = 0; n < LOCAL_HISTORY_CAP + 5; n++) appendLocalHistory(storage, 'a1', entry(`l${n}`, T0 + n));
    const kept = loadLocalHistory(storage, 'a1');
    expect(kept).toHaveLength(LOCAL_HISTORY_CAP);
    expect(kept[0]?.id).toBe(`l${LOCAL_HISTORY_CAP + 4}`);
    expect(kept.at(-1)?.id).toBe('l5');
    expect(loadLocalHistory(storage, 'a2')).toEqual([]);

    storage.setItem('switchboard.phone.history.a1', JSON.stringify([{ id: 'x' }, entry('ok', T0)]));
    expect(loadLocalHistory(storage, 'a1').map((e) => e.id)).toEqual(['ok']);
    storage.setItem('switchboard.phone.history.a1', '{not json');
    expect(loadLocalHistory(storage, 'a1')).toEqual([]);
    expect(loadLocalHistory(undefined, 'a1')).toEqual([]);
  });
});
