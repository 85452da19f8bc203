import { describe, expect, it } from 'vitest';
import { mainIvr, mainIvrEdge } from '../main-ivr-fixture.js';
import { simulationDecorations } from './simulation-decorations.js';

const definition = mainIvr;
const edgeIndex = mainIvrEdge;

describe('simulationDecorations', () => {
  it('draws nothing before the call has entered a step', () => {
    expect(simulationDecorations({ stepId: null, path: [], result: null }, definition)).toEqual({
      steps: {},
      edges: {},
    });
  });

  it('marks the current step and the path that led to it', () => {
    const drawn = simulationDecorations(
      { stepId: 'menu', path: ['hours', 'menu'], result: null },
      definition,
    );
    expect(drawn.steps).toEqual({
      trigger: { tone: 'visited' },
      hours: { tone: 'visited' },
      menu: { tone: 'current' },
    });
    expect(drawn.edges).toEqual({
      [edgeIndex('trigger', 'start')]: { tone: 'visited' },
      [edgeIndex('hours', 'branch:open')]: { tone: 'visited' },
    });
  });

  it('leaves no current step once the call has ended, and marks both exits to the same step', () => {
    const drawn = simulationDecorations(
      { stepId: 'bye', path: ['hours', 'menu', 'bye'], result: { kind: 'ended-by-workflow' } },
      definition,
    );
    expect(Object.values(drawn.steps).every((s) => s.tone === 'visited')).toBe(true);
    expect(drawn.steps.bye).toEqual({ tone: 'visited' });
    expect(Object.keys(drawn.edges).map(Number).sort()).toEqual(
      [
        edgeIndex('trigger', 'start'),
        edgeIndex('hours', 'branch:open'),
        edgeIndex('menu', 'invalid'),
        edgeIndex('menu', 'timeout'),
      ].sort(),
    );
  });

  it('ignores steps the draft no longer has', () => {
    const drawn = simulationDecorations(
      { stepId: 'gone', path: ['hours', 'gone'], result: null },
      definition,
    );
    expect(drawn.steps).toEqual({ trigger: { tone: 'visited' }, hours: { tone: 'visited' } });
  });
});
