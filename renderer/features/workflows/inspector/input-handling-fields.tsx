import { useStore } from 'zustand';
import { ivrButtonsStep, type StepOf } from '../../../../shared/workflow/steps.js';
import { useT } from '../../../i18n/use-t.js';
import { NumberInput, Section } from './controls.js';
import { useInspector } from './inspector-context.js';
import { PromptField } from './prompt-field.js';
import { numberLimits } from './schema-limits.js';

type WaitingStep = StepOf<'ivr_buttons'> | StepOf<'input_form'>;
type InputHandling = Pick<WaitingStep, 'timeoutSec' | 'retries' | 'invalidPrompt' | 'timeoutPrompt'>;

const timeoutLimits = numberLimits(ivrButtonsStep.shape.timeoutSec);
const retryLimits = numberLimits(ivrButtonsStep.shape.retries);

/** How a step that waits for keys treats silence and wrong keys (shared by menus and forms). */
export function InputHandlingFields({
  step,
  onChange,
}: {
  step: InputHandling;
  onChange(change: Partial<InputHandling>): void;
}) {
  const t = useT();
  const { store } = useInspector();
  const triggerTimeout = useStore(store, (s) => s.definition.trigger.inputTimeoutSec);
  return (
    <Section title={t('inspector.waiting')}>
      <NumberInput
        label={t('inspector.timeoutSec')}
        value={step.timeoutSec}
        limits={timeoutLimits}
        nullable
        placeholder={t('inspector.timeoutDefault', { seconds: triggerTimeout })}
        hint={t('inspector.timeoutHint', { seconds: triggerTimeout })}
        onChange={(timeoutSec) => onChange({ timeoutSec })}
      />
      <NumberInput
        label={t('inspector.retries')}
        value={step.retries}
        limits={retryLimits}
        onChange={(retries) => onChange({ retries: retries ?? retryLimits.min })}
      />
      <PromptField
        label={t('inspector.invalidPrompt')}
        optional={t('inspector.ownMessage')}
        value={step.invalidPrompt}
        onChange={(invalidPrompt) => onChange({ invalidPrompt })}
      />
      <PromptField
        label={t('inspector.timeoutPrompt')}
        optional={t('inspector.ownMessage')}
        value={step.timeoutPrompt}
        onChange={(timeoutPrompt) => onChange({ timeoutPrompt })}
      />
    </Section>
  );
}
