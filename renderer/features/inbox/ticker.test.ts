import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTicker } from './ticker.js';

describe('shared ticker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 2, 10, 9, 0, 0));
  });
  afterEach(() => vi.useRealTimers());

  it('runs one interval for every listener, and none once the last one leaves', () => {
    const ticker = createTicker(1000);
    const a = vi.fn();
    const b = vi.fn();
    const stopA = ticker.subscribe(a);
    const stopB = ticker.subscribe(b);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(3000);
    expect(a).toHaveBeenCalledTimes(3);
    expect(b).toHaveBeenCalledTimes(3);
    expect(ticker.now()).toBe(Date.UTC(2026, 2, 10, 9, 0, 3));
    stopA();
    expect(vi.getTimerCount()).toBe(1);
    stopB();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(5000);
    expect(b).toHaveBeenCalledTimes(3);
  });

  it('starts again, from the time of the new subscription', () => {
    const ticker = createTicker(1000);
    ticker.subscribe(() => undefined)();
    vi.advanceTimersByTime(60_000);
    const stop = ticker.subscribe(() => undefined);
    expect(ticker.now()).toBe(Date.UTC(2026, 2, 10, 9, 1, 0));
    expect(vi.getTimerCount()).toBe(1);
    stop();
  });
});
