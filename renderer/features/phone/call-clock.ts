/** A call's running time as m:ss, or h:mm:ss from an hour on. */
export function formatCallTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Seconds of wrap-up left: the team's wrap-up time from the call's end, never below 0. */
export function wrapUpLeftSec(endedAt: number, wrapUpSec: number, now: number): number {
  return Math.max(0, Math.ceil((endedAt + wrapUpSec * 1000 - now) / 1000));
}
