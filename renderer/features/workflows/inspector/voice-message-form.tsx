import type { StepOf } from '../../../../shared/workflow/steps.js';
import { useT } from '../../../i18n/use-t.js';
import { PromptField } from './prompt-field.js';

type Step = StepOf<'voice_message'>;

/** A message said to the caller, then the next step. */
export function VoiceMessageForm({ step, onChange }: { step: Step; onChange(step: Step): void }) {
  const t = useT();
  return (
    <PromptField
      label={t('inspector.message')}
      value={step.prompt}
      onChange={(prompt) => prompt && onChange({ ...step, prompt })}
    />
  );
}
