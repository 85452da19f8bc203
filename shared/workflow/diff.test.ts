import { describe, expect, it } from 'vitest';
import { diffWorkflows } from './diff.js';
import { createFromRecipe } from './recipes.js';
import { workflowDefinitionSchema, type WorkflowDefinition } from './workflow.js';

const say = (text: string) => ({ kind: 'tts' as const, text, language: 'en' as const });

function version(): WorkflowDefinition {
  return createFromRecipe('ivr_experience', {
    language: 'en',
    timeZone: 'Asia/Seoul',
    officeName: 'Hana Dental',
    teams: [
      { id: 'sales', name: 'Sales' },
      { id: 'support', name: 'Support' },
    ],
  }).definition;
}

/** A changed copy: versions are separate snapshots, never shared objects. */
function edited(change: (definition: WorkflowDefinition) => void): WorkflowDefinition {
  const copy = workflowDefinitionSchema.parse(structuredClone(version()));
  change(copy);
  return copy;
}

function step(definition: WorkflowDefinition, id: string) {
  const found = definition.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

const nothing = {
  steps: { added: [], removed: [], changed: [] },
  edges: { added: [], removed: [] },
  prompts: [],
  trigger: { changed: false, fields: [] },
};

describe('diffWorkflows', () => {
  it('finds nothing between a version and its copy', () => {
    const copy = edited(() => {});
    expect(diffWorkflows(version(), copy)).toEqual(nothing);
  });

  it('ignores steps moved on the canvas, and the order of steps, edges and keys', () => {
    const moved = edited((d) => {
      for (const s of d.steps) s.position = { x: (s.position?.x ?? 0) + 40, y: 7 };
      d.steps.reverse();
      d.edges.reverse();
      d.trigger = { ...Object.fromEntries(Object.entries(d.trigger).reverse()) } as typeof d.trigger;
    });
    expect(diffWorkflows(version(), moved)).toEqual(nothing);
  });

  it('lists added and removed steps and edges, and the prompts that came and went', () => {
    const b = edited((d) => {
      d.steps = d.steps.filter((s) => s.id !== 'closed');
      d.steps.push({
        kind: 'voicemail',
        id: 'vm',
        name: 'Voicemail',
        greeting: say('Leave a message.'),
        maxSec: 120,
        silenceSec: 5,
        finishOnKey: '#',
        teamId: null,
      });
      d.edges = d.edges.filter((e) => e.source !== 'closed' && e.target !== 'closed');
      d.edges.push({ source: 'hours', output: 'no_match', target: 'vm' });
    });
    const a = version();
    const closed = step(a, 'closed');
    expect(diffWorkflows(a, b)).toEqual({
      steps: { added: ['vm'], removed: ['closed'], changed: [] },
      edges: {
        added: [{ source: 'hours', output: 'no_match', target: 'vm' }],
        removed: [
          { source: 'hours', output: 'no_match', target: 'closed' },
          { source: 'closed', output: 'next', target: 'bye' },
        ],
      },
      prompts: [
        { stepId: 'vm', field: 'greeting', before: null, after: say('Leave a message.') },
        { stepId: 'closed', field: 'prompt', before: 'prompt' in closed ? closed.prompt : null, after: null },
      ],
      trigger: { changed: false, fields: [] },
    });
  });

  it('lists the fields of a changed step, and its prompt before and after', () => {
    const a = version();
    const b = edited((d) => {
      const menu = step(d, 'menu');
      if (menu.kind !== 'ivr_buttons') throw new Error('not a menu');
      menu.name = 'Welcome menu';
      menu.prompt = say('For sales, press 1. For support, press 2. For billing, press 3.');
      menu.buttons.push({ key: '3', label: 'Billing' });
      menu.invalidPrompt = say('Sorry, that key is not on the menu.');
      d.edges.push({ source: 'menu', output: 'key:3', target: 'support' });
    });
    const before = step(a, 'menu');
    expect(diffWorkflows(a, b)).toEqual({
      steps: {
        added: [],
        removed: [],
        changed: [{ id: 'menu', fields: ['name', 'prompt', 'buttons', 'invalidPrompt'] }],
      },
      edges: { added: [{ source: 'menu', output: 'key:3', target: 'support' }], removed: [] },
      prompts: [
        {
          stepId: 'menu',
          field: 'prompt',
          before: before.kind === 'ivr_buttons' ? before.prompt : null,
          after: say('For sales, press 1. For support, press 2. For billing, press 3.'),
        },
        {
          stepId: 'menu',
          field: 'invalidPrompt',
          before: null,
          after: say('Sorry, that key is not on the menu.'),
        },
      ],
      trigger: { changed: false, fields: [] },
    });
  });

  it('counts a rewired edge as one removed and one added', () => {
    const b = edited((d) => {
      d.edges = d.edges.map((e) =>
        e.source === 'menu' && e.output === 'timeout' ? { ...e, target: 'closed' } : e,
      );
    });
    expect(diffWorkflows(version(), b).edges).toEqual({
      added: [{ source: 'menu', output: 'timeout', target: 'closed' }],
      removed: [{ source: 'menu', output: 'timeout', target: 'bye' }],
    });
  });

  it('sees one copy of a duplicated edge go away', () => {
    const a = edited((d) => d.edges.push({ source: 'menu', output: 'key:1', target: 'sales' }));
    expect(diffWorkflows(a, version()).edges).toEqual({
      added: [],
      removed: [{ source: 'menu', output: 'key:1', target: 'sales' }],
    });
  });

  it('reports a goodbye added to a step as its prompt field', () => {
    const b = edited((d) => {
      d.steps = d.steps.map((s) => (s.id === 'bye' ? { ...s, prompt: say('Goodbye.') } : s));
    });
    const diff = diffWorkflows(version(), b);
    expect(diff.steps.changed).toEqual([{ id: 'bye', fields: ['prompt'] }]);
    expect(diff.prompts).toEqual([{ stepId: 'bye', field: 'prompt', before: null, after: say('Goodbye.') }]);
  });

  it('reports a step that changed kind but says the same thing by its kind alone', () => {
    const a = version();
    const closed = step(a, 'closed');
    const b = edited((d) => {
      d.steps = d.steps.map((s) =>
        s.id === 'closed' && s.kind === 'voice_message' ? { ...s, kind: 'end_call' as const } : s,
      );
    });
    expect(closed.kind).toBe('voice_message');
    const diff = diffWorkflows(a, b);
    expect(diff.steps.changed).toEqual([{ id: 'closed', fields: ['kind'] }]);
    expect(diff.prompts).toEqual([]);
  });

  it('lists the trigger fields that changed', () => {
    const b = edited((d) => {
      d.trigger = {
        kind: 'customer_called',
        filters: [{ kind: 'caller_number', op: 'starts_with', value: '010' }],
        inputTimeoutSec: 8,
        schedule: { kind: 'always' },
      };
    });
    expect(diffWorkflows(version(), b).trigger).toEqual({
      changed: true,
      fields: ['filters', 'inputTimeoutSec'],
    });
  });

  it('lists every field of a trigger that changed kind', () => {
    const b = edited((d) => {
      d.trigger = workflowDefinitionSchema.shape.trigger.parse({ kind: 'waiting_in_queue', afterSec: 60 });
    });
    expect(diffWorkflows(version(), b).trigger).toEqual({
      changed: true,
      fields: ['kind', 'teamIds', 'afterSec', 'repeatEverySec'],
    });
  });
});
