import { useId, useState, type FormEvent } from 'react';
import type { Callback } from '../../../shared/domain/callbacks.js';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../stores/app-store.js';
import { usePhoneStore } from '../phone/phone-store.js';
import { knownCallbackResult } from './callback-state.js';
import type { InboxDirectory } from './use-inbox-directory.js';
import { useInboxFormat } from './use-inbox-format.js';

/**
 * One request to be called back: who, when, why, how the attempts went; "Call back" rings the
 * chosen agent's phone first and then the number (callbacks.start), and the outcome is recorded
 * by hand (callbacks.complete) — done, failed, or open again.
 */
export function CallbackRow({
  callback,
  directory,
  onOpenCall,
  onError,
}: {
  callback: Callback;
  directory: InboxDirectory;
  onOpenCall(callId: string): void;
  onError(error: unknown): void;
}) {
  const t = useT();
  const id = useId();
  const api = useAppStore((s) => s.api);
  const format = useInboxFormat();
  const [picked, setPicked] = useState('');
  // The agent whose phone rings first: the one picked, else someone free to talk, if anyone is.
  const agentId = directory.agents.some((a) => a.id === picked)
    ? picked
    : ((directory.agents.find((a) => a.status === 'available') ?? directory.agents[0])?.id ?? '');
  const [status, setStatus] = useState<'done' | 'failed' | 'open'>(
    callback.status === 'open' ? 'done' : 'open',
  );
  const [result, setResult] = useState('');
  const [busy, setBusy] = useState(false);
  const team = directory.teams.find((tm) => tm.id === callback.teamId)?.name;
  const known = knownCallbackResult(callback.lastResult);

  const run = (work: () => Promise<unknown>) => {
    setBusy(true);
    work()
      .catch(onError)
      .finally(() => setBusy(false));
  };
  const complete = (event: FormEvent) => {
    event.preventDefault();
    run(() => api.call('callbacks.complete', { id: callback.id, status, ...(result.trim() && { result }) }));
  };

  return (
    <li className="callback" aria-labelledby={`${id}-number`}>
      <div className="callback-head">
        <span id={`${id}-number`} className="mono callback-number">
          {callback.number}
        </span>
        <span className={`badge cb-${callback.status}`}>{t(`inbox.cb.status.${callback.status}`)}</span>
        <span className="muted">
          {t('inbox.cb.requested', { when: format.when(callback.requestedAt) })}
          {team && ` · ${team}`}
        </span>
        <button type="button" className="link-button" onClick={() => onOpenCall(callback.callId)}>
          {t('inbox.openCall')}
        </button>
      </div>
      {callback.reason && <p className="callback-reason">{callback.reason}</p>}
      <p className="muted">
        {callback.attempts === 0
          ? t('inbox.cb.noAttempts')
          : t('inbox.cb.attempts', {
              count: callback.attempts,
              result: known ? t(`inbox.cb.result.${known}`) : (callback.lastResult ?? '—'),
              when: callback.lastAttemptAt ? format.when(callback.lastAttemptAt) : '—',
            })}
      </p>
      <div className="callback-actions">
        {callback.status === 'open' && (
          <div className="inline-form">
            <label htmlFor={`${id}-agent`}>{t('inbox.cb.agent')}</label>
            <select id={`${id}-agent`} value={agentId} onChange={(e) => setPicked(e.target.value)}>
              {directory.agents.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.name} ({t(`inbox.agent.${agent.status}`)})
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button primary"
              disabled={busy || !agentId}
              onClick={() =>
                run(() => {
                  // This app's phone answers the engine's call for it by itself (one click).
                  usePhoneStore.getState().expectCallback(agentId, callback.number);
                  return api.call('callbacks.start', { id: callback.id, agentId });
                })
              }
            >
              {t('inbox.cb.start')}
            </button>
          </div>
        )}
        <form className="inline-form" onSubmit={complete}>
          <label htmlFor={`${id}-status`}>{t('inbox.cb.outcome')}</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(e) => setStatus(e.target.value as typeof status)}
          >
            <option value="done">{t('inbox.cb.status.done')}</option>
            <option value="failed">{t('inbox.cb.status.failed')}</option>
            <option value="open">{t('inbox.cb.reopen')}</option>
          </select>
          <label htmlFor={`${id}-result`} className="visually-hidden">
            {t('inbox.cb.result')}
          </label>
          <input
            id={`${id}-result`}
            value={result}
            maxLength={200}
            placeholder={t('inbox.cb.result')}
            onChange={(e) => setResult(e.target.value)}
          />
          <button type="submit" className="button" disabled={busy}>
            {t('inbox.cb.save')}
          </button>
        </form>
      </div>
    </li>
  );
}
