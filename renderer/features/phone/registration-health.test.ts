import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RegistrationHealth, type RecoverCause, type RegistrationStatus } from './registration-health.js';

describe('RegistrationHealth', () => {
  let causes: RecoverCause[];
  let statuses: RegistrationStatus[];
  let health: RegistrationHealth;

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    causes = [];
    statuses = [];
    health = new RegistrationHealth({
      clock: {
        now: () => Date.now(),
        setInterval: (callback, ms) => setInterval(callback, ms),
        clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
      },
      recover: (cause) => causes.push(cause),
      onChange: (status) => statuses.push(status),
      random: () => 0.5,
    });
  });
  afterEach(() => {
    health.stop();
    vi.useRealTimers();
  });

  it('says a lost registration at once and retries with growing delays until registered', () => {
    health.registered(60);
    health.lost('disconnected');
    expect(health.current).toMatchObject({ phase: 'not_registered', reason: 'disconnected', retryAt: 1000 });
    vi.advanceTimersByTime(1000);
    expect(causes).toEqual(['retry']);
    // That attempt failed too: the next waits twice as long.
    health.lost('disconnected');
    vi.advanceTimersByTime(1000);
    expect(causes).toEqual(['retry']);
    vi.advanceTimersByTime(1000);
    expect(causes).toEqual(['retry', 'retry']);
    health.registered(60);
    vi.advanceTimersByTime(30_000);
    expect(causes).toEqual(['retry', 'retry']);
  });

  it('calls a binding stale once its expiry passed without a refresh', () => {
    health.registered(10);
    vi.advanceTimersByTime(9000);
    expect(health.current.phase).toBe('registered');
    vi.advanceTimersByTime(1000);
    expect(health.current).toMatchObject({ phase: 'not_registered', reason: 'expired' });
    expect(causes).toEqual(['expired']);
  });

  it('re-registers after a timer gap (sleep), and when the network or the page comes back', () => {
    health.registered(600);
    // Frozen timers: the clock jumps ahead, then one late tick.
    vi.setSystemTime(Date.now() + 60_000);
    vi.advanceTimersByTime(1000);
    expect(causes).toEqual(['woke']);
    health.nudge('online');
    health.nudge('visible');
    expect(causes).toEqual(['woke', 'online', 'visible']);
  });

  it('shows connecting while a REGISTER is out, but keeps registered during a refresh', () => {
    health.lost('failed');
    health.registering();
    expect(health.current.phase).toBe('connecting');
    health.registered(60);
    health.registering();
    expect(health.current.phase).toBe('registered');
    expect(statuses.map((s) => s.phase)).toEqual(['not_registered', 'connecting', 'registered']);
  });

  it('gives up on a REGISTER that was never answered and tries again', () => {
    health.lost('disconnected');
    vi.advanceTimersByTime(1000);
    health.registering();
    vi.advanceTimersByTime(39_000);
    expect(health.current.phase).toBe('connecting');
    vi.advanceTimersByTime(1000);
    expect(health.current).toMatchObject({ phase: 'not_registered', reason: 'failed' });
  });
});
