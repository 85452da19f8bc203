import { describe, expect, it } from 'vitest';
import { mainIvr, mainIvrEdge } from '../main-ivr-fixture.js';
import type { StepAnalytics } from '../../../../shared/domain/workflows.js';
import { analyticsView, edgeWidth, MAX_EDGE_WIDTH, MIN_EDGE_WIDTH } from './analytics-decorations.js';

const definition = mainIvr;
const edgeIndex = mainIvrEdge;
const words = {
  badge: (reached: number, dropped: number) => `${reached}/${dropped}`,
  calls: (calls: number) => `${calls} calls`,
};
const step = (stepId: string, reached: number, droppedHere: number) => ({
  stepId,
  reached,
  droppedHere,
  outcomes: {},
});

const stats: StepAnalytics = {
  calls: 10,
  steps: [
    step('hours', 10, 0),
    step('menu', 8, 3),
    step('sales', 5, 0),
    step('closed', 2, 1),
    step('bye', 2, 0),
  ],
  edges: [
    { source: 'hours', output: 'branch:open', target: 'menu', calls: 8 },
    { source: 'hours', output: 'no_match', target: 'closed', calls: 2 },
    { source: 'menu', output: 'key:1', target: 'sales', calls: 5 },
    { source: 'closed', output: 'next', target: 'bye', calls: 1 },
    // An exit the draft no longer has.
    { source: 'gone', output: 'next', target: 'bye', calls: 4 },
  ],
};

describe('analyticsView', () => {
  it('badges every step with reached and dropped, and the trigger with the calls', () => {
    const { decorations } = analyticsView(stats, definition, words);
    expect(decorations.steps.trigger).toEqual({ badge: '10 calls' });
    expect(decorations.steps.menu).toEqual({ badge: '8/3', tone: 'hot' });
    expect(decorations.steps.sales).toEqual({ badge: '5/0' });
    expect(decorations.steps.support).toEqual({ badge: '0/0' });
  });

  it('draws edges by their share of the calls', () => {
    const { decorations } = analyticsView(stats, definition, words);
    expect(decorations.edges[edgeIndex('trigger', 'start')]).toEqual({ width: MAX_EDGE_WIDTH, label: '10' });
    expect(decorations.edges[edgeIndex('hours', 'branch:open')]).toEqual({ width: 6.6, label: '8' });
    expect(decorations.edges[edgeIndex('menu', 'key:1')]).toEqual({ width: 4.5, label: '5' });
    expect(decorations.edges[edgeIndex('menu', 'key:2')]).toEqual({ width: MIN_EDGE_WIDTH });
    expect(Object.keys(decorations.edges)).toHaveLength(definition.edges.length);
  });

  it('lists the worst drop-offs, most callers lost first', () => {
    const { worst } = analyticsView(stats, definition, words);
    expect(worst).toEqual([
      { stepId: 'menu', reached: 8, dropped: 3, rate: 3 / 8 },
      { stepId: 'closed', reached: 2, dropped: 1, rate: 1 / 2 },
    ]);
  });

  it('draws thin edges and no hot steps when there were no calls', () => {
    const { decorations, worst } = analyticsView({ calls: 0, steps: [], edges: [] }, definition, words);
    expect(worst).toEqual([]);
    expect(Object.values(decorations.edges).every((e) => e.width === MIN_EDGE_WIDTH)).toBe(true);
    expect(Object.values(decorations.steps).some((s) => s.tone)).toBe(false);
  });

  it('keeps widths within bounds', () => {
    expect(edgeWidth(0, 0)).toBe(MIN_EDGE_WIDTH);
    expect(edgeWidth(20, 10)).toBe(MAX_EDGE_WIDTH);
  });
});
