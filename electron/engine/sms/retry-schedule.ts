/** No wait grows past an hour: a gateway down for a day is still tried every hour or so. */
export const MAX_RETRY_DELAY_MS = 3_600_000;
const GROWTH = 4;
const JITTER = 0.2;

/**
 * How long to wait before the next attempt, after `failedAttempts` (1 or more) failures: the
 * base, then 4× longer each time (30 s, 2 min, 8 min, 32 min, then an hour with a 30 s base),
 * spread by ±20 % so that messages that failed together do not all retry together.
 * `random` returns [0, 1), as Math.random.
 */
export function retryDelayMs(failedAttempts: number, baseSec: number, random: () => number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const plain = Math.min(baseSec * 1000 * GROWTH ** exponent, MAX_RETRY_DELAY_MS);
  const spread = 1 - JITTER + 2 * JITTER * random();
  return Math.max(1000, Math.round(plain * spread));
}
