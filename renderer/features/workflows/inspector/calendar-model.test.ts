import { describe, expect, it } from 'vitest';
import { calendarSchema, calendarStateAt } from '../../../../shared/workflow/calendar.js';
import { isDate, isTimeOfDay, newCalendar, nextFreeDate, withHoursAdded } from './calendar-model.js';

describe('calendar editor model', () => {
  it('starts a calendar at Monday to Friday, nine to six, that the schema accepts', () => {
    const calendar = newCalendar(['calendar_1'], 'Asia/Seoul', 'Office');
    expect(calendar.id).toBe('calendar_2');
    expect(calendarSchema.safeParse(calendar).success).toBe(true);
    // Monday 2026-03-02 10:00 in Seoul is 01:00 UTC.
    expect(calendarStateAt(calendar, new Date('2026-03-02T01:00:00Z'))).toBe('open');
    expect(calendarStateAt(calendar, new Date('2026-03-01T01:00:00Z'))).toBe('closed');
  });

  it('adds hours after the last opening of the day, or a whole working day', () => {
    const calendar = newCalendar([], 'Asia/Seoul', 'Office');
    const monday = withHoursAdded(calendar, 1).weekly.filter((h) => h.day === 1);
    expect(monday).toEqual([
      { day: 1, open: '09:00', close: '18:00' },
      { day: 1, open: '18:00', close: '24:00' },
    ]);
    expect(withHoursAdded(calendar, 6).weekly.filter((h) => h.day === 6)).toEqual([
      { day: 6, open: '09:00', close: '18:00' },
    ]);
    expect(calendarSchema.safeParse(withHoursAdded(calendar, 1)).success).toBe(true);
  });

  it('checks times and dates as the schema does', () => {
    expect(isTimeOfDay('09:00')).toBe(true);
    expect(isTimeOfDay('24:00')).toBe(true);
    expect(isTimeOfDay('9:00')).toBe(false);
    expect(isTimeOfDay('24:30')).toBe(false);
    expect(isDate('2026-05-05')).toBe(true);
    expect(isDate('')).toBe(false);
  });

  it('puts a new holiday on the day after the latest one', () => {
    expect(nextFreeDate([], '2026-01-10')).toBe('2026-01-10');
    expect(nextFreeDate(['2026-12-31', '2026-05-05'], '2026-01-10')).toBe('2027-01-01');
    expect(nextFreeDate(['2025-01-01'], '2026-01-10')).toBe('2026-01-10');
  });
});
