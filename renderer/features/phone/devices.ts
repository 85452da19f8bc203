/** The three audio devices an agent chooses separately: the ringer can ring on the speakers while calls go to a headset. */
export type DeviceRole = 'microphone' | 'speaker' | 'ringer';
export type DeviceChoice = Record<DeviceRole, string>;

const STORAGE_KEY = 'switchboard.phone.devices';
const DEFAULT_CHOICE: DeviceChoice = { microphone: 'default', speaker: 'default', ringer: 'default' };

/** The kind of MediaDeviceInfo each role uses. */
export const roleKind: Record<DeviceRole, MediaDeviceKind> = {
  microphone: 'audioinput',
  speaker: 'audiooutput',
  ringer: 'audiooutput',
};

/** The remembered choice, or the system default per role when none (or garbage) is stored. */
export function loadDeviceChoice(storage: Pick<Storage, 'getItem'> | undefined): DeviceChoice {
  try {
    const stored: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return { ...DEFAULT_CHOICE };
    const choice = { ...DEFAULT_CHOICE };
    for (const role of Object.keys(DEFAULT_CHOICE) as DeviceRole[]) {
      const value = (stored as Record<string, unknown>)[role];
      if (typeof value === 'string' && value.length > 0 && value.length < 300) choice[role] = value;
    }
    return choice;
  } catch {
    return { ...DEFAULT_CHOICE };
  }
}

export function saveDeviceChoice(storage: Pick<Storage, 'setItem'> | undefined, choice: DeviceChoice): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(choice));
  } catch {
    // Private mode or full storage: the choice lasts for this session only.
  }
}

/**
 * The device to use for a role: the remembered one while it is plugged in, else the default
 * (a headset unplugged since yesterday must not leave the phone mute).
 */
export function effectiveDevice(
  role: DeviceRole,
  choice: DeviceChoice,
  devices: readonly Pick<MediaDeviceInfo, 'deviceId' | 'kind'>[],
): string {
  const wanted = choice[role];
  return devices.some((d) => d.kind === roleKind[role] && d.deviceId === wanted) ? wanted : 'default';
}
