import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t.js';
import { Field } from '../../ui/field.js';
import { roleKind, type DeviceRole } from './devices.js';
import { LevelBar } from './level-bar.js';
import { usePhoneStore } from './phone-store.js';
import { useLevel } from './use-level.js';

const ROLES: DeviceRole[] = ['microphone', 'speaker', 'ringer'];

/** Microphone, call speaker and ringer, chosen apart and remembered; a test tone and a mic check. */
export function DeviceSettings() {
  const t = useT();
  const devices = usePhoneStore((state) => state.devices);
  const choice = usePhoneStore((state) => state.choice);
  const chooseDevice = usePhoneStore((state) => state.chooseDevice);
  const refreshDevices = usePhoneStore((state) => state.refreshDevices);
  const testTone = usePhoneStore((state) => state.testTone);
  const [micStream, setMicStream] = useState<MediaStream | undefined>();
  const micLevel = useLevel(micStream);

  useEffect(() => {
    navigator.mediaDevices.addEventListener('devicechange', refreshDevices);
    return () => navigator.mediaDevices.removeEventListener('devicechange', refreshDevices);
  }, [refreshDevices]);
  useEffect(() => () => micStream?.getTracks().forEach((track) => track.stop()), [micStream]);

  const toggleMicCheck = async (): Promise<void> => {
    if (micStream) return setMicStream(undefined);
    const id = choice.microphone;
    setMicStream(
      await navigator.mediaDevices.getUserMedia({
        audio: id === 'default' ? true : { deviceId: { exact: id } },
      }),
    );
    // Labels appear only once the page may use the microphone.
    void refreshDevices();
  };

  return (
    <section className="card phone-devices" aria-labelledby="phone-devices-title">
      <h2 id="phone-devices-title">{t('phone.devices.heading')}</h2>
      {ROLES.map((role) => (
        <Field key={role} id={`phone-device-${role}`} label={t(`phone.devices.${role}`)}>
          {(control) => (
            <select {...control} value={choice[role]} onChange={(e) => chooseDevice(role, e.target.value)}>
              <option value="default">{t('phone.devices.default')}</option>
              {devices
                .filter((d) => d.kind === roleKind[role] && d.deviceId !== 'default' && d.deviceId !== '')
                .map((d) => (
                  <option key={d.deviceId} value={d.deviceId}>
                    {d.label || d.deviceId.slice(0, 8)}
                  </option>
                ))}
            </select>
          )}
        </Field>
      ))}
      <div className="button-row">
        <button type="button" className="button" onClick={testTone}>
          {t('phone.devices.testTone')}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={micStream !== undefined}
          onClick={() => void toggleMicCheck()}
        >
          {micStream ? t('phone.devices.micStop') : t('phone.devices.micCheck')}
        </button>
      </div>
      {micStream && <LevelBar label={t('phone.meter.mic')} level={micLevel} />}
    </section>
  );
}
