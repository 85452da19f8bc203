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
}

export function startFrameScheduler(options: FrameSchedulerOptions): FrameScheduler {
  const { clock, frameMs, onFrame } = options;
  const maxCatchUp = options.maxCatchUpFrames ?? 10;
  let start = clock.now();
  let next = 0;
  let stopped = false;
  let handle = clock.setTimeout(tick, 0);

  function tick(): void {
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
    handle = clock.setTimeout(tick, Math.max(0, start + next * frameMs - clock.now()));
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
