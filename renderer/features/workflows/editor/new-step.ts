import { stepSchema, type Step, type StepKind } from '../../../../shared/workflow/steps.js';
import type { PromptLanguage } from '../../../../shared/workflow/prompt.js';

/** Step kinds in the order the palette offers them. */
export const paletteKinds: readonly StepKind[] = [
  'voice_message',
  'ivr_buttons',
  'branch',
  'input_form',
  'assign',
  'voicemail',
  'callback',
  'send_sms',
  'tag',
  'transfer',
  'end_call',
];

/** `voice_message_3`: the first id of that pattern not among `taken`. */
export function freshStepId(kind: StepKind, taken: ReadonlySet<string>): string {
  let n = 1;
  while (taken.has(`${kind}_${n}`)) n++;
  return `${kind}_${n}`;
}

/**
 * A new step of `kind` with every field at its default and empty texts (a draft may hold them;
 * validation says what is missing), an id unique among `taken`.
 */
export function newStep(
  kind: StepKind,
  taken: ReadonlySet<string>,
  position: { x: number; y: number },
  language: PromptLanguage,
): Step {
  const base = { id: freshStepId(kind, taken), name: '', position };
  const say = { kind: 'tts' as const, text: '', language };
  switch (kind) {
    case 'branch':
      return stepSchema.parse({ ...base, kind, branches: [] });
    case 'ivr_buttons':
      return stepSchema.parse({ ...base, kind, prompt: say, buttons: [{ key: '1' }, { key: '2' }] });
    case 'voice_message':
      return stepSchema.parse({ ...base, kind, prompt: say });
    case 'end_call':
      return stepSchema.parse({ ...base, kind, prompt: null });
    case 'voicemail':
      return stepSchema.parse({ ...base, kind, greeting: say });
    case 'input_form':
      return stepSchema.parse({ ...base, kind, prompt: say, variable: 'entry', minDigits: 1, maxDigits: 11 });
    case 'assign':
      return stepSchema.parse({ ...base, kind, target: { kind: 'team', teamId: null } });
    case 'send_sms':
      return stepSchema.parse({ ...base, kind, to: { kind: 'caller' }, template: '' });
    case 'tag':
      return stepSchema.parse({ ...base, kind, tags: [] });
    case 'transfer':
      return stepSchema.parse({ ...base, kind, number: '' });
    case 'callback':
      return stepSchema.parse({ ...base, kind, reason: '' });
  }
}
