import { z } from 'zod';
import { timeZoneSchema } from '../domain/settings.js';

const timeOfDaySchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use HH:MM, e.g. 09:00');
const dateSchema = z.iso.date();

/** Hours on one day, local time: open at `open`, closed from `close` on (24:00 for midnight). */
const hours = { open: timeOfDaySchema, close: timeOfDaySchema };
const closesAfterOpening: [
  (h: { open: string; close: string }) => boolean,
  { message: string; path: string[] },
] = [(h) => h.open < h.close, { message: 'Closing time must be after opening time', path: ['close'] }];

/** 0 = Sunday … 6 = Saturday, as Date.getDay counts. */
export const weekdaySchema = z.number().int().min(0).max(6);

/**
 * When the office is open: weekly hours in a time zone, holidays (closed all day) and one-off
 * exceptions (a short day, a Saturday opening, a closed day that is no holiday).
 */
export const calendarSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  name: z.string().trim().min(1).max(80),
  timeZone: timeZoneSchema,
  weekly: z.array(z.strictObject({ day: weekdaySchema, ...hours }).refine(...closesAfterOpening)).max(7 * 4),
  holidays: z
    .array(z.strictObject({ date: dateSchema, name: z.string().trim().max(80).default('') }))
    .max(400),
  exceptions: z
    .array(
      z.union([
        z.strictObject({ date: dateSchema, closed: z.literal(true) }),
        z.strictObject({ date: dateSchema, ...hours }).refine(...closesAfterOpening),
      ]),
    )
    .max(400),
});
export type Calendar = z.infer<typeof calendarSchema>;

export type CalendarState = 'open' | 'closed' | 'holiday';

/**
 * Whether the office is open at `instant` by `calendar`. An exception for the date wins over a
 * holiday, which wins over the weekly hours.
 */
export function calendarStateAt(calendar: Calendar, instant: Date): CalendarState {
  const { date, day, time } = localTime(instant, calendar.timeZone);
  const exception = calendar.exceptions.find((e) => e.date === date);
  if (exception) return 'closed' in exception ? 'closed' : within(time, exception) ? 'open' : 'closed';
  if (calendar.holidays.some((h) => h.date === date)) return 'holiday';
  return calendar.weekly.some((h) => h.day === day && within(time, h)) ? 'open' : 'closed';
}

function within(time: string, hours: { open: string; close: string }): boolean {
  return time >= hours.open && time < hours.close;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall-clock date, weekday and HH:MM at `instant` in `timeZone` (DST-correct via Intl). */
export function localTime(instant: Date, timeZone: string): { date: string; day: number; time: string } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    day: WEEKDAYS.indexOf(parts.weekday ?? ''),
    time: `${parts.hour}:${parts.minute}`,
  };
}
