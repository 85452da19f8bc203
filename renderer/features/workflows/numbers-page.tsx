import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { NumberBinding } from '../../../shared/domain/workflows.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../stores/app-store.js';
import { Field } from '../../ui/field.js';
import { errorsFromFailure, FORM_ERROR, type FieldErrors } from '../settings/field-errors.js';

/** The form as typed: '' for "any line" and for "no workflow chosen yet". */
interface BindForm {
  number: string;
  lineId: string;
  workflowId: string;
}

const emptyForm: BindForm = { number: '', lineId: '', workflowId: '' };

/**
 * Which workflow answers each dialled number: the bindings (per line, or on any line), a form
 * to bind a number to a "customer called" workflow, and unbinding. The engine checks the
 * number; its problems show under the field.
 */
export function NumbersPage() {
  const t = useT();
  const id = useId();
  const api = useAppStore((s) => s.api);
  const workflows = useAppStore((s) => s.workflows);
  const lines = useAppStore((s) => s.lines);
  const { loadWorkflows, loadLines } = useAppStore.getState();
  const [bindings, setBindings] = useState<NumberBinding[] | null>(null);
  const [form, setForm] = useState<BindForm>(emptyForm);
  const [failure, setFailure] = useState<unknown>(null);
  const [missingWorkflow, setMissingWorkflow] = useState(false);
  const [listError, setListError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState('');
  const formRef = useRef<HTMLFormElement>(null);

  const callable = workflows.filter((w) => w.triggerKind === 'customer_called');
  const errors: FieldErrors = {
    ...(failure === null ? {} : errorsFromFailure(failure, t)),
    ...(missingWorkflow ? { workflowId: t('issue.required') } : {}),
  };
  const invalid = failure !== null || missingWorkflow;

  const refresh = useCallback(async () => {
    const [list] = await Promise.all([api.call('numbers.list'), loadWorkflows(), loadLines()]);
    setBindings(list);
  }, [api, loadWorkflows, loadLines]);

  useEffect(() => {
    refresh().catch(setListError);
  }, [refresh]);

  useEffect(() => {
    if (invalid) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [invalid, failure]);

  /** Binds (or with `workflowId` null unbinds); the workflows list shows the numbers too. */
  const bind = async (binding: { number: string; lineId: string | null; workflowId: string | null }) => {
    const list = await api.call('numbers.bind', binding);
    setBindings(list);
    await loadWorkflows();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFlash('');
    setFailure(null);
    setMissingWorkflow(form.workflowId === '');
    if (form.workflowId === '') return;
    setBusy(true);
    try {
      await bind({ number: form.number, lineId: form.lineId || null, workflowId: form.workflowId });
      const workflow = workflows.find((w) => w.id === form.workflowId)?.name ?? '';
      setFlash(t('numbers.bound', { number: form.number.trim(), workflow }));
      setForm(emptyForm);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const unbind = async (binding: NumberBinding) => {
    setFlash('');
    setListError(null);
    try {
      await bind({ number: binding.number, lineId: binding.lineId, workflowId: null });
      setFlash(t('numbers.unbound', { number: binding.number }));
    } catch (error) {
      setListError(error);
    }
  };

  const lineName = (lineId: string | null) =>
    lineId === null
      ? t('numbers.anyLine')
      : (lines.find((line) => line.id === lineId)?.displayName ?? t('numbers.unknownLine'));

  return (
    <div className="page numbers-page">
      <header className="page-header">
        <h1>{t('numbers.title')}</h1>
        <p className="section-lead">{t('numbers.lead')}</p>
      </header>

      <section className="card" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('numbers.list')}</h2>
        {listError !== null && (
          <p className="form-error" role="alert">
            {errorsFromFailure(listError, t)[FORM_ERROR]}
          </p>
        )}
        {bindings?.length === 0 && <p className="muted">{t('numbers.empty')}</p>}
        {bindings !== null && bindings.length > 0 && (
          <table className="numbers-table">
            <thead>
              <tr>
                <th scope="col">{t('numbers.number')}</th>
                <th scope="col">{t('numbers.line')}</th>
                <th scope="col">{t('numbers.workflow')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('numbers.unbind')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {bindings.map((binding) => {
                const workflow = workflows.find((w) => w.id === binding.workflowId);
                return (
                  <tr key={`${binding.number}/${binding.lineId ?? ''}`}>
                    <td className="numbers-number">{binding.number}</td>
                    <td>{lineName(binding.lineId)}</td>
                    <td>
                      {workflow ? (
                        <>
                          <Link to={`/workflows/${workflow.id}`}>{workflow.name}</Link>
                          {workflow.liveVersion === null && (
                            <span className="badge warn">{t('numbers.notPublished')}</span>
                          )}
                        </>
                      ) : (
                        t('numbers.unknownWorkflow')
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button subtle-danger"
                        aria-label={t('numbers.unbindLabel', { number: binding.number })}
                        onClick={() => void unbind(binding)}
                      >
                        {t('numbers.unbind')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby={`${id}-bind`}>
        <h2 id={`${id}-bind`}>{t('numbers.bindTitle')}</h2>
        {callable.length === 0 && <p className="muted">{t('numbers.noWorkflows')}</p>}
        <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)}>
          {invalid && (
            <p className="form-error" role="alert">
              {errors[FORM_ERROR] ?? t('common.fixFields')}
            </p>
          )}
          <div className="form-grid">
            <Field
              id={`${id}-number`}
              label={t('numbers.number')}
              hint={t('numbers.numberHint')}
              error={errors.number}
            >
              {(control) => (
                <input
                  {...control}
                  inputMode="tel"
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={21}
                  value={form.number}
                  onChange={(event) => setForm({ ...form, number: event.target.value })}
                />
              )}
            </Field>
            <Field
              id={`${id}-line`}
              label={t('numbers.line')}
              hint={t('numbers.lineHint')}
              error={errors.lineId}
            >
              {(control) => (
                <select
                  {...control}
                  value={form.lineId}
                  onChange={(event) => setForm({ ...form, lineId: event.target.value })}
                >
                  <option value="">{t('numbers.anyLine')}</option>
                  {lines.map((line) => (
                    <option key={line.id} value={line.id}>
                      {line.displayName}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id={`${id}-workflow`}
              label={t('numbers.workflow')}
              hint={t('numbers.workflowHint')}
              error={errors.workflowId}
            >
              {(control) => (
                <select
                  {...control}
                  value={form.workflowId}
                  onChange={(event) => setForm({ ...form, workflowId: event.target.value })}
                >
                  <option value="">{t('numbers.chooseWorkflow')}</option>
                  {callable.map((workflow) => (
                    <option key={workflow.id} value={workflow.id}>
                      {workflow.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={busy}>
              {t('numbers.bind')}
            </button>
          </div>
        </form>
        <p className="flash" role="status">
          {flash}
        </p>
      </section>
    </div>
  );
}
