import type { ConversationSummary } from '../../../shared/domain/conversations.js';

/**
 * For tests: an answered inbound call as conversations.list returns it, nothing else known;
 * `extra` sets what a test is about.
 */
export function conversationFixture(extra: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id: 'call-1',
    direction: 'inbound',
    lineId: null,
    caller: '01012345678',
    dialled: '0215880000',
    workflowId: null,
    versionId: null,
    teamId: null,
    teamName: null,
    agentId: null,
    agentName: null,
    assigneeId: null,
    assigneeName: null,
    outcome: 'answered',
    startedAt: '2026-03-10T09:00:00.000Z',
    queuedAt: null,
    answeredAt: null,
    endedAt: null,
    waitMs: null,
    talkMs: null,
    notes: '',
    tags: [],
    ...extra,
  };
}
