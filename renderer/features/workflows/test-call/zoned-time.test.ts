import { describe, expect, it } from 'vitest';
import { addDays, dateToZoned, zonedToDate, zoneOffsetMinutes } from './zoned-time.js';

describe('zoned time', () => {
  it('reads a wall-clock time in the office zone, whatever the browser’s', () => {
    expect(zonedToDate('2025-06-01T22:00', 'Asia/Seoul')?.toISOString()).toBe('2025-06-01T13:00:00.000Z');
    expect(zonedToDate('2025-06-02', 'Asia/Seoul')?.toISOString()).toBe('2025-06-01T15:00:00.000Z');
    expect(zonedToDate('2025-01-15T09:30', 'Europe/Berlin')?.toISOString()).toBe('2025-01-15T08:30:00.000Z');
    expect(zonedToDate('2025-07-15T09:30', 'Europe/Berlin')?.toISOString()).toBe('2025-07-15T07:30:00.000Z');
  });

  it('moves a time skipped by a daylight-saving jump on by the gap', () => {
    // 02:30 does not exist in Berlin on 2025-03-30: clocks go from 02:00 to 03:00.
    expect(zonedToDate('2025-03-30T02:30', 'Europe/Berlin')?.toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(zonedToDate('2025-03-30T03:30', 'Europe/Berlin')?.toISOString()).toBe('2025-03-30T01:30:00.000Z');
  });

  it('refuses text that is no time', () => {
    expect(zonedToDate('', 'Asia/Seoul')).toBeUndefined();
    expect(zonedToDate('tomorrow', 'Asia/Seoul')).toBeUndefined();
  });

  it('shows an instant as the office wall clock, and back', () => {
    const instant = new Date('2025-06-01T13:00:00.000Z');
    expect(dateToZoned(instant, 'Asia/Seoul')).toBe('2025-06-01T22:00');
    expect(zonedToDate(dateToZoned(instant, 'America/New_York'), 'America/New_York')).toEqual(instant);
    expect(zoneOffsetMinutes(instant, 'Asia/Seoul')).toBe(540);
    expect(zoneOffsetMinutes(instant, 'UTC')).toBe(0);
  });

  it('counts calendar days across month ends', () => {
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
});
