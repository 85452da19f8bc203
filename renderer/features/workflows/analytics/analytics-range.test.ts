import { describe, expect, it } from 'vitest';
import { dayRange, lastDays } from './analytics-range.js';

describe('analytics range', () => {
  it('defaults to the last seven office days, today included', () => {
    // 23:30 UTC on 10 June is already 11 June in Seoul.
    expect(lastDays(new Date('2025-06-10T23:30:00Z'), 'Asia/Seoul')).toEqual({
      from: '2025-06-05',
      to: '2025-06-11',
    });
    expect(lastDays(new Date('2025-03-02T12:00:00Z'), 'UTC', 2)).toEqual({
      from: '2025-03-01',
      to: '2025-03-02',
    });
  });

  it('turns whole office days into the API’s half-open range', () => {
    expect(dayRange('2025-06-05', '2025-06-11', 'Asia/Seoul')).toEqual({
      from: '2025-06-04T15:00:00.000Z',
      to: '2025-06-11T15:00:00.000Z',
    });
    expect(dayRange('2025-06-05', '2025-06-05', 'UTC')).toEqual({
      from: '2025-06-05T00:00:00.000Z',
      to: '2025-06-06T00:00:00.000Z',
    });
  });

  it('refuses an empty or backwards range', () => {
    expect(dayRange('', '2025-06-05', 'UTC')).toBeUndefined();
    expect(dayRange('2025-06-05', '', 'UTC')).toBeUndefined();
    expect(dayRange('2025-06-06', '2025-06-05', 'UTC')).toBeUndefined();
  });
});
