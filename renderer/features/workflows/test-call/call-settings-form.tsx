import type { Team } from '../../../../shared/domain/teams.js';
import { useT } from '../../../i18n/use-t.js';
import {
  DEFAULT_QUEUE,
  farEnds,
  type CallSettings,
  type FarEnd,
  type QueueOverride,
} from './call-settings.js';

const PHONE_PATTERN = '\\+?[0-9]{0,20}';

/** The test call's settings: numbers, the clock, each team's queue, what agents do. */
export function CallSettingsForm({
  settings,
  teams,
  timeZone,
  onChange,
}: {
  settings: CallSettings;
  teams: readonly Team[];
  timeZone: string;
  onChange(settings: CallSettings): void;
}) {
  const t = useT();
  const set = (patch: Partial<CallSettings>) => onChange({ ...settings, ...patch });
  const setQueue = (teamId: string, patch: Partial<QueueOverride>) =>
    set({
      queues: { ...settings.queues, [teamId]: { ...(settings.queues[teamId] ?? DEFAULT_QUEUE), ...patch } },
    });
  const count = (value: string) => Math.max(0, Math.min(10_000, Math.trunc(Number(value) || 0)));
  return (
    <details className="call-settings" open>
      <summary>{t('testCall.settings')}</summary>
      <div className="call-settings-grid">
        <div className="field">
          <label htmlFor="test-call-caller">{t('testCall.caller')}</label>
          <input
            id="test-call-caller"
            type="text"
            inputMode="tel"
            pattern={PHONE_PATTERN}
            value={settings.caller}
            onChange={(event) => set({ caller: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="test-call-dialled">{t('testCall.dialled')}</label>
          <input
            id="test-call-dialled"
            type="text"
            inputMode="tel"
            pattern={PHONE_PATTERN}
            value={settings.dialled}
            onChange={(event) => set({ dialled: event.target.value })}
          />
        </div>
        <div className="field field-wide">
          <label htmlFor="test-call-clock">{t('testCall.clock', { timeZone })}</label>
          <input
            id="test-call-clock"
            type="datetime-local"
            aria-describedby="test-call-clock-hint"
            value={settings.clock}
            onChange={(event) => set({ clock: event.target.value })}
          />
          <p className="field-hint" id="test-call-clock-hint">
            {t('testCall.clockHint')}
          </p>
        </div>
        <div className="field field-wide">
          <label htmlFor="test-call-far-end">{t('testCall.farEnd')}</label>
          <select
            id="test-call-far-end"
            value={settings.farEnd}
            onChange={(event) => set({ farEnd: event.target.value as FarEnd })}
          >
            {farEnds.map((farEnd) => (
              <option key={farEnd} value={farEnd}>
                {t(`testCall.farEnd.${farEnd}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <table className="queue-table">
        <caption>{t('testCall.queues')}</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('testCall.agentsAvailable')}</th>
            <th scope="col">{t('testCall.callsWaiting')}</th>
          </tr>
        </thead>
        <tbody>
          {teams.length === 0 && (
            <tr>
              <td colSpan={3} className="muted">
                {t('testCall.noTeams')}
              </td>
            </tr>
          )}
          {teams.map((team) => {
            const queue = settings.queues[team.id] ?? DEFAULT_QUEUE;
            return (
              <tr key={team.id}>
                <th scope="row">{team.name}</th>
                <td>
                  <input
                    type="number"
                    min={0}
                    max={10_000}
                    aria-label={`${team.name}: ${t('testCall.agentsAvailable')}`}
                    value={queue.agentsAvailable}
                    onChange={(event) => setQueue(team.id, { agentsAvailable: count(event.target.value) })}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    min={0}
                    max={10_000}
                    aria-label={`${team.name}: ${t('testCall.callsWaiting')}`}
                    value={queue.callsWaiting}
                    onChange={(event) => setQueue(team.id, { callsWaiting: count(event.target.value) })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
