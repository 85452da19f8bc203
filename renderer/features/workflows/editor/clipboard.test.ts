import { describe, expect, it } from 'vitest';
import { workflowDefinitionSchema } from '../../../../shared/workflow/workflow.js';
import { PASTE_OFFSET, clipboardText, copySteps, pasteSteps, readClipboardText } from './clipboard.js';

const say = { kind: 'tts', text: 'Hi', language: 'en' } as const;

/** trigger → menu; menu key 1 → sales → bye, key 2 → bye. */
const definition = workflowDefinitionSchema.parse({
  trigger: { kind: 'customer_called' },
  steps: [
    {
      kind: 'ivr_buttons',
      id: 'menu',
      name: 'Menu',
      prompt: say,
      buttons: [{ key: '1' }, { key: '2' }],
      position: { x: 300, y: 0 },
    },
    { kind: 'voice_message', id: 'sales', name: 'Sales', prompt: say, position: { x: 600, y: 0 } },
    { kind: 'end_call', id: 'bye', name: 'Bye', position: { x: 900, y: 100 } },
  ],
  edges: [
    { source: 'trigger', output: 'start', target: 'menu' },
    { source: 'menu', output: 'key:1', target: 'sales' },
    { source: 'menu', output: 'key:2', target: 'bye' },
    { source: 'sales', output: 'next', target: 'bye' },
  ],
});

describe('copying steps', () => {
  it('takes the selected steps and only the edges between them', () => {
    const clip = copySteps(definition, ['trigger', 'menu', 'sales']);
    expect(clip?.steps.map((s) => s.id)).toEqual(['menu', 'sales']);
    expect(clip?.edges).toEqual([{ source: 'menu', output: 'key:1', target: 'sales' }]);
  });

  it('has nothing to copy when no step is selected', () => {
    expect(copySteps(definition, ['trigger'])).toBeNull();
  });

  it('reads back its own text, and nothing from any other', () => {
    const clip = copySteps(definition, ['sales', 'bye'])!;
    expect(readClipboardText(clipboardText(clip))).toEqual(clip);
    expect(readClipboardText('Hello')).toBeNull();
    expect(readClipboardText('{"steps": []}')).toBeNull();
    const twice = { ...clip, steps: [clip.steps[0], clip.steps[0]] };
    expect(readClipboardText(JSON.stringify(twice))).toBeNull();
  });
});

describe('pasting steps', () => {
  const clip = copySteps(definition, ['menu', 'sales', 'bye'])!;

  it('gives the copies new ids and names kept, and remaps the edges between them', () => {
    const { definition: after, ids } = pasteSteps(definition, clip);
    expect(ids).toEqual(['ivr_buttons_1', 'voice_message_1', 'end_call_1']);
    expect(after.steps.slice(3).map((s) => s.name)).toEqual(['Menu', 'Sales', 'Bye']);
    expect(after.edges.slice(4)).toEqual([
      { source: 'ivr_buttons_1', output: 'key:1', target: 'voice_message_1' },
      { source: 'ivr_buttons_1', output: 'key:2', target: 'end_call_1' },
      { source: 'voice_message_1', output: 'next', target: 'end_call_1' },
    ]);
    // The originals and their edges are untouched.
    expect(after.steps.slice(0, 3)).toEqual(definition.steps);
    expect(after.edges.slice(0, 4)).toEqual(definition.edges);
  });

  it('drops edges to steps that were not copied', () => {
    const { definition: after } = pasteSteps(definition, copySteps(definition, ['sales'])!);
    expect(after.edges).toEqual(definition.edges);
  });

  it('offsets the copies from the originals, further for each paste', () => {
    const once = pasteSteps(definition, clip);
    expect(once.definition.steps[3]?.position).toEqual({ x: 300 + PASTE_OFFSET, y: PASTE_OFFSET });
    const twice = pasteSteps(once.definition, clip);
    expect(twice.definition.steps[6]?.position).toEqual({ x: 300 + 2 * PASTE_OFFSET, y: 2 * PASTE_OFFSET });
  });

  it('puts the copies’ top-left corner at the given spot, keeping their layout', () => {
    const { definition: after } = pasteSteps(definition, clip, { x: 0, y: 500 });
    expect(after.steps.slice(3).map((s) => s.position)).toEqual([
      { x: 0, y: 500 },
      { x: 300, y: 500 },
      { x: 600, y: 600 },
    ]);
  });
});
