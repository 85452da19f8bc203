import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { StepAnalytics, WorkflowVersion } from '../../../../shared/domain/workflows.js';
import { useT } from '../../../i18n/use-t.js';
import { useAppStore } from '../../../stores/app-store.js';
import type { EditorStore } from '../editor/editor-store.js';
import { useOfficeTimeZone } from '../test-call/use-office-time-zone.js';
import { analyticsView } from './analytics-decorations.js';
import { dayRange, lastDays } from './analytics-range.js';

/**
 * Real calls' step analytics on the canvas, for a range of office days and one version or all:
 * each step's badge says how many calls reached it and how many hung up there, edges widen with
 * traffic, and the steps losing the most callers are listed (a click selects one).
 */
export function AnalyticsOverlay({ store }: { store: EditorStore }) {
  const t = useT();
  const api = useAppStore((s) => s.api);
  const timeZone = useOfficeTimeZone();
  const definition = useStore(store, (s) => s.definition);
  const workflowId = useStore(store, (s) => s.workflowId);
  const [days, setDays] = useState(() => lastDays(new Date(), timeZone));
  const [versionId, setVersionId] = useState('');
  const [versions, setVersions] = useState<WorkflowVersion[]>([]);
  const [stats, setStats] = useState<StepAnalytics | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  const span = dayRange(days.from, days.to, timeZone);
  const from = span?.from;
  const to = span?.to;

  useEffect(() => {
    let cancelled = false;
    api.call('workflows.versions', { id: workflowId }).then(
      (list) => !cancelled && setVersions(list),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [api, workflowId]);

  useEffect(() => {
    if (!from || !to) return;
    let cancelled = false;
    setLoading(true);
    api
      .call('analytics.steps', { workflowId, from, to, ...(versionId && { versionId }) })
      .then(
        (result) => {
          if (cancelled) return;
          setStats(result);
          setError(null);
        },
        (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
      )
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [api, workflowId, from, to, versionId, asked]);

  const view = useMemo(
    () =>
      stats
        ? analyticsView(stats, definition, {
            badge: (reached, dropped) => t('analytics.badge', { reached, dropped }),
            calls: (calls) => t('analytics.calls', { calls }),
          })
        : null,
    [stats, definition, t],
  );
  useEffect(() => {
    store.getState().setDecorations(view?.decorations ?? null);
  }, [store, view]);
  useEffect(() => () => store.getState().setDecorations(null), [store]);

  const stepName = (id: string) => {
    const step = definition.steps.find((s) => s.id === id);
    return step ? step.name.trim() || t(`step.${step.kind}`) : id;
  };

  return (
    <div className="analytics-overlay">
      <fieldset className="analytics-range">
        <legend>{t('analytics.range')}</legend>
        <div className="field">
          <label htmlFor="analytics-from">{t('analytics.from')}</label>
          <input
            id="analytics-from"
            type="date"
            value={days.from}
            onChange={(event) => setDays({ ...days, from: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="analytics-to">{t('analytics.to')}</label>
          <input
            id="analytics-to"
            type="date"
            value={days.to}
            onChange={(event) => setDays({ ...days, to: event.target.value })}
          />
        </div>
        <div className="field field-wide">
          <label htmlFor="analytics-version">{t('analytics.version')}</label>
          <select
            id="analytics-version"
            value={versionId}
            onChange={(event) => setVersionId(event.target.value)}
          >
            <option value="">{t('analytics.allVersions')}</option>
            {versions.map((version) => (
              <option key={version.id} value={version.id}>
                {t('analytics.versionNumber', { number: version.number })}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button" disabled={!span} onClick={() => setAsked((n) => n + 1)}>
          {t('analytics.refresh')}
        </button>
      </fieldset>
      {!span && (
        <p className="form-error" role="alert">
          {t('analytics.badRange')}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {t('error.generic', { message: error })}
        </p>
      )}
      <p className="analytics-summary" role="status" aria-busy={loading}>
        {loading ? t('analytics.loading') : stats ? t('analytics.calls', { calls: stats.calls }) : ''}
      </p>
      <p className="field-hint">{t('analytics.onCanvas')}</p>
      {view && (
        <section className="analytics-worst" aria-labelledby="analytics-worst-heading">
          <h3 id="analytics-worst-heading">{t('analytics.worst')}</h3>
          {view.worst.length === 0 ? (
            <p className="muted">{t('analytics.noDrops')}</p>
          ) : (
            <ol>
              {view.worst.map((drop) => (
                <li key={drop.stepId}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => store.getState().select([drop.stepId])}
                  >
                    {t('analytics.dropLine', {
                      step: stepName(drop.stepId),
                      dropped: drop.dropped,
                      reached: drop.reached,
                      percent: Math.round(drop.rate * 100),
                    })}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
