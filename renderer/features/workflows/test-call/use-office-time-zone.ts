import { useEffect } from 'react';
import { useAppStore } from '../../../stores/app-store.js';

/** The engine's default office zone, used until the settings have loaded. */
const FALLBACK_TIME_ZONE = 'Asia/Seoul';

/** The office's time zone from the settings (loading them if nobody has yet). */
export function useOfficeTimeZone(): string {
  const timeZone = useAppStore((s) => s.settings?.timeZone);
  const loadSettings = useAppStore((s) => s.loadSettings);
  useEffect(() => {
    if (timeZone === undefined) void loadSettings().catch(() => undefined);
  }, [timeZone, loadSettings]);
  return timeZone ?? FALLBACK_TIME_ZONE;
}
