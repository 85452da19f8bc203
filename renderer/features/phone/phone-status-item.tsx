import { useT } from '../../i18n/use-t.js';
import { usePhoneStore } from './phone-store.js';

/** The status bar's word on the agent's phone: registered, registering or NOT registered. */
export function PhoneStatusItem() {
  const t = useT();
  const setup = usePhoneStore((state) => state.setup);
  const phase = usePhoneStore((state) => state.registration?.phase);
  if (setup.kind === 'loading' || setup.kind === 'office') return null;
  const [tone, key] =
    setup.kind !== 'ready' || phase === undefined
      ? (['idle', 'phone.reg.off'] as const)
      : phase === 'registered'
        ? (['good', 'phone.reg.registered'] as const)
        : phase === 'connecting'
          ? (['busy', 'phone.reg.connecting'] as const)
          : (['bad', 'phone.reg.notRegistered'] as const);
  return (
    <span className={`status-item${tone === 'bad' ? ' status-warn' : ''}`} data-testid="phone-registration">
      <span className={`dot dot-${tone}`} aria-hidden="true" />
      {t(key)}
    </span>
  );
}
