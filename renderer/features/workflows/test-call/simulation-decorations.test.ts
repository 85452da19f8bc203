import { describe, expect, it } from 'vitest';
import { createFromRecipe } from '../../../../shared/workflow/recipes.js';
import { simulationDecorations } from './simulation-decorations.js';

const { definition } = createFromRecipe('ivr_experience', {
  language: 'en',
  timeZone: 'Asia/Seoul',
  officeName: 'Acme',
  teams: [{ id: '8a6e0f7e-7a57-4d2b-9a2c-1f1f1f1f1f1f', name: 'Sales' }],
});
const edgeIndex = (source: string, output: string) =>
  definition.edges.findIndex((e) => e.source === source && e.output === output);

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
