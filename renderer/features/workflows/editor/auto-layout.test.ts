import { describe, expect, it } from 'vitest';
import { TRIGGER, workflowDefinitionSchema } from '../../../../shared/workflow/workflow.js';
import { FALLBACK_SIZE, tidyPositions, type Size } from './auto-layout.js';

const say = { kind: 'tts', text: 'Hi', language: 'en' } as const;
const at = { x: 0, y: 0 };

/** A menu whose key 2 is drawn before key 1, a loop back to it, and two steps no call reaches. */
const definition = workflowDefinitionSchema.parse({
  trigger: { kind: 'customer_called' },
  steps: [
    { kind: 'end_call', id: 'bye', name: 'Bye', position: at },
    { kind: 'voice_message', id: 'sales', name: 'Sales', prompt: say, position: at },
    { kind: 'voice_message', id: 'support', name: 'Support', prompt: say, position: at },
    {
      kind: 'ivr_buttons',
      id: 'menu',
      name: 'Menu',
      prompt: say,
      buttons: [{ key: '1' }, { key: '2' }],
      position: at,
    },
    { kind: 'tag', id: 'loose', name: 'Loose', tags: [], position: at },
    { kind: 'end_call', id: 'loose_end', name: 'Loose end', position: at },
  ],
  edges: [
    { source: 'trigger', output: 'start', target: 'menu' },
    { source: 'menu', output: 'key:2', target: 'support' },
    { source: 'menu', output: 'key:1', target: 'sales' },
    { source: 'menu', output: 'invalid', target: 'menu' },
    { source: 'sales', output: 'next', target: 'bye' },
    { source: 'support', output: 'next', target: 'menu' },
    { source: 'loose', output: 'next', target: 'loose_end' },
  ],
});

/** The menu drawn taller than the others, as the canvas would measure it. */
const sizes = new Map<string, Size>([['menu', { width: 220, height: 260 }]]);
const positions = tidyPositions(definition, sizes);
const box = (id: string) => {
  const { x, y } = id === TRIGGER ? { x: 0, y: 0 } : positions.get(id)!;
  const { width, height } = sizes.get(id) ?? FALLBACK_SIZE;
  return { left: x, top: y, right: x + width, bottom: y + height };
};

describe('tidy positions', () => {
  it('places every step, and leaves the trigger where the canvas keeps it', () => {
    expect([...positions.keys()].sort()).toEqual(definition.steps.map((step) => step.id).sort());
    expect(positions.has(TRIGGER)).toBe(false);
  });

  it('puts each step in a layer right of the steps leading to it, loops aside', () => {
    expect(box(TRIGGER).right).toBeLessThanOrEqual(box('menu').left);
    expect(box('menu').right).toBeLessThanOrEqual(box('sales').left);
    expect(box('menu').right).toBeLessThanOrEqual(box('support').left);
    expect(box('sales').right).toBeLessThanOrEqual(box('bye').left);
  });

  it('orders a menu’s targets by key, top to bottom', () => {
    expect(box('sales').top).toBeLessThan(box('support').top);
  });

  it('places steps no call reaches after the rest, in their own layers', () => {
    const reachedRight = Math.max(...[TRIGGER, 'menu', 'sales', 'support', 'bye'].map((id) => box(id).right));
    expect(box('loose').left).toBeGreaterThan(reachedRight);
    expect(box('loose').right).toBeLessThanOrEqual(box('loose_end').left);
  });

  it('overlaps no two steps', () => {
    const ids = [TRIGGER, ...positions.keys()];
    for (const a of ids) {
      for (const b of ids) {
        if (a >= b) continue;
        const [p, q] = [box(a), box(b)];
        const apart = p.right <= q.left || q.right <= p.left || p.bottom <= q.top || q.bottom <= p.top;
        expect(apart, `${a} and ${b}`).toBe(true);
      }
    }
  });
});
