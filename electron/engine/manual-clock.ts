import type { Clock, TimerHandle } from './clock.js';

/**
 * A clock that moves only when told; timers fire in due order, ties in scheduling order. The
 * simulator's virtual time, and the fake clock of the state machines' unit tests.
 */
export class ManualClock implements Clock {
  private time = 0;
  private next = 1;
  private readonly timers = new Map<number, { due: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.next++;
    this.timers.set(id, { due: this.time + Math.max(0, ms), callback });
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle.id);
  }

  /** Advances time by `ms`, firing every timer that falls due on the way (also ones set meanwhile). */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let dueId: number | undefined;
      let dueAt = Infinity;
      for (const [id, timer] of this.timers) {
        if (timer.due <= end && (timer.due < dueAt || (timer.due === dueAt && id < (dueId ?? Infinity)))) {
          dueId = id;
          dueAt = timer.due;
        }
      }
      if (dueId === undefined) break;
      const timer = this.timers.get(dueId);
      this.timers.delete(dueId);
      // Overdue timers (after a stall) fire late, at the current time.
      this.time = Math.max(this.time, dueAt);
      timer?.callback();
    }
    this.time = end;
  }

  /** Moves time on without firing anything, as a blocked event loop would; `advance` then fires the overdue timers late. */
  stall(ms: number): void {
    this.time += ms;
  }

  /** When the next timer falls due, if any is set. */
  nextDueAt(): number | undefined {
    let due: number | undefined;
    for (const timer of this.timers.values()) if (due === undefined || timer.due < due) due = timer.due;
    return due;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }
}
