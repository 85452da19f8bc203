import { useT } from '../../i18n/use-t.js';
import { usePhoneStore } from './phone-store.js';

/** A loud line across the page while the agent's phone cannot receive calls. */
export function RegistrationBanner() {
  const t = useT();
  const setup = usePhoneStore((state) => state.setup);
  const registration = usePhoneStore((state) => state.registration);
  const retryNow = usePhoneStore((state) => state.retryNow);
  if (setup.kind !== 'ready' || registration?.phase !== 'not_registered') return null;
  return (
    <div className="phone-banner" role="alert">
      <span>{t(`phone.banner.${registration.reason ?? 'failed'}`)}</span>
      <button type="button" className="button" onClick={retryNow}>
        {t('phone.banner.retryNow')}
      </button>
    </div>
  );
}
