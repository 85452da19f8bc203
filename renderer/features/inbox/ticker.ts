/** The timer functions a ticker runs on (the real ones, or fakes in tests). */
export interface TickerTimers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  now(): number;
}

export interface Ticker {
  /** Calls `listener` on every tick until the returned function is called. */
  subscribe(listener: () => void): () => void;
  /** The time of the last tick (or of the first subscription). */
  now(): number;
}

const realTimers: TickerTimers = {
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  now: () => Date.now(),
};

/**
 * One interval for any number of listeners, running only while someone listens: every ticking
 * wait on a page reads the same clock instead of each row keeping a timer.
 */
export function createTicker(periodMs: number, timers: TickerTimers = realTimers): Ticker {
  const listeners = new Set<() => void>();
  let handle: unknown;
  let running = false;
  let now = timers.now();
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!running) {
        running = true;
        now = timers.now();
        handle = timers.setInterval(() => {
          now = timers.now();
          for (const l of listeners) l();
        }, periodMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && running) {
          running = false;
          timers.clearInterval(handle);
        }
      };
    },
    now: () => now,
  };
}
