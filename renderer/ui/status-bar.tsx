import { PhoneStatusItem } from '../features/phone/phone-status-item.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../stores/app-store.js';
import {
  connectionText,
  connectionTone,
  engineText,
  registrationText,
  registrationTone,
  type Tone,
} from './status-text.js';

function Dot({ tone }: { tone: Tone }) {
  return <span className={`dot dot-${tone}`} aria-hidden="true" />;
}

/** The bottom bar: API connection, engine state, and each office line's registration. */
export function StatusBar() {
  const t = useT();
  const connection = useAppStore((state) => state.connection);
  const engineStatus = useAppStore((state) => state.engineStatus);
  const isConnected = connection === 'connected';

  return (
    <footer className="statusbar" aria-label={t('status.label')}>
      <span className="status-item" aria-live="polite">
        <Dot tone={connectionTone(connection)} />
        {connectionText(connection, t)}
      </span>
      <span className="status-item">{engineText(engineStatus?.state, isConnected, t)}</span>
      <PhoneStatusItem />
      {isConnected && engineStatus && (
        <span className="status-lines">
          {engineStatus.lines.length === 0 ? (
            <span className="status-item status-warn">{t('status.noLine')}</span>
          ) : (
            engineStatus.lines.map((line) => (
              <span className="status-item" key={line.lineId}>
                <Dot tone={registrationTone(line.registration.state)} />
                {t('status.lineState', {
                  name: line.displayName,
                  state: registrationText(line.registration, t),
                })}
              </span>
            ))
          )}
        </span>
      )}
    </footer>
  );
}
