import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { WorkflowVersion } from '../../../../shared/domain/workflows.js';
import type { WorkflowDefinition } from '../../../../shared/workflow/workflow.js';
import { useT } from '../../../i18n/use-t.js';
import { useAppStore } from '../../../stores/app-store.js';
import type { EditorStore } from '../editor/editor-store.js';
import { DiffList, type Comparison } from './diff-list.js';
import { calendarChanges, diffDecorations } from './version-diff.js';
import { dateLocale, formatWhen, restoredFromNumber } from './version-info.js';

/** A side of the comparison: a version's id, or the draft being edited. */
const DRAFT = 'draft';

/**
 * The editor's versions panel: publish with a note, the published versions (newest first, the
 * live one marked), two of them (or one and the draft) compared as a list and as marks on the
 * canvas, and rollback to an old version. The marks go when the panel closes.
 */
export function VersionsDrawer({ store, onClose }: { store: EditorStore; onClose(): void }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const api = useAppStore((s) => s.api);
  const workflowId = useStore(store, (s) => s.workflowId);
  const blocked = useStore(store, (s) => s.issues.some((issue) => issue.severity === 'error'));
  const id = useId();

  const [versions, setVersions] = useState<WorkflowVersion[] | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'publish' | 'compare' | 'rollback' | null>(null);
  const [flash, setFlash] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(DRAFT);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  /** Published definitions never change: fetched once each. */
  const definitions = useRef(new Map<string, WorkflowDefinition>());

  const fail = useCallback(
    (e: unknown) => setError(t('error.generic', { message: e instanceof Error ? e.message : String(e) })),
    [t],
  );

  const loadVersions = useCallback(async () => {
    const list = await api.call('workflows.versions', { id: workflowId });
    setVersions(list);
    const ids = new Set(list.map((v) => v.id));
    // Compare from the live version by default; keep a choice that still exists.
    setFrom((chosen) => (ids.has(chosen) ? chosen : ((list.find((v) => v.live) ?? list[0])?.id ?? '')));
    setTo((chosen) => (chosen === DRAFT || ids.has(chosen) ? chosen : DRAFT));
  }, [api, workflowId]);

  useEffect(() => {
    loadVersions().catch(fail);
  }, [loadVersions, fail]);

  // The diff's marks on the canvas, in the current language; gone when the panel closes.
  useEffect(() => {
    if (!comparison) return;
    const badges = {
      added: t('versions.badge.added'),
      changed: t('versions.badge.changed'),
      removed: t('versions.badge.removed'),
    };
    store.getState().setDecorations(diffDecorations(comparison.diff, store.getState().definition, badges));
    return () => store.getState().setDecorations(null);
  }, [comparison, store, t]);

  const label = (side: string): string => {
    if (side === DRAFT) return t('versions.draft');
    const number = versions?.find((v) => v.id === side)?.number ?? 0;
    return t('versions.number', { number });
  };

  const definitionOf = async (side: string): Promise<WorkflowDefinition> => {
    if (side === DRAFT) return store.getState().definition;
    const known = definitions.current.get(side);
    if (known) return known;
    const { definition } = await api.call('workflows.version', { versionId: side });
    definitions.current.set(side, definition);
    return definition;
  };

  const publish = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy('publish');
    setError(null);
    setFlash('');
    try {
      const version = await store.getState().publish(note);
      setNote('');
      setFlash(t('editor.published', { version }));
      await loadVersions();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const compare = async () => {
    if (!from || !to) return;
    setBusy('compare');
    setError(null);
    try {
      // The engine diffs the draft it has: send it the one on the canvas first.
      if (from === DRAFT || to === DRAFT) await store.getState().save();
      const ref = (side: string) => (side === DRAFT ? { draftOf: workflowId } : { versionId: side });
      const [diff, before, after] = await Promise.all([
        api.call('workflows.diff', { from: ref(from), to: ref(to) }),
        definitionOf(from),
        definitionOf(to),
      ]);
      setComparison({
        fromLabel: label(from),
        toLabel: label(to),
        before,
        after,
        diff,
        calendars: calendarChanges(before.calendars, after.calendars),
      });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const rollback = async (version: WorkflowVersion) => {
    if (!window.confirm(t('versions.rollbackConfirm', { number: version.number }))) return;
    setBusy('rollback');
    setError(null);
    setFlash('');
    try {
      // Let a save under way land first, so that it cannot overwrite the restored draft.
      await store.getState().save();
      const restored = await api.call('workflows.rollback', { id: workflowId, versionId: version.id });
      store.getState().reload(await api.call('workflows.get', { id: workflowId }));
      setComparison(null);
      setFlash(t('versions.rolledBack', { from: version.number, number: restored.number }));
      await loadVersions();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const tag = dateLocale(locale, typeof navigator === 'undefined' ? undefined : navigator.language);

  return (
    <section className="versions-drawer" aria-labelledby={`${id}-title`}>
      <header className="versions-header">
        <h2 id={`${id}-title`}>{t('versions.title')}</h2>
        <button type="button" className="button" aria-label={t('versions.close')} onClick={onClose}>
          ×
        </button>
      </header>

      <form className="versions-publish" onSubmit={(event) => void publish(event)}>
        <h3>{t('versions.publishTitle')}</h3>
        <label htmlFor={`${id}-note`}>{t('editor.publishNote')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          maxLength={500}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <button
          type="submit"
          className="button primary"
          disabled={busy !== null || blocked}
          title={blocked ? t('editor.publishBlocked') : undefined}
        >
          {busy === 'publish' ? t('versions.publishing') : t('versions.publishButton')}
        </button>
      </form>
      <p className="flash" role="status">
        {flash}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      <section aria-labelledby={`${id}-history`}>
        <h3 id={`${id}-history`}>{t('versions.history')}</h3>
        {versions?.length === 0 && <p className="muted">{t('versions.empty')}</p>}
        <ol className="version-list" aria-busy={versions === null}>
          {versions?.map((version) => {
            const restored = restoredFromNumber(version, versions);
            return (
              <li key={version.id} className={`version-item${version.live ? ' live' : ''}`}>
                <div className="version-head">
                  <strong>{t('versions.number', { number: version.number })}</strong>
                  {version.live && <span className="badge good">{t('versions.live')}</span>}
                  {!version.live && (
                    <button
                      type="button"
                      className="button"
                      disabled={busy !== null}
                      aria-label={t('versions.rollbackTo', { number: version.number })}
                      onClick={() => void rollback(version)}
                    >
                      {t('versions.rollback')}
                    </button>
                  )}
                </div>
                <p className="version-note">
                  {version.note || <span className="muted">{t('versions.noNote')}</span>}
                </p>
                {restored !== null && (
                  <p className="muted">{t('versions.restoredFrom', { number: restored })}</p>
                )}
                <p className="muted">
                  {t('versions.byAt', {
                    author: version.author,
                    when: formatWhen(version.publishedAt, tag),
                  })}
                </p>
              </li>
            );
          })}
        </ol>
      </section>

      {versions !== null && versions.length > 0 && (
        <section className="versions-compare" aria-labelledby={`${id}-compare`}>
          <h3 id={`${id}-compare`}>{t('versions.compareTitle')}</h3>
          <div className="versions-sides">
            <div className="versions-side">
              <label htmlFor={`${id}-from`}>{t('versions.from')}</label>
              <select id={`${id}-from`} value={from} onChange={(event) => setFrom(event.target.value)}>
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {t('versions.number', { number: v.number })}
                  </option>
                ))}
                <option value={DRAFT}>{t('versions.draft')}</option>
              </select>
            </div>
            <div className="versions-side">
              <label htmlFor={`${id}-to`}>{t('versions.to')}</label>
              <select id={`${id}-to`} value={to} onChange={(event) => setTo(event.target.value)}>
                <option value={DRAFT}>{t('versions.draft')}</option>
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {t('versions.number', { number: v.number })}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={busy !== null || from === to}
              onClick={() => void compare()}
            >
              {t('versions.compare')}
            </button>
            {comparison && (
              <button type="button" className="button" onClick={() => setComparison(null)}>
                {t('versions.hide')}
              </button>
            )}
          </div>
          {comparison && <DiffList comparison={comparison} t={t} locale={locale} />}
        </section>
      )}
    </section>
  );
}
