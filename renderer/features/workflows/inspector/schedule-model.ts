import type { Schedule } from '../../../../shared/workflow/trigger.js';

/**
 * What a `datetime-local` input shows for an instant: the wall-clock minute in this computer's
 * zone, as "YYYY-MM-DDTHH:MM".
 */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The instant a `datetime-local` value means in this computer's zone; null when incomplete. */
export function fromLocalInput(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * The schedule of `kind` to switch to: a calendar's opening hours need a calendar (null without
 * one), a date range starts at the next whole hour and lasts a week.
 */
export function newSchedule(
  kind: Schedule['kind'],
  calendarIds: readonly string[],
  now: Date,
): Schedule | null {
  switch (kind) {
    case 'always':
      return { kind };
    case 'calendar': {
      const calendarId = calendarIds[0];
      return calendarId ? { kind, calendarId, when: 'open' } : null;
    }
    case 'date_range': {
      const from = new Date(now);
      from.setMinutes(0, 0, 0);
      from.setHours(from.getHours() + 1);
      const to = new Date(from);
      to.setDate(to.getDate() + 7);
      return { kind, from: from.toISOString(), to: to.toISOString() };
    }
  }
}
