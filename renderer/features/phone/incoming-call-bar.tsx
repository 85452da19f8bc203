import { Link, useLocation } from 'react-router';
import { useT } from '../../i18n/use-t.js';
import { formatPhoneNumber } from './phone-number-format.js';
import { usePhoneStore } from './phone-store.js';

/**
 * The phone seen from any other page: a ringing call (who it is, answer at once, or open the
 * phone), or the callback the agent just started from the inbox, which the phone answered by
 * itself (whom it calls, hang up, or open the phone).
 */
export function IncomingCallBar() {
  const t = useT();
  const { pathname } = useLocation();
  const call = usePhoneStore((state) => state.call);
  const answer = usePhoneStore((state) => state.answer);
  const hangUp = usePhoneStore((state) => state.hangUp);
  if (!call || pathname === '/phone') return null;
  if (call.callbackNumber !== undefined) {
    return (
      <div className="phone-incoming-bar" role="status">
        <span>{t('phone.callingBack', { number: formatPhoneNumber(call.callbackNumber) })}</span>
        <button type="button" className="button danger" onClick={() => void hangUp()}>
          {t('phone.hangUp')}
        </button>
        <Link to="/phone">{t('phone.openPhone')}</Link>
      </div>
    );
  }
  if (call.phase !== 'ringing') return null;
  return (
    <div className="phone-incoming-bar" role="alert">
      <span>{t('phone.notify.title', { caller: call.pop?.caller ?? call.session.remoteIdentity })}</span>
      <button type="button" className="button primary" onClick={() => void answer()}>
        {t('phone.answer')}
      </button>
      <Link to="/phone">{t('phone.openPhone')}</Link>
    </div>
  );
}
