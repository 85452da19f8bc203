import { describe, expect, it } from 'vitest';
import { formatCallTime, wrapUpLeftSec } from './call-clock.js';

describe('call clock', () => {
  it('formats talk time and counts wrap-up down to zero', () => {
    expect(formatCallTime(0)).toBe('0:00');
    expect(formatCallTime(65_400)).toBe('1:05');
    expect(formatCallTime(3_725_000)).toBe('1:02:05');
    expect(wrapUpLeftSec(1000, 15, 1000)).toBe(15);
    expect(wrapUpLeftSec(1000, 15, 14_500)).toBe(2);
    expect(wrapUpLeftSec(1000, 15, 99_000)).toBe(0);
  });
});
