import { useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { phoneNumberSchema } from '../../../../shared/domain/line.js';
import type { StepOf } from '../../../../shared/workflow/steps.js';
import { useT } from '../../../i18n/use-t.js';
import { SchemaInput, SelectInput } from './controls.js';
import { useInspector } from './inspector-context.js';
import {
  insertPlaceholder,
  MAX_TEMPLATE,
  unknownPlaceholders,
  workflowVariables,
} from './template-variables.js';

type Step = StepOf<'send_sms'>;
type Recipient = Step['to']['kind'];

/**
 * A text message to the caller (or a fixed number): the template, with a chip per variable the
 * workflow has that puts `{{name}}` where the caret is.
 */
export function SendSmsForm({ step, onChange }: { step: Step; onChange(step: Step): void }) {
  const t = useT();
  const { store } = useInspector();
  const definition = useStore(store, (s) => s.definition);
  const variables = workflowVariables(definition);
  const unknown = unknownPlaceholders(step.template, variables);
  const templateId = useId();
  const template = useRef<HTMLTextAreaElement>(null);
  // A fixed number is only committed once one is typed (the schema takes no empty number).
  const [numberPending, setNumberPending] = useState(false);
  const recipient: Recipient = numberPending ? 'number' : step.to.kind;

  const insert = (name: string) => {
    const area = template.current;
    const at = insertPlaceholder(
      step.template,
      name,
      area?.selectionStart ?? step.template.length,
      area?.selectionEnd,
    );
    if (at.template === step.template) return;
    onChange({ ...step, template: at.template });
    // Back to typing, just after the placeholder.
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at.caret, at.caret);
    });
  };

  return (
    <>
      <SelectInput<Recipient>
        label={t('inspector.smsTo')}
        value={recipient}
        options={[
          { value: 'caller', label: t('inspector.smsToCaller') },
          { value: 'number', label: t('inspector.smsToNumber') },
        ]}
        onChange={(kind) => {
          setNumberPending(kind === 'number' && step.to.kind === 'caller');
          if (kind === 'caller' && step.to.kind !== 'caller') onChange({ ...step, to: { kind } });
        }}
      />
      {recipient === 'number' && (
        <SchemaInput
          label={t('inspector.smsNumber')}
          value={step.to.kind === 'number' ? step.to.number : ''}
          schema={phoneNumberSchema}
          invalidText={t('inspector.invalidPhone')}
          inputMode="tel"
          {...(numberPending ? { hint: t('inspector.smsNumberPending') } : {})}
          onChange={(number) => {
            setNumberPending(false);
            onChange({ ...step, to: { kind: 'number', number } });
          }}
        />
      )}
      <div className="field">
        <label htmlFor={templateId}>{t('inspector.smsTemplate')}</label>
        <textarea
          id={templateId}
          ref={template}
          rows={5}
          value={step.template}
          maxLength={MAX_TEMPLATE}
          aria-describedby={`${templateId}-count`}
          onChange={(event) => onChange({ ...step, template: event.target.value })}
        />
        <p className="field-hint" id={`${templateId}-count`}>
          {t('inspector.smsLength', { count: step.template.length, max: MAX_TEMPLATE })}
        </p>
        <ul className="chips" aria-label={t('inspector.variables')}>
          {variables.map((name) => (
            <li key={name}>
              <button
                type="button"
                className="chip chip-button"
                aria-label={t('inspector.insertVariable', { name })}
                onClick={() => insert(name)}
              >
                {`{{${name}}}`}
              </button>
            </li>
          ))}
        </ul>
        {unknown.length > 0 && (
          <p className="field-error">{t('inspector.unknownVariables', { names: unknown.join(', ') })}</p>
        )}
      </div>
    </>
  );
}
