import { useMemo } from 'react';
import { useAppStore } from '../../stores/app-store.js';
import { useOfficeTimeZone } from '../workflows/test-call/use-office-time-zone.js';
import { dateLocale } from '../workflows/versions/version-info.js';

export interface InboxFormat {
  /** Date and time, in the office's zone: "Mar 10, 2026, 9:05 AM" / "2026. 3. 10. 오전 9:05". */
  when(iso: string): string;
  /** Time of day with seconds, for the steps of one call. */
  time(iso: string): string;
  timeZone: string;
}

/** How the inbox writes instants: the office's time zone, the chosen language. */
export function useInboxFormat(): InboxFormat {
  const locale = useAppStore((s) => s.locale);
  const timeZone = useOfficeTimeZone();
  return useMemo(() => {
    const tag = dateLocale(locale, navigator.language);
    const when = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    const time = new Intl.DateTimeFormat(tag, { timeStyle: 'medium', timeZone });
    return {
      when: (iso) => when.format(new Date(iso)),
      time: (iso) => time.format(new Date(iso)),
      timeZone,
    };
  }, [locale, timeZone]);
}
