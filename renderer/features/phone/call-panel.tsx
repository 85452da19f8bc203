import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t.js';
import { formatCallTime } from './call-clock.js';
import { LevelBar } from './level-bar.js';
import { formatPhoneNumber } from './phone-number-format.js';
import { transferIdle, usePhoneStore, type ActiveCall } from './phone-store.js';
import { ScreenPopCard } from './screen-pop-card.js';
import { TransferPanel } from './transfer-panel.js';
import { useLevel } from './use-level.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/**
 * The ringing call with its screen pop, the outgoing call being dialled, or the call in progress
 * with its controls and transfer.
 */
export function CallPanel({ call }: { call: ActiveCall }) {
  const t = useT();
  const phone = usePhoneStore();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, []);
  const talking = call.phase === 'talking';
  const micLevel = useLevel(talking ? call.session.localStream : undefined);
  const callerLevel = useLevel(talking ? call.session.remoteStream : undefined);
  const who = formatPhoneNumber(call.pop?.caller ?? call.session.remoteIdentity);
  const canTransfer = talking && transferIdle(call.transfer);
  // Routed calls have a screen pop; the agent's own calls and callbacks do not need one.
  const routed = call.session.direction === 'inbound' && call.callbackNumber === undefined;

  return (
    <section className="card phone-call" aria-labelledby="phone-call-title" data-phase={call.phase}>
      <h2 id="phone-call-title">
        {call.callbackNumber !== undefined
          ? t('phone.callingBack', { number: formatPhoneNumber(call.callbackNumber) })
          : call.phase === 'ringing'
            ? t('phone.incoming')
            : call.phase === 'dialing'
              ? t('phone.dialing', { who })
              : call.phase === 'connecting'
                ? t('phone.connecting')
                : t('phone.talking', { who })}
        {talking && call.talkingSince !== undefined && (
          <span className="phone-timer" data-testid="call-timer">
            {formatCallTime(now - call.talkingSince)}
          </span>
        )}
      </h2>
      {(call.held || call.muted) && (
        <p className="phone-flags">
          {call.held && <span className="phone-flag">{t('phone.onHold')}</span>}
          {call.muted && <span className="phone-flag">{t('phone.muted')}</span>}
        </p>
      )}
      {routed && <ScreenPopCard pop={call.pop} waitEnd={call.talkingSince ?? now} />}
      {call.phase === 'ringing' ? (
        <div className="button-row">
          <button type="button" className="button primary" onClick={() => void phone.answer()}>
            {t('phone.answer')}
          </button>
          <button type="button" className="button danger" onClick={() => void phone.decline()}>
            {t('phone.decline')}
          </button>
        </div>
      ) : (
        <>
          <div className="button-row">
            <button
              type="button"
              className="button"
              aria-pressed={call.muted}
              disabled={!talking}
              onClick={phone.toggleMute}
            >
              {call.muted ? t('phone.unmute') : t('phone.mute')}
            </button>
            <button
              type="button"
              className="button"
              aria-pressed={call.held}
              disabled={!canTransfer}
              onClick={() => void phone.toggleHold()}
            >
              {call.held ? t('phone.unhold') : t('phone.hold')}
            </button>
            <button
              type="button"
              className="button"
              aria-expanded={phone.transferOpen}
              disabled={!canTransfer}
              onClick={() => phone.setTransferOpen(!phone.transferOpen)}
            >
              {t('phone.transfer.open')}
            </button>
            <button type="button" className="button danger" onClick={() => void phone.hangUp()}>
              {t('phone.hangUp')}
            </button>
          </div>
          {(phone.transferOpen || !transferIdle(call.transfer)) && <TransferPanel call={call} />}
          <LevelBar label={t('phone.meter.mic')} level={call.muted || call.held ? 0 : micLevel} />
          <LevelBar label={t('phone.meter.caller')} level={callerLevel} />
          <div className="phone-keypad" role="group" aria-label={t('phone.keypad')}>
            {KEYS.map((key) => (
              <button
                key={key}
                type="button"
                className="button"
                disabled={!talking || call.held}
                onClick={() => phone.sendDigit(key)}
              >
                {key}
              </button>
            ))}
          </div>
          {call.keysSent !== '' && (
            <p className="phone-muted">{t('phone.sentKeys', { keys: call.keysSent })}</p>
          )}
        </>
      )}
    </section>
  );
}
