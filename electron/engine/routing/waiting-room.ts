import type { Team } from '../../../shared/domain/teams.js';
import type { PromptLanguage } from '../../../shared/workflow/prompt.js';
import type { Call } from '../call/call.js';
import type { Clock, TimerHandle } from '../clock.js';
import type { FlowResult, RunnableVersion } from '../flow/flow-interpreter.js';
import type { AssignOutcome } from '../flow/flow-services.js';
import type { Logger } from '../logger.js';
import type { CallQueues, OverflowReason, QueueEntry } from './call-queues.js';

/** The part of the queues the waiting room uses (the simulator has its own, with no agents). */
export type QueueDoor = Pick<CallQueues, 'join' | 'pause' | 'resume' | 'position'>;

/** A call overflowing from team to team stops after this many moves (a loop in the settings). */
const MAX_OVERFLOW_HOPS = 3;

export interface WaitingRoomDeps {
  clock: Clock;
  queues: QueueDoor;
  team(id: string): Team | undefined;
  /** What callers of a team hear while they wait, looped. */
  holdAudio(team: Team): Promise<Int16Array>;
  /** "You are number 2 in line; the expected wait is about 3 minutes." */
  announcement(team: Team, position: number, language: PromptLanguage): Promise<Int16Array>;
  /** The live "call waiting in queue" workflows that apply to a team's call, by priority. */
  waitingWorkflows(teamId: string, call: Call): RunnableVersion[];
  /** The live version of a workflow a team overflows to. */
  liveWorkflow(workflowId: string): RunnableVersion | undefined;
  runWorkflow(call: Call, version: RunnableVersion): Promise<FlowResult>;
  conversations: {
    queued(callId: string, teamId: string, at: Date): void;
    abandoned(callId: string, at: Date): void;
    leftQueue(callId: string, at: Date): void;
  };
  logger: Logger;
}

type Due = { kind: 'workflow'; version: RunnableVersion } | { kind: 'announce' };

/**
 * Where calls assigned to a team wait for an agent: they hear hold audio, their place in line
 * now and then, and the "call waiting in queue" workflows at their thresholds (and again at
 * each repeat), e.g. to offer a callback. A workflow that runs out of steps hands the caller back
 * to the hold audio. The agents' side is call-queues.ts; overflow is carried out here.
 */
export class WaitingRoom {
  constructor(private readonly deps: WaitingRoomDeps) {}

  async wait(
    call: Call,
    teamId: string,
    options: { ringTimeoutMs: number; language: PromptLanguage },
    hops = 0,
    queuedAt?: { ms: number; iso: string },
  ): Promise<AssignOutcome> {
    const team = this.deps.team(teamId);
    if (!team) return { kind: 'no_answer', why: 'the team no longer exists' };
    const entry = this.deps.queues.join(call, team, { ringTimeoutMs: options.ringTimeoutMs, queuedAt });
    this.deps.conversations.queued(call.id, team.id, new Date());
    if (!entry.settled) await this.hold(entry, team, options.language);
    const exit = await entry.exit;
    switch (exit.kind) {
      case 'answered':
        return { kind: 'connected' };
      case 'hung_up': {
        // Ended by the caller, or by a waiting workflow (after taking a callback, say).
        const end = await call.ended;
        if (end.reason !== 'caller-hung-up' && end.reason !== 'cancelled') {
          return { kind: 'no_answer', why: 'a waiting workflow ended the call' };
        }
        this.deps.conversations.abandoned(call.id, new Date());
        return { kind: 'no_answer', why: 'the caller hung up while waiting' };
      }
      case 'handed_on':
        return exit.connected
          ? { kind: 'connected' }
          : { kind: 'no_answer', why: 'a waiting workflow ended the call' };
      case 'overflow':
        return this.overflow(entry, team, exit.reason, options, hops);
    }
  }

  private async hold(entry: QueueEntry, team: Team, language: PromptLanguage): Promise<void> {
    const { call } = entry;
    const due: Due[] = [];
    let hold: AbortController | undefined;
    const timers: TimerHandle[] = [];
    // While an agent's phone rings the caller stays on hold; what fell due then runs after.
    const interrupt = () => {
      if (entry.state !== 'ringing') hold?.abort();
    };
    entry.wake = () => {
      if (due.length > 0) hold?.abort();
    };
    void entry.exit.then(() => hold?.abort());
    const every = (item: Due, firstMs: number, repeatMs: number | null) => {
      const fire = () => {
        due.push(item);
        interrupt();
        if (repeatMs !== null) timers.push(this.deps.clock.setTimeout(fire, repeatMs));
      };
      timers.push(this.deps.clock.setTimeout(fire, firstMs));
    };
    for (const version of this.deps.waitingWorkflows(team.id, call)) {
      const trigger = version.definition.trigger;
      if (trigger.kind !== 'waiting_in_queue') continue;
      const repeatMs = trigger.repeatEverySec === null ? null : trigger.repeatEverySec * 1000;
      every({ kind: 'workflow', version }, trigger.afterSec * 1000, repeatMs);
    }
    if (team.routing.announcePosition) {
      const everyMs = team.routing.announceEverySec * 1000;
      every({ kind: 'announce' }, ANNOUNCE_FIRST_MS, everyMs);
    }
    try {
      const audio = await this.deps.holdAudio(team);
      while (call.state !== 'ended' && !entry.settled) {
        const next = entry.state === 'ringing' ? undefined : due.shift();
        if (next?.kind === 'announce') {
          const position = this.deps.queues.position(entry);
          if (position > 0) await call.play(await this.deps.announcement(team, position, language));
          continue;
        }
        if (next) {
          this.deps.queues.pause(entry);
          // Keys pressed on hold answer nothing the workflow is about to ask.
          call.discardTypeahead();
          const result = await this.deps.runWorkflow(call, next.version);
          this.deps.queues.resume(entry);
          if (result.kind !== 'back-to-queue') {
            entry.leave(
              result.kind === 'caller-hung-up'
                ? { kind: 'hung_up' }
                : { kind: 'handed_on', connected: result.kind === 'connected' },
            );
          }
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
    } finally {
      for (const timer of timers) this.deps.clock.clearTimeout(timer);
      // The caller hung up mid-loop: the queue may not have heard yet.
      if (call.state === 'ended') entry.leave({ kind: 'hung_up' });
    }
  }

  private async overflow(
    entry: QueueEntry,
    team: Team,
    reason: OverflowReason,
    options: { ringTimeoutMs: number; language: PromptLanguage },
    hops: number,
  ): Promise<AssignOutcome> {
    const { call } = entry;
    this.deps.conversations.leftQueue(call.id, new Date());
    const target = team.routing.overflow;
    this.deps.logger.info('a call overflowed its team', {
      callId: call.id,
      teamId: team.id,
      reason,
      to: target.kind,
    });
    if (target.kind === 'team' && target.teamId !== team.id && hops < MAX_OVERFLOW_HOPS) {
      return this.wait(call, target.teamId, options, hops + 1, {
        ms: entry.queuedAt,
        iso: entry.queuedAtIso,
      });
    }
    if (target.kind === 'workflow') {
      const version = this.deps.liveWorkflow(target.workflowId);
      if (version) {
        const result = await this.deps.runWorkflow(call, version);
        if (result.kind === 'connected') return { kind: 'connected' };
      }
    }
    return { kind: 'no_answer', why: OVERFLOW_WHY[reason] };
  }
}

/** The first "your place in line" comes after a moment of hold audio, not over the transfer. */
const ANNOUNCE_FIRST_MS = 3_000;

const OVERFLOW_WHY: Record<OverflowReason, string> = {
  closed: 'the team is closed',
  nobody_logged_in: 'no agent of the team is logged in',
  max_wait: 'the caller waited the longest the team allows',
};
