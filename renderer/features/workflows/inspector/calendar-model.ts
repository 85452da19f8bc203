import type { Calendar } from '../../../../shared/workflow/calendar.js';

/** HH:MM as the calendar schema takes it (24:00 for midnight at the end of a day). */
export function isTimeOfDay(text: string): boolean {
  return /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(text);
}

export function isDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text));
}

/** Weekdays as the schema counts them (0 = Sunday), Monday first as offices read a week. */
export const weekOrder = [1, 2, 3, 4, 5, 6, 0] as const;

/**
 * A calendar to start from: Monday to Friday 09:00–18:00 in `timeZone`, with an id unused among
 * `taken` and the given name.
 */
export function newCalendar(taken: readonly string[], timeZone: string, name: string): Calendar {
  let n = 1;
  while (taken.includes(`calendar_${n}`)) n++;
  return {
    id: `calendar_${n}`,
    name,
    timeZone,
    weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00' })),
    holidays: [],
    exceptions: [],
  };
}

/** Another opening on `day`: after its last one when there is room, else the whole day. */
export function withHoursAdded(calendar: Calendar, day: number): Calendar {
  const last = calendar.weekly
    .filter((h) => h.day === day)
    .map((h) => h.close)
    .sort()
    .at(-1);
  const hours = last && last < '23:00' ? { open: last, close: '24:00' } : { open: '09:00', close: '18:00' };
  return { ...calendar, weekly: [...calendar.weekly, { day, ...hours }] };
}

/** The date after the latest holiday or exception, or today: where a new entry starts. */
export function nextFreeDate(taken: readonly string[], today: string): string {
  const latest = [...taken].sort().at(-1);
  if (!latest || latest < today) return today;
  const next = new Date(`${latest}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
