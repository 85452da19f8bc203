import { describe, expect, it } from 'vitest';
import { formatDuration, secondsSince } from './duration-format.js';

describe('durations', () => {
  it('reads like a clock, with hours only when needed', () => {
    expect(formatDuration(7)).toBe('0:07');
    expect(formatDuration(725.9)).toBe('12:05');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(-3)).toBe('0:00');
  });

  it('counts whole seconds since an instant, never below zero', () => {
    const at = '2026-03-10T09:00:00.000Z';
    expect(secondsSince(at, Date.parse(at) + 61_999)).toBe(61);
    expect(secondsSince(at, Date.parse(at) - 5_000)).toBe(0);
  });
});
