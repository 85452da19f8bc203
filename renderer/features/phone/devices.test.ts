import { describe, expect, it } from 'vitest';
import { effectiveDevice, loadDeviceChoice, saveDeviceChoice } from './devices.js';

describe('device choice', () => {
  it('is remembered per role and falls back to the default when unplugged or unreadable', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    expect(loadDeviceChoice(storage)).toEqual({
      microphone: 'default',
      speaker: 'default',
      ringer: 'default',
    });
    saveDeviceChoice(storage, { microphone: 'mic1', speaker: 'head', ringer: 'desk' });
    const choice = loadDeviceChoice(storage);
    expect(choice).toEqual({ microphone: 'mic1', speaker: 'head', ringer: 'desk' });
    const devices = [
      { deviceId: 'mic1', kind: 'audioinput' as const },
      { deviceId: 'desk', kind: 'audiooutput' as const },
    ];
    expect(effectiveDevice('microphone', choice, devices)).toBe('mic1');
    expect(effectiveDevice('speaker', choice, devices)).toBe('default');
    expect(effectiveDevice('ringer', choice, devices)).toBe('desk');
    store.set('switchboard.phone.devices', '{not json');
    expect(loadDeviceChoice(storage).ringer).toBe('default');
  });
});
