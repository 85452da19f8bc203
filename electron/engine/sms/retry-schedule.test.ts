import { describe, expect, it } from 'vitest';
import { MAX_RETRY_DELAY_MS, retryDelayMs } from './retry-schedule.js';

describe('retry schedule', () => {
  it('waits 30 s, 2 min, 8 min, 32 min, then an hour with a 30 s base', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, 30, middle))).toEqual([
      30_000,
      120_000,
      480_000,
      1_920_000,
      MAX_RETRY_DELAY_MS,
      MAX_RETRY_DELAY_MS,
    ]);
  });

  it('spreads each wait by ±20 %', () => {
    expect(retryDelayMs(2, 30, () => 0)).toBe(96_000);
    expect(retryDelayMs(2, 30, () => 0.999_999)).toBeCloseTo(144_000, -1);
  });

  it('never waits less than a second', () => {
    expect(retryDelayMs(1, 1, () => 0)).toBe(1000);
  });
});
