import type { Clock } from '../clock.js';

/**
 * Runs a callback once per media frame on absolute time: frame n is due at start + n × frameMs,
 * so timer lateness never accumulates into drift (setInterval runs 1–2 % slow here, per the
 * spike in TESTBED.md). A late wake-up runs every frame that fell due, in order, with its
 * lateness, so RTP timestamps stay continuous and the receiver's jitter buffer absorbs it.
 */
export interface FrameScheduler {
  stop(): void;
  /** Frames run so far. */
  readonly frames: number;
}

export interface FrameSchedulerOptions {
  clock: Clock;
  frameMs: number;
  onFrame(frameIndex: number, lateMs: number): void;
  /** Beyond this many frames behind (the process was suspended), skip ahead instead of bursting. */
  maxCatchUpFrames?: number;
  /**
   * Wake this much early and spin to the deadline: Node timers fire up to ~1–2 ms late, which is
   * all of a G.711 stream's send jitter. Costs up to spinMs of CPU per frame; 0 (no spin) under a
   * fake clock.
   */
  spinMs?: number;
}

export function startFrameScheduler(options: FrameSchedulerOptions): FrameScheduler {
  const { clock, frameMs, onFrame } = options;
  const maxCatchUp = options.maxCatchUpFrames ?? 10;
  const spinMs = options.spinMs ?? 0;
  let start = clock.now();
  let next = 0;
  let stopped = false;
  let handle = clock.setTimeout(tick, 0);

  function tick(): void {
    if (spinMs > 0) {
      const deadline = start + next * frameMs;
      while (clock.now() < deadline) {
        // Busy-wait the last stretch: a timer cannot be trusted to the millisecond.
      }
    }
    const now = clock.now();
    let due = Math.floor((now - start) / frameMs) + 1;
    if (due - next > maxCatchUp) {
      // Suspended (laptop sleep, debugger): restart the timeline at the next frame rather than
      // send seconds of audio at once.
      start = now - next * frameMs;
      due = next + 1;
    }
    while (next < due && !stopped) {
      onFrame(next, now - (start + next * frameMs));
      next++;
    }
    if (stopped) return;
    handle = clock.setTimeout(tick, Math.max(0, start + next * frameMs - clock.now() - spinMs));
  }

  return {
    stop() {
      stopped = true;
      clock.clearTimeout(handle);
    },
    get frames() {
      return next;
    },
  };
}
