import type { Call } from '../call/call.js';
import type { Clock, TimerHandle } from '../clock.js';
import type { FlowResult, RunnableVersion } from '../flow/flow-interpreter.js';
import type { AssignOutcome, QueueSnapshot } from '../flow/flow-services.js';

export interface WaitingRoomDeps {
  clock: Clock;
  /** What callers hear while they wait, looped. */
  holdAudio(): Promise<Int16Array>;
  /** The live "call waiting in queue" workflows that apply to a team's call, by priority. */
  waitingWorkflows(teamId: string, call: Call): RunnableVersion[];
  runWorkflow(call: Call, version: RunnableVersion): Promise<FlowResult>;
}

interface Waiting {
  call: Call;
  teamId: string;
  since: number;
}

/**
 * Where calls assigned to a team wait: they hear hold audio, and the "call waiting in queue"
 * workflows run on them at their thresholds (and again at each repeat), e.g. to offer a
 * callback. A workflow that runs out of steps hands the caller back to the hold audio. Agents
 * taking calls from here come with routing; until then a call waits until it ends.
 */
export class WaitingRoom {
  private readonly waiting = new Map<string, Waiting>();

  constructor(private readonly deps: WaitingRoomDeps) {}

  snapshot(teamId: string): QueueSnapshot {
    const now = this.deps.clock.now();
    let callsWaiting = 0;
    let longest = 0;
    for (const entry of this.waiting.values()) {
      if (entry.teamId !== teamId) continue;
      callsWaiting++;
      longest = Math.max(longest, now - entry.since);
    }
    return { agentsAvailable: 0, callsWaiting, longestWaitSec: Math.floor(longest / 1000) };
  }

  async wait(call: Call, teamId: string): Promise<AssignOutcome> {
    const entry: Waiting = { call, teamId, since: this.deps.clock.now() };
    this.waiting.set(call.id, entry);
    const due: RunnableVersion[] = [];
    let hold: AbortController | undefined;
    const timers: TimerHandle[] = [];
    const fire = (version: RunnableVersion, repeatMs: number | null) => {
      due.push(version);
      hold?.abort();
      if (repeatMs !== null) timers.push(this.deps.clock.setTimeout(() => fire(version, repeatMs), repeatMs));
    };
    for (const version of this.deps.waitingWorkflows(teamId, call)) {
      const trigger = version.definition.trigger;
      if (trigger.kind !== 'waiting_in_queue') continue;
      const repeatMs = trigger.repeatEverySec === null ? null : trigger.repeatEverySec * 1000;
      timers.push(this.deps.clock.setTimeout(() => fire(version, repeatMs), trigger.afterSec * 1000));
    }
    try {
      const audio = await this.deps.holdAudio();
      while (call.state !== 'ended') {
        const next = due.shift();
        if (next) {
          // Keys pressed on hold answer nothing the workflow is about to ask.
          call.discardTypeahead();
          const result = await this.deps.runWorkflow(call, next);
          if (result.kind === 'connected') return { kind: 'connected' };
          if (result.kind !== 'back-to-queue') break;
          continue;
        }
        hold = new AbortController();
        const signal = hold.signal;
        if (audio.length > 0) await call.play(audio, { signal });
        else
          await Promise.race([
            call.ended,
            new Promise((resolve) => signal.addEventListener('abort', resolve)),
          ]);
      }
      return { kind: 'no_answer', why: 'the call ended while waiting' };
    } finally {
      for (const timer of timers) this.deps.clock.clearTimeout(timer);
      this.waiting.delete(call.id);
    }
  }
}
