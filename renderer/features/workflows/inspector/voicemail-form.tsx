import { voicemailStep, type StepOf } from '../../../../shared/workflow/steps.js';
import { useT } from '../../../i18n/use-t.js';
import { NumberInput, SelectInput } from './controls.js';
import { PromptField } from './prompt-field.js';
import { numberLimits } from './schema-limits.js';
import { TeamSelect } from './team-select.js';

type Step = StepOf<'voicemail'>;

const maxLimits = numberLimits(voicemailStep.shape.maxSec);
const silenceLimits = numberLimits(voicemailStep.shape.silenceSec);

/** A greeting, then the caller's message recorded into a team's inbox. */
export function VoicemailForm({ step, onChange }: { step: Step; onChange(step: Step): void }) {
  const t = useT();
  return (
    <>
      <PromptField
        label={t('inspector.greeting')}
        value={step.greeting}
        onChange={(greeting) => greeting && onChange({ ...step, greeting })}
      />
      <NumberInput
        label={t('inspector.maxSec')}
        value={step.maxSec}
        limits={maxLimits}
        onChange={(maxSec) => onChange({ ...step, maxSec: maxSec ?? step.maxSec })}
      />
      <NumberInput
        label={t('inspector.silenceSec')}
        hint={t('inspector.silenceHint')}
        value={step.silenceSec}
        limits={silenceLimits}
        onChange={(silenceSec) => onChange({ ...step, silenceSec: silenceSec ?? step.silenceSec })}
      />
      <SelectInput<Step['finishOnKey']>
        label={t('inspector.finishOnKey')}
        value={step.finishOnKey}
        options={[
          { value: '#', label: '#' },
          { value: '*', label: '*' },
          { value: '', label: t('inspector.noKey') },
        ]}
        onChange={(finishOnKey) => onChange({ ...step, finishOnKey })}
      />
      <TeamSelect
        label={t('inspector.inboxTeam')}
        noneLabel={t('inspector.everyonesInbox')}
        value={step.teamId}
        onChange={(teamId) => onChange({ ...step, teamId })}
      />
    </>
  );
}
