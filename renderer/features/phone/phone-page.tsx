import { useState } from 'react';
import type { PhoneConfig } from '../../../shared/domain/phone.js';
import { useT } from '../../i18n/use-t.js';
import { CallHistoryView } from './call-history-view.js';
import { CallPanel } from './call-panel.js';
import { DialPad } from './dial-pad.js';
import { DeviceSettings } from './device-settings.js';
import { usePhoneStore } from './phone-store.js';
import { PresenceSelect } from './presence-select.js';
import { WrapUpCard } from './wrap-up-card.js';

/**
 * The agent's softphone: presence, the call (ringing with its screen pop, dialled, or in
 * progress), wrap-up, a number to call, recent calls, devices.
 */
export function PhonePage() {
  const t = useT();
  const setup = usePhoneStore((state) => state.setup);
  const call = usePhoneStore((state) => state.call);
  const wrapUp = usePhoneStore((state) => state.wrapUp);
  const error = usePhoneStore((state) => state.error);

  return (
    <div className="page phone-page">
      <header className="page-header">
        <h1>{t('phone.heading')}</h1>
        <PresenceSelect />
      </header>
      {setup.kind === 'loading' && <p className="phone-muted">{t('phone.loading')}</p>}
      {setup.kind === 'office' && <p className="card">{t('phone.needsAgent')}</p>}
      {setup.kind === 'incomplete' && <SetupGaps missing={setup.config.missing} />}
      {error && (
        <p className="field-error" role="alert">
          {t('phone.error', { message: error })}
        </p>
      )}
      {setup.kind === 'ready' && (
        <div className="phone-columns">
          <div className="phone-main">
            {call && <CallPanel call={call} />}
            {wrapUp && !call && <WrapUpCard key={wrapUp.conversationId} wrapUp={wrapUp} />}
            {!call && <DialPad />}
            <CallHistoryView />
          </div>
          <div className="phone-side">
            <DeviceSettings />
            <section className="card" aria-labelledby="phone-shortcuts-title">
              <h2 id="phone-shortcuts-title">{t('phone.shortcuts.heading')}</h2>
              <ul className="phone-shortcuts">
                <li>{t('phone.shortcuts.answer')}</li>
                <li>{t('phone.shortcuts.hangUp')}</li>
                <li>{t('phone.shortcuts.mute')}</li>
                <li>{t('phone.shortcuts.hold')}</li>
                <li>{t('phone.shortcuts.dial')}</li>
                <li>{t('phone.shortcuts.redial')}</li>
                <li>{t('phone.shortcuts.transfer')}</li>
              </ul>
            </section>
          </div>
        </div>
      )}
    </div>
  );
}

/** What the office has yet to set up, and the agent's own password field. */
function SetupGaps({ missing }: { missing: PhoneConfig['missing'] }) {
  const t = useT();
  const setSipPassword = usePhoneStore((state) => state.setSipPassword);
  const [password, setPassword] = useState('');
  return (
    <section className="card" role="status">
      <ul>
        {missing.map((gap) => (
          <li key={gap}>{t(`phone.missing.${gap}`)}</li>
        ))}
      </ul>
      {missing.includes('password') && (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void setSipPassword(password);
          }}
        >
          <label htmlFor="phone-sip-password">{t('phone.password.label')}</label>
          <input
            id="phone-sip-password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="button" disabled={password === ''}>
            {t('phone.password.save')}
          </button>
        </form>
      )}
    </section>
  );
}
