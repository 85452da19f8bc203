import { describe, expect, it } from 'vitest';
import { workflowDefinitionSchema } from '../../../../shared/workflow/workflow.js';
import {
  formVariables,
  insertPlaceholder,
  MAX_TEMPLATE,
  unknownPlaceholders,
  workflowVariables,
} from './template-variables.js';

const definition = workflowDefinitionSchema.parse({
  trigger: { kind: 'customer_called' },
  steps: [
    {
      kind: 'input_form',
      id: 'member',
      name: 'Member',
      prompt: { kind: 'tts', text: 'Your member number', language: 'en' },
      variable: 'member_no',
      minDigits: 4,
      maxDigits: 8,
    },
    {
      kind: 'input_form',
      id: 'again',
      name: 'Again',
      prompt: { kind: 'tts', text: 'Once more', language: 'en' },
      variable: 'member_no',
      minDigits: 4,
      maxDigits: 8,
    },
  ],
  edges: [],
});

describe('SMS template variables', () => {
  it("offers the engine's variables, then each form's once", () => {
    expect(formVariables(definition)).toEqual(['member_no']);
    expect(workflowVariables(definition)).toEqual(['caller', 'dialled', 'line', 'call_id', 'member_no']);
  });

  it('names placeholders nothing sets', () => {
    expect(
      unknownPlaceholders('Hi {{caller}}, {{ order }} {{member_no}}', workflowVariables(definition)),
    ).toEqual(['order']);
  });

  it('puts the placeholder at the caret or over the selection', () => {
    expect(insertPlaceholder('Hello !', 'caller', 6)).toEqual({ template: 'Hello {{caller}}!', caret: 16 });
    expect(insertPlaceholder('Hello you!', 'caller', 6, 9)).toEqual({
      template: 'Hello {{caller}}!',
      caret: 16,
    });
    expect(insertPlaceholder('Hi', 'line', 99)).toEqual({ template: 'Hi{{line}}', caret: 10 });
  });

  it('refuses to make the template too long', () => {
    const full = 'x'.repeat(MAX_TEMPLATE - 3);
    expect(insertPlaceholder(full, 'caller', 0).template).toBe(full);
  });
});
