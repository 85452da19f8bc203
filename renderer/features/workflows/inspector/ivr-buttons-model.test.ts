import { describe, expect, it } from 'vitest';
import { ivrButtonsStep, stepSchema } from '../../../../shared/workflow/steps.js';
import { workflowDefinitionSchema } from '../../../../shared/workflow/workflow.js';
import {
  keysFor,
  linkedStepName,
  nextFreeKey,
  withButtonAdded,
  withButtonChanged,
  withButtonRemoved,
} from './ivr-buttons-model.js';

const menu = ivrButtonsStep.parse({
  kind: 'ivr_buttons',
  id: 'menu',
  name: 'Menu',
  prompt: { kind: 'tts', text: 'Press 1 or 2', language: 'en' },
  buttons: [{ key: '1' }, { key: '2', label: 'Support' }],
});

describe('IVR buttons', () => {
  it('adds a button on the first free key, in keypad order', () => {
    expect(nextFreeKey(menu)).toBe('3');
    const added = withButtonAdded(menu);
    expect(added.buttons.map((b) => b.key)).toEqual(['1', '2', '3']);
    expect(added.buttons[2]?.label).toBe('');
    expect(stepSchema.safeParse(added).success).toBe(true);
  });

  it('stops adding when every key is taken', () => {
    let full = menu;
    for (let i = 0; i < 20; i++) full = withButtonAdded(full);
    expect(full.buttons).toHaveLength(11);
    expect(nextFreeKey(full)).toBeNull();
    expect(withButtonAdded(full)).toBe(full);
    expect(stepSchema.safeParse(full).success).toBe(true);
  });

  it('offers a button its own key and the unused ones only', () => {
    expect(keysFor(menu, 0)).toContain('1');
    expect(keysFor(menu, 0)).not.toContain('2');
    expect(keysFor(menu, 1)).toContain('2');
  });

  it('changes and removes one button', () => {
    expect(withButtonChanged(menu, 0, { label: 'Sales' }).buttons[0]).toEqual({ key: '1', label: 'Sales' });
    expect(withButtonRemoved(menu, 0).buttons).toEqual([{ key: '2', label: 'Support' }]);
  });

  it("names the linked step for an empty label's placeholder", () => {
    const definition = workflowDefinitionSchema.parse({
      trigger: { kind: 'customer_called' },
      steps: [
        menu,
        { kind: 'assign', id: 'sales', name: 'Sales team', target: { kind: 'team', teamId: null } },
        { kind: 'end_call', id: 'bye', name: '' },
      ],
      edges: [
        { source: 'menu', output: 'key:1', target: 'sales' },
        { source: 'menu', output: 'key:2', target: 'bye' },
      ],
    });
    expect(linkedStepName(definition, 'menu', '1')).toBe('Sales team');
    expect(linkedStepName(definition, 'menu', '2')).toBe('bye');
    expect(linkedStepName(definition, 'menu', '3')).toBe('');
  });
});
