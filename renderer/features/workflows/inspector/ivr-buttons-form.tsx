import { useId } from 'react';
import { useStore } from 'zustand';
import { ivrButtonsStep, type MenuKey, type StepOf } from '../../../../shared/workflow/steps.js';
import { useT } from '../../../i18n/use-t.js';
import { Section, SelectInput, TextInput } from './controls.js';
import { InputHandlingFields } from './input-handling-fields.js';
import { useInspector } from './inspector-context.js';
import {
  keysFor,
  linkedStepName,
  nextFreeKey,
  withButtonAdded,
  withButtonChanged,
  withButtonRemoved,
} from './ivr-buttons-model.js';
import { PromptField } from './prompt-field.js';
import { textMax } from './schema-limits.js';

type Step = StepOf<'ivr_buttons'>;

const labelMax = textMax(ivrButtonsStep.shape.buttons.element.shape.label);

/** A menu: what it says, its keys (each with an optional label), and how it waits. */
export function IvrButtonsForm({ step, onChange }: { step: Step; onChange(step: Step): void }) {
  const t = useT();
  const { store } = useInspector();
  const definition = useStore(store, (s) => s.definition);
  const listId = useId();
  return (
    <>
      <PromptField
        label={t('inspector.prompt')}
        value={step.prompt}
        onChange={(prompt) => prompt && onChange({ ...step, prompt })}
      />
      <Section title={t('inspector.buttons')}>
        {step.buttons.length === 0 && <p className="muted">{t('inspector.noButtons')}</p>}
        <ol className="inspector-rows" id={listId}>
          {step.buttons.map((button, index) => {
            const linked = linkedStepName(definition, step.id, button.key);
            return (
              <li key={index} className="inspector-row">
                <SelectInput<MenuKey>
                  label={t('inspector.buttonKey', { n: index + 1 })}
                  className="row-narrow"
                  value={button.key}
                  options={keysFor(step, index).map((key) => ({ value: key, label: key }))}
                  onChange={(key) => onChange(withButtonChanged(step, index, { key }))}
                />
                <TextInput
                  label={t('inspector.buttonLabel', { key: button.key })}
                  value={button.label}
                  maxLength={labelMax}
                  placeholder={linked || t('inspector.buttonLabelUnlinked')}
                  onChange={(label) => onChange(withButtonChanged(step, index, { label }))}
                />
                <button
                  type="button"
                  className="button subtle-danger row-action"
                  aria-label={t('inspector.removeButton', { key: button.key })}
                  onClick={() => onChange(withButtonRemoved(step, index))}
                >
                  ✕
                </button>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className="button"
          disabled={nextFreeKey(step) === null}
          aria-controls={listId}
          onClick={() => onChange(withButtonAdded(step))}
        >
          {t('inspector.addButton')}
        </button>
        <p className="field-hint">{t('inspector.buttonLabelHint')}</p>
      </Section>
      <InputHandlingFields step={step} onChange={(change) => onChange({ ...step, ...change })} />
    </>
  );
}
