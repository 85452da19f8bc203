import { useEffect } from 'react';
import { useAppStore } from '../../stores/app-store.js';
import { IncomingCallBar } from './incoming-call-bar.js';
import { RegistrationBanner } from './registration-banner.js';
import { usePhoneShortcuts } from './use-phone-shortcuts.js';
import { usePhoneStore } from './phone-store.js';

/**
 * Keeps the agent's phone running on every page (a call must ring wherever the agent is) and
 * says at the top of every page when it is not registered or a call rings. Renders nothing in the office's own
 * window, which has no agent to register as.
 */
export function PhoneHost() {
  const connection = useAppStore((state) => state.connection);
  const api = useAppStore((state) => state.api);
  const start = usePhoneStore((state) => state.start);
  usePhoneShortcuts();

  useEffect(() => {
    // Again after each reconnect: the office may have changed the PBX address or the password.
    if (connection === 'connected') void start(api);
  }, [connection, api, start]);
  useEffect(() => () => void usePhoneStore.getState().stop(), []);

  return (
    <>
      <RegistrationBanner />
      <IncomingCallBar />
    </>
  );
}
