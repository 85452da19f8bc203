import { describe, expect, it } from 'vitest';
import { workflowDefinitionSchema } from '../../../../shared/workflow/workflow.js';
import { edgeIndexOf, toFlow } from './to-flow.js';

const definition = workflowDefinitionSchema.parse({
  trigger: { kind: 'customer_called' },
  steps: [
    {
      kind: 'ivr_buttons',
      id: 'menu',
      name: 'Menu',
      prompt: { kind: 'tts', text: 'Press 1', language: 'en' },
      buttons: [{ key: '1' }],
      position: { x: 300, y: 0 },
    },
    { kind: 'end_call', id: 'bye', name: 'Bye' },
  ],
  edges: [
    { source: 'trigger', output: 'start', target: 'menu' },
    { source: 'menu', output: 'key:1', target: 'bye' },
  ],
});

describe('the workflow as canvas nodes and edges', () => {
  it('draws the trigger first, undeletable, and one handle per exit with its label', () => {
    const { nodes } = toFlow(definition, [], []);
    expect(nodes.map((n) => n.id)).toEqual(['trigger', 'menu', 'bye']);
    expect(nodes[0]?.deletable).toBe(false);
    // A key without a label of its own is called by the step it leads to.
    expect(nodes[1]?.data.outputs.map((o) => [o.id, o.label.en])).toEqual([
      ['key:1', '1 · Bye'],
      ['invalid', 'the invalid-input path'],
      ['timeout', 'the timeout path'],
    ]);
    // A step without a saved position still gets a place of its own.
    expect(nodes[2]?.position).not.toEqual(nodes[1]?.position);
  });

  it('counts each step’s problems and marks an edge with one', () => {
    const { nodes, edges } = toFlow(
      definition,
      [
        { severity: 'error', code: 'a', stepId: 'menu', text: { en: '', ko: '' } },
        { severity: 'warning', code: 'b', stepId: 'menu', text: { en: '', ko: '' } },
        { severity: 'error', code: 'c', edgeIndex: 1, text: { en: '', ko: '' } },
      ],
      ['menu'],
    );
    expect(nodes[1]?.data).toMatchObject({ errors: 1, warnings: 1 });
    expect(nodes[1]?.selected).toBe(true);
    expect(edges.map((e) => [e.source, e.sourceHandle, e.target, e.className])).toEqual([
      ['trigger', 'start', 'menu', undefined],
      ['menu', 'key:1', 'bye', 'edge-problem'],
    ]);
    expect(edgeIndexOf(edges[1]!.id)).toBe(1);
  });

  it('draws a panel’s decorations on steps and edges', () => {
    const { nodes, edges } = toFlow(definition, [], [], {
      steps: { menu: { tone: 'current', badge: '12' } },
      edges: { 0: { tone: 'visited', width: 6, label: '12' } },
    });
    expect(nodes[1]?.data.decoration).toEqual({ tone: 'current', badge: '12' });
    expect(edges[0]).toMatchObject({ className: 'edge-visited', style: { strokeWidth: 6 }, label: '12' });
  });
});
