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
        <Field
          id={fieldId('displayName')}
          label={t('lineForm.displayName')}
          hint={t('lineForm.displayNameHint')}
          error={errors.displayName}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={80}
              autoComplete="off"
              value={values.displayName}
              onChange={(event) => change('displayName', event.target.value)}
            />
          )}
        </Field>
        <Field
          id={fieldId('registrar')}
          label={t('lineForm.registrar')}
          hint={t('lineForm.registrarHint')}
          error={errors.registrar}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="pbx.example.com:5060"
              value={values.registrar}
              onChange={(event) => change('registrar', event.target.value)}
            />
          )}
        </Field>
        <Field id={fieldId('username')} label={t('lineForm.username')} error={errors.username}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={values.username}
              onChange={(event) => change('username', event.target.value)}
            />
          )}
        </Field>
        <Field
          id={fieldId('authUsername')}
          label={t('lineForm.authUsername')}
          hint={t('lineForm.authUsernameHint')}
          error={errors.authUsername}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={values.authUsername}
              onChange={(event) => change('authUsername', event.target.value)}
            />
          )}
        </Field>
        <Field
          id={fieldId('password')}
          label={t('lineForm.password')}
          hint={passwordHint}
          error={errors.password}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={values.password}
              onChange={(event) => change('password', event.target.value)}
            />
          )}
        </Field>
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
