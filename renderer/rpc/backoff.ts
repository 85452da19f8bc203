export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  /** 0..1: how much of the delay is randomised, so many tabs do not reconnect in lockstep. */
  jitter?: number;
  random?: () => number;
}

/** Delay before reconnect attempt `attempt` (0-based): doubling from 500 ms, capped at 10 s. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { initialMs = 500, maxMs = 10_000, jitter = 0.2, random = Math.random } = options;
  const base = Math.min(maxMs, initialMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  const spread = base * jitter;
  return Math.round(base - spread + random() * 2 * spread);
}
