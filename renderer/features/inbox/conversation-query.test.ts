import { describe, expect, it } from 'vitest';
import { conversationQuery, NO_FILTERS } from './conversation-query.js';

describe('conversation query', () => {
  it('asks for everything when nothing is filled in', () => {
    expect(conversationQuery(NO_FILTERS, 'Asia/Seoul')).toEqual({});
  });

  it('turns the office’s days into instants, the last day included', () => {
    const query = conversationQuery({ ...NO_FILTERS, from: '2026-03-10', to: '2026-03-10' }, 'Asia/Seoul');
    expect(query).toEqual({ from: '2026-03-09T15:00:00.000Z', to: '2026-03-10T15:00:00.000Z' });
  });

  it('passes every other filter, trimmed, and leaves out the empty ones', () => {
    expect(
      conversationQuery(
        {
          ...NO_FILTERS,
          teamId: 't',
          agentId: 'a',
          tag: 'vip',
          outcome: 'abandoned',
          direction: 'inbound',
          unheardVoicemail: true,
          text: '  0101234 ',
        },
        'UTC',
      ),
    ).toEqual({
      teamId: 't',
      agentId: 'a',
      tag: 'vip',
      outcomes: ['abandoned'],
      direction: 'inbound',
      unheardVoicemail: true,
      text: '0101234',
    });
    expect(conversationQuery({ ...NO_FILTERS, text: '   ' }, 'UTC')).toEqual({});
  });
});
