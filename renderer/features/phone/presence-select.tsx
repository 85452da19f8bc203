import type { Presence } from '../../../shared/domain/agents.js';
import { useT } from '../../i18n/use-t.js';
import { usePhoneStore } from './phone-store.js';

/** The agent's chosen presence, and what calls make of it (ringing, on a call, wrap-up). */
export function PresenceSelect() {
  const t = useT();
  const agent = usePhoneStore((state) => state.agent);
  const setPresence = usePhoneStore((state) => state.setPresence);
  if (!agent) return null;
  const derived =
    agent.status === 'ringing'
      ? 'phone.status.ringing'
      : agent.status === 'busy'
        ? 'phone.status.busy'
        : agent.status === 'wrap_up'
          ? 'phone.status.wrapUp'
          : undefined;
  return (
    <div className="phone-presence">
      <label htmlFor="phone-presence">{t('phone.presence.label')}</label>
      <select
        id="phone-presence"
        value={agent.presence}
        onChange={(e) => void setPresence(e.target.value as Presence)}
      >
        <option value="available">{t('phone.presence.available')}</option>
        <option value="away">{t('phone.presence.away')}</option>
        <option value="offline">{t('phone.presence.offline')}</option>
      </select>
      {derived && (
        <span className="phone-flag" data-testid="agent-status">
          {t(derived)}
        </span>
      )}
    </div>
  );
}
