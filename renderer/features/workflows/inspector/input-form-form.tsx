import { useId, useState } from 'react';
import { variableNameSchema } from '../../../../shared/workflow/criteria.js';
import { inputFormStep, type StepOf } from '../../../../shared/workflow/steps.js';
import { CheckboxField } from '../../../ui/field.js';
import { useT } from '../../../i18n/use-t.js';
import { NumberInput, SchemaInput, Section, SelectInput, TextInput } from './controls.js';
import { formatPrefixes, parsePrefixes, withDigitRange, withReadback } from './digit-rules.js';
import { InputHandlingFields } from './input-handling-fields.js';
import { PromptField } from './prompt-field.js';
import { numberLimits } from './schema-limits.js';

type Step = StepOf<'input_form'>;

const shape = inputFormStep.shape;
const digitLimits = numberLimits(shape.minDigits);
const interDigitLimits = numberLimits(shape.interDigitTimeoutSec);

/** Asks for digits (a phone or member number) and keeps them in a variable for later steps. */
export function InputFormForm({ step, onChange }: { step: Step; onChange(step: Step): void }) {
  const t = useT();
  const id = useId();
  return (
    <>
      <PromptField
        label={t('inspector.prompt')}
        value={step.prompt}
        onChange={(prompt) => prompt && onChange({ ...step, prompt })}
      />
      <SchemaInput
        label={t('inspector.variable')}
        hint={t('inspector.variableHint')}
        value={step.variable}
        schema={variableNameSchema}
        invalidText={t('inspector.invalidVariable')}
        onChange={(variable) => onChange({ ...step, variable })}
      />
      <Section title={t('inspector.digitRules')}>
        <NumberInput
          label={t('inspector.minDigits')}
          value={step.minDigits}
          limits={digitLimits}
          onChange={(minDigits) => minDigits !== null && onChange(withDigitRange(step, { minDigits }))}
        />
        <NumberInput
          label={t('inspector.maxDigits')}
          value={step.maxDigits}
          limits={digitLimits}
          onChange={(maxDigits) => maxDigits !== null && onChange(withDigitRange(step, { maxDigits }))}
        />
        <SelectInput<Step['terminator']>
          label={t('inspector.terminator')}
          value={step.terminator}
          options={[
            { value: '#', label: '#' },
            { value: '*', label: '*' },
            { value: '', label: t('inspector.noKey') },
          ]}
          onChange={(terminator) => onChange({ ...step, terminator })}
        />
        <PrefixesInput value={step.startsWith} onChange={(startsWith) => onChange({ ...step, startsWith })} />
        <NumberInput
          label={t('inspector.interDigitSec')}
          value={step.interDigitTimeoutSec}
          limits={interDigitLimits}
          onChange={(sec) => sec !== null && onChange({ ...step, interDigitTimeoutSec: sec })}
        />
        <CheckboxField
          id={`${id}-readback`}
          label={t('inspector.readback')}
          checked={step.readback}
          onChange={(readback) => onChange(withReadback(step, { readback }))}
        />
        <CheckboxField
          id={`${id}-confirm`}
          label={t('inspector.confirm')}
          hint={t('inspector.confirmHint')}
          checked={step.confirm}
          onChange={(confirm) => onChange(withReadback(step, { confirm }))}
        />
      </Section>
      <InputHandlingFields step={step} onChange={(change) => onChange({ ...step, ...change })} />
    </>
  );
}

/** Accepted prefixes as a comma-separated list; what the schema would refuse is named, not saved. */
function PrefixesInput({
  value,
  onChange,
}: {
  value: readonly string[];
  onChange(prefixes: string[]): void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const invalid = draft === null ? [] : parsePrefixes(draft).invalid;
  return (
    <TextInput
      label={t('inspector.startsWith')}
      hint={
        invalid.length > 0
          ? t('inspector.invalidPrefixes', { prefixes: invalid.join(', ') })
          : t('inspector.startsWithHint')
      }
      value={draft ?? formatPrefixes(value)}
      maxLength={300}
      placeholder="010, 011"
      onBlur={() => setDraft(null)}
      onChange={(text) => {
        setDraft(text);
        const { prefixes } = parsePrefixes(text);
        if (formatPrefixes(prefixes) !== formatPrefixes(value)) onChange(prefixes);
      }}
    />
  );
}
