/**
 * Wall-clock times in the office's time zone, as the test call's clock override and the
 * analytics date range take them: `<input type="datetime-local">` and `<input type="date">`
 * carry no zone, and the browser's own zone need not be the office's.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** `timeZone`'s offset from UTC at `instant`, in minutes (540 for Asia/Seoul). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return Math.round((asUtc - (instant.getTime() - instant.getUTCMilliseconds())) / 60_000);
}

/**
 * The instant a wall-clock time ('2025-06-01T22:00', or a day '2025-06-01' for its midnight)
 * names in `timeZone`; undefined for text that is no such time. A time skipped by a
 * daylight-saving jump moves on by the gap (02:30 becomes 03:30), as Temporal's 'compatible'.
 */
export function zonedToDate(local: string, timeZone: string): Date | undefined {
  const match = LOCAL.exec(local);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = match;
  const guess = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(guess)) return undefined;
  const first = guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess - zoneOffsetMinutes(new Date(first), timeZone) * 60_000);
}

/** `instant` as the office's wall clock, 'YYYY-MM-DDTHH:mm' (what datetime-local shows). */
export function dateToZoned(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMinutes(instant, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** The calendar day 'YYYY-MM-DD' `days` after `day` (negative for before). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
