import { Link, useLocation } from 'react-router';
import { useT } from '../../i18n/use-t.js';
import { usePhoneStore } from './phone-store.js';

/** A ringing call seen from any other page: who it is, answer at once, or open the phone. */
export function IncomingCallBar() {
  const t = useT();
  const { pathname } = useLocation();
  const call = usePhoneStore((state) => state.call);
  const answer = usePhoneStore((state) => state.answer);
  if (call?.phase !== 'ringing' || pathname === '/phone') return null;
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
