import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock.js';
import { startFrameScheduler } from './frame-scheduler.js';

describe('frame scheduler', () => {
  it('runs frame n at n × 20 ms on absolute time, with no drift over an hour', () => {
    const clock = new ManualClock();
    const at: number[] = [];
    startFrameScheduler({ clock, frameMs: 20, onFrame: (n) => at.push(clock.now() - n * 20) });
    clock.advance(3_600_000);
    expect(at).toHaveLength(180_001);
    expect(new Set(at)).toEqual(new Set([0]));
  });

  it('runs frames that fell due during a stall, in order, with their lateness', () => {
    const clock = new ManualClock();
    const frames: [number, number][] = [];
    const scheduler = startFrameScheduler({
      clock,
      frameMs: 20,
      onFrame: (n, late) => frames.push([n, late]),
    });
    clock.advance(40);
    // A stall of 65 ms: the timer for frame 3 (due at 60) fires late, at 105.
    clock.stall(65);
    clock.advance(0);
    expect(frames.slice(3)).toEqual([
      [3, 45],
      [4, 25],
      [5, 5],
    ]);
    clock.advance(15);
    expect(frames.at(-1)).toEqual([6, 0]);
    scheduler.stop();
    clock.advance(1000);
    expect(scheduler.frames).toBe(7);
  });

  it('skips ahead after a long suspension instead of bursting', () => {
    const clock = new ManualClock();
    const frames: number[] = [];
    startFrameScheduler({ clock, frameMs: 20, maxCatchUpFrames: 10, onFrame: (n) => frames.push(n) });
    clock.advance(20);
    clock.stall(10_000);
    clock.advance(0);
    expect(frames).toEqual([0, 1, 2]);
    clock.advance(20);
    expect(frames).toEqual([0, 1, 2, 3]);
  });
});
