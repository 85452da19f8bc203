import { describe, expect, it } from 'vitest';
import { calendarSchema, calendarStateAt, localTime, type Calendar, type CalendarState } from './calendar.js';

const weekdays = (open: string, close: string) => [1, 2, 3, 4, 5].map((day) => ({ day, open, close }));

/** Seoul (UTC+9, no DST): weekdays 9 to 6, two public holidays, three one-off days. */
const seoul: Calendar = calendarSchema.parse({
  id: 'seoul',
  name: 'Seoul office',
  timeZone: 'Asia/Seoul',
  weekly: weekdays('09:00', '18:00'),
  holidays: [
    { date: '2025-10-03', name: '개천절' },
    { date: '2025-10-09', name: '한글날' },
  ],
  exceptions: [
    // Open on Hangul Day after all, for a short day: the exception wins over the holiday.
    { date: '2025-10-09', open: '10:00', close: '14:00' },
    // A Saturday opening.
    { date: '2025-10-04', open: '10:00', close: '14:00' },
    // Closed on a Wednesday that is no public holiday.
    { date: '2025-12-31', closed: true },
  ],
});

/** New York: weekdays 9 to 5 local, across both DST changes of 2025 (Mar 9, Nov 2). */
const newYork: Calendar = calendarSchema.parse({
  id: 'nyc',
  name: 'New York office',
  timeZone: 'America/New_York',
  weekly: [
    ...weekdays('09:00', '17:00'),
    // Sunday hours inside the hour that is skipped in March and repeated in November.
    { day: 0, open: '01:00', close: '02:00' },
    { day: 0, open: '02:00', close: '03:00' },
  ],
  holidays: [],
  exceptions: [],
});

function stateAt(calendar: Calendar, iso: string): CalendarState {
  return calendarStateAt(calendar, new Date(iso));
}

describe('calendarStateAt in Asia/Seoul', () => {
  it.each<[string, CalendarState, string]>([
    // Monday 3 March 2025; 00:00Z is already 09:00 on Monday in Seoul while still Sunday in UTC.
    ['2025-03-02T23:59:00Z', 'closed', 'Monday 08:59, Sunday in UTC'],
    ['2025-03-03T00:00:00Z', 'open', 'Monday 09:00, opening minute'],
    ['2025-03-03T08:59:00Z', 'open', 'Monday 17:59'],
    ['2025-03-03T09:00:00Z', 'closed', 'Monday 18:00, closing minute'],
    ['2025-03-07T08:30:00Z', 'open', 'Friday 17:30'],
    ['2025-03-07T15:30:00Z', 'closed', 'Saturday 00:30, still Friday in UTC'],
    ['2025-03-08T02:00:00Z', 'closed', 'Saturday 11:00'],
  ])('%s is %s (%s)', (iso, state) => {
    expect(stateAt(seoul, iso)).toBe(state);
  });

  it.each<[string, CalendarState, string]>([
    ['2025-10-02T14:59:00Z', 'closed', 'Thursday 23:59, the evening before'],
    ['2025-10-02T15:00:00Z', 'holiday', 'Friday 00:00, a holiday by Seoul’s date though 2 October in UTC'],
    ['2025-10-03T02:00:00Z', 'holiday', 'Friday 11:00, within weekday hours'],
    ['2025-10-03T14:59:00Z', 'holiday', 'Friday 23:59'],
  ])('%s is %s on a public holiday (%s)', (iso, state) => {
    expect(stateAt(seoul, iso)).toBe(state);
  });

  it.each<[string, CalendarState, string]>([
    ['2025-10-09T00:30:00Z', 'closed', 'holiday with short hours, 09:30: before the exception opens'],
    ['2025-10-09T02:00:00Z', 'open', 'holiday with short hours, 11:00'],
    ['2025-10-09T05:00:00Z', 'closed', 'holiday with short hours, 14:00: closed, not "holiday"'],
    ['2025-10-04T00:59:00Z', 'closed', 'Saturday opening, 09:59'],
    ['2025-10-04T01:00:00Z', 'open', 'Saturday opening, 10:00'],
    ['2025-12-31T02:00:00Z', 'closed', 'closed Wednesday, 11:00'],
    ['2025-12-30T02:00:00Z', 'open', 'the Tuesday before, 11:00'],
  ])('%s is %s by an exception (%s)', (iso, state) => {
    expect(stateAt(seoul, iso)).toBe(state);
  });
});

describe('calendarStateAt in America/New_York', () => {
  it.each<[string, CalendarState, string]>([
    // EST (UTC−5) before 9 March 2025, EDT (UTC−4) after: 9:00 moves from 14:00Z to 13:00Z.
    ['2025-03-03T13:59:00Z', 'closed', 'Monday 08:59 EST'],
    ['2025-03-03T14:00:00Z', 'open', 'Monday 09:00 EST'],
    ['2025-03-10T12:59:00Z', 'closed', 'Monday 08:59 EDT'],
    ['2025-03-10T13:00:00Z', 'open', 'Monday 09:00 EDT (13:00Z, an hour earlier in UTC)'],
    ['2025-03-10T20:59:00Z', 'open', 'Monday 16:59 EDT'],
    ['2025-03-10T21:00:00Z', 'closed', 'Monday 17:00 EDT'],
    // Back to EST on 2 November.
    ['2025-10-27T13:00:00Z', 'open', 'Monday 09:00 EDT, the week before'],
    ['2025-11-03T13:00:00Z', 'closed', 'Monday 08:00 EST, same UTC time a week later'],
    ['2025-11-03T14:00:00Z', 'open', 'Monday 09:00 EST'],
  ])('%s is %s (%s)', (iso, state) => {
    expect(stateAt(newYork, iso)).toBe(state);
  });

  it.each<[string, CalendarState, string]>([
    // 9 March: 01:59 EST is followed by 03:00 EDT; 02:00–03:00 never happens.
    ['2025-03-09T06:30:00Z', 'open', '01:30 EST'],
    ['2025-03-09T06:59:00Z', 'open', '01:59 EST'],
    ['2025-03-09T07:00:00Z', 'closed', '03:00 EDT: the skipped hour’s opening never came'],
    // 2 November: 01:00–02:00 happens twice, once in EDT and once in EST.
    ['2025-11-02T04:59:00Z', 'closed', '00:59 EDT'],
    ['2025-11-02T05:30:00Z', 'open', 'the first 01:30 (EDT)'],
    ['2025-11-02T06:30:00Z', 'open', 'the second 01:30 (EST)'],
    ['2025-11-02T07:30:00Z', 'open', '02:30 EST'],
    ['2025-11-02T08:00:00Z', 'closed', '03:00 EST'],
  ])('%s is %s on a DST Sunday (%s)', (iso, state) => {
    expect(stateAt(newYork, iso)).toBe(state);
  });
});

describe('calendarStateAt at day boundaries', () => {
  const lateShift: Calendar = calendarSchema.parse({
    id: 'late',
    name: 'Late shift',
    timeZone: 'Asia/Seoul',
    weekly: [
      { day: 5, open: '18:00', close: '24:00' },
      { day: 6, open: '00:00', close: '02:00' },
      { day: 1, open: '09:00', close: '12:00' },
      { day: 1, open: '13:00', close: '18:00' },
    ],
    holidays: [],
    exceptions: [],
  });

  it.each<[string, CalendarState, string]>([
    ['2025-03-07T14:59:00Z', 'open', 'Friday 23:59: a day that closes at 24:00 is open in its last minute'],
    ['2025-03-07T15:00:00Z', 'open', 'Saturday 00:00: the next day’s own hours take over'],
    ['2025-03-07T16:59:00Z', 'open', 'Saturday 01:59'],
    ['2025-03-07T17:00:00Z', 'closed', 'Saturday 02:00'],
    ['2025-03-06T14:59:00Z', 'closed', 'Thursday 23:59: Thursday has no hours'],
    ['2025-03-03T03:30:00Z', 'closed', 'Monday 12:30, the lunch break between two spans'],
    ['2025-03-03T04:00:00Z', 'open', 'Monday 13:00'],
  ])('%s is %s (%s)', (iso, state) => {
    expect(stateAt(lateShift, iso)).toBe(state);
  });

  it('reads midnight as 00:00 of the new day, never 24:00 of the old', () => {
    expect(localTime(new Date('2025-03-07T15:00:00Z'), 'Asia/Seoul')).toEqual({
      date: '2025-03-08',
      day: 6,
      time: '00:00',
    });
  });
});
