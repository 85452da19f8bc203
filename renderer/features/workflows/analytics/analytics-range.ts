import { addDays, dateToZoned, zonedToDate } from '../test-call/zoned-time.js';

/** Days shown by default: the last week, today included. */
export const DEFAULT_DAYS = 7;

/** The last `days` calendar days in the office's zone, today included, as date inputs take them. */
export function lastDays(now: Date, timeZone: string, days = DEFAULT_DAYS): { from: string; to: string } {
  const today = dateToZoned(now, timeZone).slice(0, 10);
  return { from: addDays(today, 1 - days), to: today };
}

/**
 * Whole days `from`..`to` (both included, office time) as the instants 'analytics.steps' takes:
 * [midnight of `from`, midnight after `to`). Undefined for an empty or backwards range.
 */
export function dayRange(
  from: string,
  to: string,
  timeZone: string,
): { from: string; to: string } | undefined {
  const start = zonedToDate(from, timeZone);
  const end = /^\d{4}-\d{2}-\d{2}$/.test(to) ? zonedToDate(addDays(to, 1), timeZone) : undefined;
  if (!start || !end || start >= end) return undefined;
  return { from: start.toISOString(), to: end.toISOString() };
}
