import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Line } from '../../../shared/domain/line.js';
import type { FieldIssue } from '../../../shared/rpc/errors.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../stores/app-store.js';
import { CheckboxField, Field } from '../../ui/field.js';
import { errorsFromFailure, fieldErrorsFromIssues, FORM_ERROR, type FieldErrors } from './field-errors.js';
import {
  checkLineForm,
  emptyLineForm,
  lineToForm,
  splitNumbers,
  type LineFormValues,
} from './line-form-model.js';

export interface LineFormProps {
  /** The line to edit; absent to add one. */
  line?: Line;
  onSaved(line: Line): void;
  onCancel(): void;
}

/** What went wrong on the last submit; turned into words at render time, in the current locale. */
type Failure = { kind: 'issues'; issues: FieldIssue[] } | { kind: 'error'; error: unknown };

/**
 * Adds or edits an office line. The password is write-only: the field starts empty, and left
 * empty on an existing line it keeps the stored one. Checked with the engine's own schema
 * first, then by the engine; either way each problem shows under its field.
 */
export function LineForm({ line, onSaved, onCancel }: LineFormProps) {
  const t = useT();
  const id = useId();
  const saveLine = useAppStore((state) => state.saveLine);
  const [values, setValues] = useState<LineFormValues>(() => (line ? lineToForm(line) : emptyLineForm));
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const context = { numbers: splitNumbers(values.numbers) };
  const errors: FieldErrors =
    failure === null
      ? {}
      : failure.kind === 'issues'
        ? fieldErrorsFromIssues(failure.issues, t, context)
        : errorsFromFailure(failure.error, t, context);

  useEffect(() => {
    if (failure === null) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failure]);

  const change = <K extends keyof LineFormValues>(key: K, value: LineFormValues[K]): void =>
    setValues((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const check = checkLineForm(values, line?.id);
    if (!check.ok) {
      setFailure({ kind: 'issues', issues: check.issues });
      return;
    }
    setSaving(true);
    setFailure(null);
    let saved: Line;
    try {
      saved = await saveLine(check.input);
    } catch (error) {
      setFailure({ kind: 'error', error });
      return;
    } finally {
      setSaving(false);
    }
    onSaved(saved);
  }

  const fieldId = (name: keyof LineFormValues): string => `${id}-${name}`;
  const title = line ? t('lineForm.editTitle', { name: line.displayName }) : t('lineForm.addTitle');
  const passwordHint =
    line?.hasPassword === true ? t('lineForm.passwordKeepHint') : t('lineForm.passwordNewHint');

  const textField = (
    name: 'displayName' | 'registrar' | 'username' | 'authUsername' | 'password',
    options: {
      hint?: string;
      type?: 'text' | 'password';
      inputMode?: 'url';
      placeholder?: string;
      maxLength?: number;
      autoComplete?: string;
    } = {},
  ) => (
    <Field id={fieldId(name)} label={t(`lineForm.${name}`)} hint={options.hint} error={errors[name]}>
      {(control) => (
        <input
          {...control}
          type={options.type ?? 'text'}
          autoComplete={options.autoComplete ?? 'off'}
          spellCheck={false}
          inputMode={options.inputMode}
          placeholder={options.placeholder}
          maxLength={options.maxLength}
          value={values[name]}
          onChange={(event) => change(name, event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form
      ref={formRef}
      className="form line-form"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      {Object.keys(errors).length > 0 && (
        <p className="form-error" role="alert">
          {errors[FORM_ERROR] ?? t('common.fixFields')}
        </p>
      )}
      <div className="form-grid">
        {textField('displayName', { hint: t('lineForm.displayNameHint'), maxLength: 80 })}
        {textField('registrar', {
          hint: t('lineForm.registrarHint'),
          inputMode: 'url',
          placeholder: 'pbx.example.com:5060',
        })}
        {textField('username')}
        {textField('authUsername', { hint: t('lineForm.authUsernameHint') })}
        {textField('password', { hint: passwordHint, type: 'password', autoComplete: 'new-password' })}
        <Field id={fieldId('transport')} label={t('lineForm.transport')} error={errors.transport}>
          {(control) => (
            <select
              {...control}
              value={values.transport}
              onChange={(event) => change('transport', event.target.value === 'tcp' ? 'tcp' : 'udp')}
            >
              <option value="udp">{t('transport.udp')}</option>
              <option value="tcp">{t('transport.tcp')}</option>
            </select>
          )}
        </Field>
        <Field
          id={fieldId('handoff')}
          label={t('lineForm.handoff')}
          hint={t('lineForm.handoffHint')}
          error={errors.handoff}
        >
          {(control) => (
            <select
              {...control}
              value={values.handoff}
              onChange={(event) => change('handoff', event.target.value === 'refer' ? 'refer' : 'bridge')}
            >
              <option value="bridge">{t('handoff.bridge')}</option>
              <option value="refer">{t('handoff.refer')}</option>
            </select>
          )}
        </Field>
        <Field
          id={fieldId('numbers')}
          label={t('lineForm.numbers')}
          hint={t('lineForm.numbersHint')}
          error={errors.numbers}
          className="field-wide"
        >
          {(control) => (
            <textarea
              {...control}
              rows={2}
              spellCheck={false}
              value={values.numbers}
              onChange={(event) => change('numbers', event.target.value)}
            />
          )}
        </Field>
        <CheckboxField
          id={fieldId('enabled')}
          label={t('lineForm.enabled')}
          hint={t('lineForm.enabledHint')}
          checked={values.enabled}
          onChange={(checked) => change('enabled', checked)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={saving}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
