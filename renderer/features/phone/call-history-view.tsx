import { useEffect, useMemo } from 'react';
import { useT } from '../../i18n/use-t.js';
import { useAppStore } from '../../stores/app-store.js';
import { dateLocale } from '../workflows/versions/version-info.js';
import { formatCallTime } from './call-clock.js';
import { checkDialString } from './dial-string.js';
import { usePhoneStore } from './phone-store.js';
import { formatPhoneNumber } from './phone-number-format.js';

/** The agent's recent calls, newest first, each with "Call" to redial it. */
export function CallHistoryView() {
  const t = useT();
  const history = usePhoneStore((state) => state.history);
  const dial = usePhoneStore((state) => state.dial);
  const refreshHistory = usePhoneStore((state) => state.refreshHistory);
  const inCall = usePhoneStore((state) => state.call !== undefined);
  const locale = useAppStore((state) => state.locale);
  // Short, so a row holds one line beside the Call button at 1280 px.
  const when = useMemo(
    () =>
      new Intl.DateTimeFormat(dateLocale(locale, navigator.language), {
        dateStyle: 'short',
        timeStyle: 'short',
      }),
    [locale],
  );
  useEffect(() => {
    void refreshHistory();
  }, [refreshHistory]);

  return (
    <section className="card phone-history" aria-labelledby="phone-history-title">
      <h2 id="phone-history-title">{t('phone.history.heading')}</h2>
      {history.length === 0 ? (
        <p className="phone-muted">{t('phone.history.empty')}</p>
      ) : (
        <div className="phone-history-scroll">
          <table className="phone-history-table">
            <thead>
              <tr>
                <th scope="col">{t('phone.history.direction')}</th>
                <th scope="col">{t('phone.history.number')}</th>
                <th scope="col">{t('phone.history.time')}</th>
                <th scope="col">{t('phone.history.duration')}</th>
                <th scope="col">{t('phone.history.outcome')}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {history.map((entry) => {
                const number = formatPhoneNumber(entry.number);
                // A withheld or odd caller id ("anonymous") cannot be called back.
                const check = checkDialString(entry.number);
                return (
                  <tr key={entry.id} data-outcome={entry.outcome}>
                    <td>{t(`phone.history.${entry.direction}`)}</td>
                    <td className="mono">{number}</td>
                    <td>{when.format(entry.startedAt)}</td>
                    <td>{entry.durationMs === null ? '—' : formatCallTime(entry.durationMs)}</td>
                    <td>{t(`phone.history.outcome.${entry.outcome}`)}</td>
                    <td>
                      <button
                        type="button"
                        className="button"
                        disabled={inCall || !check.ok}
                        aria-label={t('phone.history.call', { number })}
                        onClick={() => check.ok && void dial(check.number)}
                      >
                        {t('phone.dial.call')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
