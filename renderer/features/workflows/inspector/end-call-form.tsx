import type { StepOf } from '../../../../shared/workflow/steps.js';
import { useT } from '../../../i18n/use-t.js';
import { PromptField } from './prompt-field.js';

type Step = StepOf<'end_call'>;

/** Hanging up, with a goodbye first if the manager writes one. */
export function EndCallForm({ step, onChange }: { step: Step; onChange(step: Step): void }) {
  const t = useT();
  return (
    <PromptField
      label={t('inspector.goodbye')}
      optional={t('inspector.sayGoodbye')}
      value={step.prompt}
      onChange={(prompt) => onChange({ ...step, prompt })}
    />
  );
}
