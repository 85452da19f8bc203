import { describe, expect, it } from 'vitest';
import type { ConversationDetail, ConversationSummary } from '../../../shared/domain/conversations.js';
import { conversationFixture } from '../inbox/conversation-fixture.js';
import { screenPop } from './screen-pop.js';

const summary = (id: string, caller: string): ConversationSummary =>
  conversationFixture({
    id,
    caller,
    dialled: '0212345678',
    teamName: 'Sales',
    startedAt: '2026-12-01T01:00:00.000Z',
  });

describe('screenPop', () => {
  it('shows the keys pressed, the form inputs, the tags, the wait so far and earlier calls', () => {
    const detail: ConversationDetail = {
      ...summary('now', '01012345678'),
      outcome: 'in_progress',
      queuedAt: '2026-12-03T10:00:00.000Z',
      tags: [{ tag: 'vip', color: 'red', addedAt: '2026-12-03T10:00:00.000Z', addedBy: null }],
      workflowName: 'Main',
      versionNumber: 1,
      endReason: null,
      path: [
        {
          stepId: 'm',
          stepName: 'Main menu',
          stepKind: 'menu',
          enteredAt: '2026-12-03T09:59:50.000Z',
          leftAt: null,
          outcome: 'key:1',
          detail: null,
          error: null,
        },
        {
          stepId: 'f',
          stepName: null,
          stepKind: 'input',
          enteredAt: '2026-12-03T09:59:55.000Z',
          leftAt: null,
          outcome: 'done',
          detail: null,
          error: null,
        },
      ],
      inputs: [
        {
          stepId: 'f',
          stepName: 'Booking number',
          variable: 'booking',
          value: '4321',
          at: '2026-12-03T09:59:58.000Z',
        },
      ],
      voicemails: [],
      callbacks: [],
      transfers: [],
    };
    const pop = screenPop(detail, [
      summary('now', '01012345678'),
      summary('old', '01012345678'),
      summary('x', '0299'),
    ]);
    expect(pop.path).toEqual([{ name: 'Main menu', key: '1' }, { name: 'input' }]);
    expect(pop.inputs).toEqual([{ label: 'Booking number', value: '4321' }]);
    expect(pop.tags).toEqual(['vip']);
    expect(pop.queuedAt).toBe(Date.parse('2026-12-03T10:00:00.000Z'));
    expect(pop.earlier.map((c) => c.id)).toEqual(['old']);
  });
});
