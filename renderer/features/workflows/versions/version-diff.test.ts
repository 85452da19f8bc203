import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../../../shared/workflow/calendar.js';
import { diffWorkflows } from '../../../../shared/workflow/diff.js';
import { workflowDefinitionSchema, type WorkflowDefinition } from '../../../../shared/workflow/workflow.js';
import { calendarChanges, diffDecorations } from './version-diff.js';

const badges = { added: 'new', changed: 'changed', removed: 'gone' };

const v1 = workflowDefinitionSchema.parse({
  trigger: { kind: 'customer_called' },
  steps: [
    {
      kind: 'ivr_buttons',
      id: 'menu',
      name: 'Menu',
      prompt: { kind: 'tts', text: 'Press 1', language: 'en' },
      buttons: [{ key: '1' }, { key: '2' }],
    },
    { kind: 'end_call', id: 'bye', name: 'Bye' },
    { kind: 'voice_message', id: 'old', name: 'Old', prompt: { kind: 'tts', text: 'Hi', language: 'en' } },
  ],
  edges: [
    { source: 'trigger', output: 'start', target: 'menu' },
    { source: 'menu', output: 'key:1', target: 'bye' },
    { source: 'menu', output: 'key:2', target: 'old' },
  ],
});

/** v1 with the menu reworded, "old" replaced by "hours", and key 2 leading there. */
const v2 = workflowDefinitionSchema.parse({
  trigger: { kind: 'customer_called', inputTimeoutSec: 20 },
  steps: [
    { ...v1.steps[0], prompt: { kind: 'tts', text: 'Press 1 or 2', language: 'en' } },
    v1.steps[1],
    { kind: 'end_call', id: 'hours', name: 'Hours', position: { x: 0, y: 300 } },
  ],
  edges: [
    { source: 'trigger', output: 'start', target: 'menu' },
    { source: 'menu', output: 'key:1', target: 'bye' },
    { source: 'menu', output: 'key:2', target: 'hours' },
  ],
});

describe('the diff drawn on the canvas', () => {
  it('marks added and changed steps, the new edge and the trigger on the newer definition', () => {
    const marks = diffDecorations(diffWorkflows(v1, v2), v2, badges);
    expect(marks.steps).toEqual({
      menu: { tone: 'changed', badge: 'changed' },
      hours: { tone: 'added', badge: 'new' },
      trigger: { tone: 'changed', badge: 'changed' },
    });
    expect(marks.edges).toEqual({ 2: { tone: 'added' } });
  });

  it('leaves a removed step to the list when the canvas no longer has it', () => {
    const marks = diffDecorations(diffWorkflows(v1, v2), v2, badges);
    expect(marks.steps.old).toBeUndefined();
  });

  it('marks what an older version lacks as removed when comparing towards it', () => {
    const marks = diffDecorations(diffWorkflows(v2, v1), v2, badges);
    expect(marks.steps.hours).toEqual({ tone: 'removed', badge: 'gone' });
    expect(marks.steps.menu?.tone).toBe('changed');
    expect(marks.edges).toEqual({ 2: { tone: 'removed' } });
  });

  it('marks only as many copies of an edge as were added', () => {
    const twice: WorkflowDefinition = { ...v1, edges: [...v1.edges, v1.edges[1]!] };
    const marks = diffDecorations(diffWorkflows(v1, twice), twice, badges);
    expect(marks.edges).toEqual({ 3: { tone: 'added' } });
  });

  it('draws nothing for identical definitions, where moving a step is no change', () => {
    const moved: WorkflowDefinition = {
      ...v1,
      steps: v1.steps.map((s) => ({ ...s, position: { x: 1, y: 2 } })),
    };
    const diff = diffWorkflows(v1, moved);
    expect(diffDecorations(diff, moved, badges)).toEqual({ steps: {}, edges: {} });
  });
});

describe('calendar changes', () => {
  const office: Calendar = {
    id: 'office',
    name: 'Office hours',
    timeZone: 'Asia/Seoul',
    weekly: [{ day: 1, open: '09:00', close: '18:00' }],
    holidays: [],
    exceptions: [],
  };

  it('names calendars added, removed and edited, ignoring key order', () => {
    const reordered = Object.fromEntries(Object.entries(office).reverse()) as Calendar;
    const holiday: Calendar = { ...office, id: 'h', name: 'Holidays' };
    expect(calendarChanges([office], [reordered])).toEqual({ added: [], removed: [], changed: [] });
    expect(
      calendarChanges(
        [office, holiday],
        [
          { ...office, weekly: [] },
          { ...office, id: 'x', name: 'Late' },
        ],
      ),
    ).toEqual({ added: ['Late'], removed: ['Holidays'], changed: ['Office hours'] });
  });
});
