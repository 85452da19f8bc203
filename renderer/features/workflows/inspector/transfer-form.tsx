import { transferStep, type StepOf } from '../../../../shared/workflow/steps.js';
import { useT } from '../../../i18n/use-t.js';
import { useAppStore } from '../../../stores/app-store.js';
import { NumberInput, SelectInput } from './controls.js';
import { numberLimits } from './schema-limits.js';

type Step = StepOf<'transfer'>;

const ringLimits = numberLimits(transferStep.shape.ringTimeoutSec);

/**
 * Transfers the call to a number outside. Only numbers on the office's transfer allow-list can be
 * picked (toll fraud: an IVR path must never dial anything else).
 */
export function TransferForm({ step, onChange }: { step: Step; onChange(step: Step): void }) {
  const t = useT();
  const allowList = useAppStore((s) => s.settings?.transferAllowList ?? []);
  const listed = step.number === '' || allowList.includes(step.number);
  return (
    <>
      <SelectInput<string>
        label={t('inspector.transferNumber')}
        value={step.number}
        options={[
          { value: '', label: t('inspector.chooseNumber') },
          ...allowList.map((number) => ({ value: number, label: number })),
          ...(listed
            ? []
            : [{ value: step.number, label: t('inspector.notAllowed', { number: step.number }) }]),
        ]}
        onChange={(number) => onChange({ ...step, number })}
      />
      {allowList.length === 0 && (
        <p className="inspector-note" role="note">
          {t('inspector.allowListEmpty')}
        </p>
      )}
      <NumberInput
        label={t('inspector.ringTimeoutSec')}
        value={step.ringTimeoutSec}
        limits={ringLimits}
        onChange={(ringTimeoutSec) =>
          onChange({ ...step, ringTimeoutSec: ringTimeoutSec ?? step.ringTimeoutSec })
        }
      />
    </>
  );
}
