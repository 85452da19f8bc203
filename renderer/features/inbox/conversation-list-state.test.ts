import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../shared/domain/conversations.js';
import { conversationFixture } from './conversation-fixture.js';
import { applyConversationChange, matchesQuery } from './conversation-list-state.js';

const call = (id: string, minute: number, extra: Partial<ConversationSummary> = {}): ConversationSummary =>
  conversationFixture({ id, startedAt: new Date(Date.UTC(2026, 2, 10, 9, minute)).toISOString(), ...extra });
const vip = { tag: 'vip', color: '#9ca3af', addedAt: '2026-03-10T09:00:00.000Z', addedBy: null };

describe('conversation list', () => {
  it('judges a call by each filter as the engine does', () => {
    const c = call('a', 5, { notes: 'Gate CODE', outcome: 'abandoned', tags: [vip] });
    expect(matchesQuery(c, {})).toBe(true);
    expect(matchesQuery(c, { text: 'gate code', tag: 'vip', outcomes: ['abandoned', 'voicemail'] })).toBe(
      true,
    );
    expect(matchesQuery(c, { text: '5678' })).toBe(true);
    expect(matchesQuery(c, { outcomes: ['answered'] })).toBe(false);
    expect(matchesQuery(c, { tag: 'late' })).toBe(false);
    expect(matchesQuery(c, { from: call('x', 6).startedAt })).toBe(false);
    expect(matchesQuery(c, { to: c.startedAt })).toBe(false);
    expect(matchesQuery(c, { direction: 'outbound' })).toBe(false);
  });

  const list = [call('c', 30), call('b', 20), call('a', 10)];

  it('replaces a changed call in place, and drops one that no longer matches', () => {
    const noted = call('b', 20, { notes: 'called back', tags: [vip] });
    expect(applyConversationChange(list, noted, {}, false)).toEqual([list[0], noted, list[2]]);
    expect(applyConversationChange(list, call('b', 20), { tag: 'vip' }, false).map((c) => c.id)).toEqual([
      'c',
      'a',
    ]);
  });

  it('puts a newly matching call in its place, unless it sorts past a page still to load', () => {
    const tagged = call('n', 15, { tags: [vip] });
    expect(applyConversationChange(list, tagged, { tag: 'vip' }, false).map((c) => c.id)).toEqual([
      'c',
      'b',
      'n',
      'a',
    ]);
    const older = call('o', 5);
    expect(applyConversationChange(list, older, {}, false)).toBe(list);
    expect(applyConversationChange(list, older, {}, true).map((c) => c.id)).toEqual(['c', 'b', 'a', 'o']);
    expect(applyConversationChange(list, call('z', 40), { tag: 'vip' }, true)).toBe(list);
  });

  it('keeps rows under the unread-voicemail filter, which a summary cannot judge', () => {
    const heard = call('b', 20, { notes: 'x' });
    expect(applyConversationChange(list, heard, { unheardVoicemail: true }, true)[1]).toBe(heard);
    expect(applyConversationChange(list, call('z', 40), { unheardVoicemail: true }, true)).toBe(list);
  });
});
