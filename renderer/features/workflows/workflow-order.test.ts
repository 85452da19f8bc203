import { describe, expect, it } from 'vitest';
import type { WorkflowSummary } from '../../../shared/domain/workflows.js';
import { defaultWorkflowId, indexForGap, moved } from './workflow-order.js';

describe('the workflow list order', () => {
  it('moves one item to an index, keeping the others in order', () => {
    expect(moved(['a', 'b', 'c', 'd'], 2, 0)).toEqual(['c', 'a', 'b', 'd']);
    expect(moved(['a', 'b', 'c', 'd'], 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'b', 'c']);
  });

  it('turns a drop gap into the index the item lands on', () => {
    // Dragging the third of four (index 2): above the first, just around itself, below the last.
    expect([0, 1, 2, 3, 4].map((gap) => indexForGap(2, gap))).toEqual([0, 1, 2, 2, 3]);
  });

  it('names the topmost published "customer called" workflow the default', () => {
    const workflow = (
      id: string,
      triggerKind: WorkflowSummary['triggerKind'],
      liveVersion: number | null,
    ): WorkflowSummary => ({
      id,
      name: id,
      triggerKind,
      priority: 0,
      liveVersion,
      hasUnpublishedChanges: false,
      numbers: [],
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(
      defaultWorkflowId([
        workflow('queue', 'waiting_in_queue', 1),
        workflow('draft', 'customer_called', null),
        workflow('main', 'customer_called', 2),
        workflow('night', 'customer_called', 1),
      ]),
    ).toBe('main');
    expect(defaultWorkflowId([workflow('draft', 'customer_called', null)])).toBeUndefined();
  });
});
