import { useStore } from 'zustand';
import { callbackStep, type StepOf } from '../../../../shared/workflow/steps.js';
import { useT } from '../../../i18n/use-t.js';
import { SelectInput, TextInput } from './controls.js';
import { useInspector } from './inspector-context.js';
import { textMax } from './schema-limits.js';
import { formVariables } from './template-variables.js';
import { TeamSelect } from './team-select.js';

type Step = StepOf<'callback'>;

const reasonMax = textMax(callbackStep.shape.reason);

/** A callback request for a team's inbox: which number to call back, and why. */
export function CallbackForm({ step, onChange }: { step: Step; onChange(step: Step): void }) {
  const t = useT();
  const { store } = useInspector();
  const definition = useStore(store, (s) => s.definition);
  const variables = formVariables(definition);
  const known = step.numberVariable === null || variables.includes(step.numberVariable);
  return (
    <>
      <SelectInput<string>
        label={t('inspector.callbackNumber')}
        value={step.numberVariable ?? ''}
        options={[
          { value: '', label: t('inspector.callersNumber') },
          ...variables.map((name) => ({ value: name, label: t('inspector.enteredNumber', { name }) })),
          ...(known || step.numberVariable === null
            ? []
            : [
                {
                  value: step.numberVariable,
                  label: t('inspector.enteredNumber', { name: step.numberVariable }),
                },
              ]),
        ]}
        hint={t('inspector.callbackNumberHint')}
        onChange={(name) => onChange({ ...step, numberVariable: name === '' ? null : name })}
      />
      <TeamSelect
        label={t('inspector.team')}
        noneLabel={t('inspector.everyonesInbox')}
        value={step.teamId}
        onChange={(teamId) => onChange({ ...step, teamId })}
      />
      <TextInput
        label={t('inspector.reason')}
        value={step.reason}
        maxLength={reasonMax}
        placeholder={t('inspector.reasonPlaceholder')}
        onChange={(reason) => onChange({ ...step, reason })}
      />
    </>
  );
}
