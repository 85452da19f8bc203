import type { Team } from '../../../shared/domain/teams.js';
import { calendarStateAt } from '../../../shared/workflow/calendar.js';
import type { AgentTransferEvent, BridgeOutcome, Call, LegResult } from '../call/call.js';
import type { Clock, TimerHandle } from '../clock.js';
import type { Logger } from '../logger.js';
import type { AgentRow } from '../store/agent-repository.js';
import type { AgentRoster, FreeAgent } from './agent-roster.js';

/** The header that tells an agent's softphone which call it is, for the screen pop. */
export const CALL_ID_HEADER = 'X-Switchboard-Call-Id';

/** Why a call left its queue without an agent. */
export type OverflowReason = 'closed' | 'nobody_logged_in' | 'max_wait';

/** How a call's time in a queue ended. */
export type QueueExit =
  | { kind: 'answered'; agentId: string }
  | { kind: 'overflow'; reason: OverflowReason }
  /** A waiting-in-queue workflow took the call out: put it through elsewhere, or ended it. */
  | { kind: 'handed_on'; connected: boolean }
  | { kind: 'hung_up' };

export interface CallQueuesDeps {
  clock: Clock;
  roster: AgentRoster;
  team(id: string): Team | undefined;
  /** What a team's callers hear while they wait, and while an agent holds their call. */
  holdAudio(team: Team): Promise<Int16Array>;
  /** The SIP URI that rings an agent's phone for a call on that call's line. */
  agentUri(extension: string, call: Call): string;
  logger: Logger;
  /** The queues changed (a call joined, left, started ringing; an agent's status moved). */
  onChange(): void;
  /** An agent took a call: the conversation gets its agent and wait. */
  onAnswered(entry: QueueEntry, agentId: string): void;
  /**
   * The agent on a call transferred it and the target answered: `from` is the agent who
   * transferred, `to` the agent of ours who answered (null for a number or an extension that is
   * no agent of ours).
   */
  onTransferred?(
    call: Call,
    handover: { from: string | null; to: string | null; transfer: AgentTransferEvent },
  ): void;
}

/** One call in one queue; `exit` settles once. */
export class QueueEntry {
  state: 'waiting' | 'ringing' | 'in_workflow' = 'waiting';
  readonly exit: Promise<QueueExit>;
  settled: QueueExit | undefined;
  private settle!: (exit: QueueExit) => void;
  /** Woken when a ring ends unanswered, so deferred waiting workflows run at once. */
  wake: () => void = () => undefined;
  maxWaitTimer: TimerHandle | undefined;
  /** While an agent rings, an overflow due waits for the ring's end. */
  overflowDue: OverflowReason | undefined;

  constructor(
    readonly call: Call,
    readonly teamId: string,
    /** Clock ms when the call joined this queue (kept across an overflow to another team). */
    readonly queuedAt: number,
    readonly queuedAtIso: string,
    readonly ringTimeoutMs: number,
  ) {
    this.exit = new Promise((resolve) => {
      this.settle = (exit) => {
        if (this.settled) return;
        this.settled = exit;
        resolve(exit);
      };
    });
  }

  leave(exit: QueueExit): void {
    this.settle(exit);
  }
}

/**
 * The automatic call distributor: every team's waiting calls in arrival order, offered to the
 * team's free agents by the team's strategy as soon as both exist. An offer rings the agent's
 * extension through the PBX (several at once for "ring all") while the caller keeps hearing the
 * hold audio; the first to answer is bridged to the caller. A phone that rings out sets its
 * agent away if the team says so; a busy or failing one rests a while; the call waits on for
 * the next agent. Overflow (team closed, nobody logged in, waited too long) is decided here and
 * carried out by the waiting room.
 */
export class CallQueues {
  /** All waiting calls, oldest first. */
  private readonly entries: QueueEntry[] = [];
  private dispatchScheduled = false;

  constructor(private readonly deps: CallQueuesDeps) {
    deps.roster.onChange(() => {
      this.scheduleDispatch();
      deps.onChange();
    });
  }

  /**
   * Puts a call in a team's queue, or says at once why it cannot wait there. `queuedAt` is kept
   * from an earlier queue when the call overflowed here.
   */
  join(
    call: Call,
    team: Team,
    options: { ringTimeoutMs: number; queuedAt?: { ms: number; iso: string } },
  ): QueueEntry {
    const now = this.deps.clock.now();
    const entry = new QueueEntry(
      call,
      team.id,
      options.queuedAt?.ms ?? now,
      options.queuedAt?.iso ?? new Date().toISOString(),
      options.ringTimeoutMs,
    );
    const refusal = this.refusal(team);
    if (refusal) {
      entry.leave({ kind: 'overflow', reason: refusal });
      return entry;
    }
    // In arrival order: a call overflowing from another team keeps its place by when it came.
    const after = this.entries.findIndex((other) => other.queuedAt > entry.queuedAt);
    if (after < 0) this.entries.push(entry);
    else this.entries.splice(after, 0, entry);
    const { maxWaitSec } = team.routing;
    if (maxWaitSec !== null) {
      const left = maxWaitSec * 1000 - (now - entry.queuedAt);
      entry.maxWaitTimer = this.deps.clock.setTimeout(
        () => this.overflow(entry, 'max_wait'),
        Math.max(0, left),
      );
    }
    void call.ended.then(() => entry.leave({ kind: 'hung_up' }));
    void entry.exit.then(() => this.remove(entry));
    this.deps.onChange();
    this.scheduleDispatch();
    return entry;
  }

  /** A waiting-in-queue workflow takes over the caller for a while: no offers meanwhile. */
  pause(entry: QueueEntry): void {
    if (entry.state === 'waiting') entry.state = 'in_workflow';
    this.deps.onChange();
  }

  resume(entry: QueueEntry): void {
    if (entry.state === 'in_workflow') entry.state = 'waiting';
    this.deps.onChange();
    this.scheduleDispatch();
  }

  /** Calls waiting in a team's queue, oldest first. */
  waiting(teamId: string): readonly QueueEntry[] {
    return this.entries.filter((entry) => entry.teamId === teamId);
  }

  /** 1 for the next call the team's agents will get. */
  position(entry: QueueEntry): number {
    return this.waiting(entry.teamId).indexOf(entry) + 1;
  }

  close(): void {
    for (const entry of [...this.entries]) entry.leave({ kind: 'hung_up' });
  }

  private refusal(team: Team): OverflowReason | undefined {
    const { hours, overflowWhenNobodyLoggedIn } = team.routing;
    if (hours && calendarStateAt(hours, new Date()) !== 'open') return 'closed';
    if (overflowWhenNobodyLoggedIn && this.nobodyLoggedIn(team.id)) return 'nobody_logged_in';
    return undefined;
  }

  private nobodyLoggedIn(teamId: string): boolean {
    return this.deps.roster.members(teamId).every((agent) => agent.presence === 'offline');
  }

  private overflow(entry: QueueEntry, reason: OverflowReason): void {
    if (entry.state === 'ringing') entry.overflowDue = reason;
    else entry.leave({ kind: 'overflow', reason });
  }

  private remove(entry: QueueEntry): void {
    const index = this.entries.indexOf(entry);
    if (index >= 0) this.entries.splice(index, 1);
    if (entry.maxWaitTimer) this.deps.clock.clearTimeout(entry.maxWaitTimer);
    this.deps.onChange();
  }

  /** Coalesces the bursts of changes one event causes into one pass. */
  private scheduleDispatch(): void {
    if (this.dispatchScheduled) return;
    this.dispatchScheduled = true;
    queueMicrotask(() => {
      this.dispatchScheduled = false;
      this.dispatch();
    });
  }

  /** Oldest call first: each waiting call gets the free agents its team's strategy picks. */
  private dispatch(): void {
    // Free agents per team, worked out once per pass: an offer takes them out of every team.
    const free = new Map<string, FreeAgent[]>();
    const offered = new Set<string>();
    for (const entry of [...this.entries]) {
      if (entry.state !== 'waiting' || entry.settled) continue;
      const team = this.deps.team(entry.teamId);
      if (!team) continue;
      if (team.routing.overflowWhenNobodyLoggedIn && this.nobodyLoggedIn(team.id)) {
        entry.leave({ kind: 'overflow', reason: 'nobody_logged_in' });
        continue;
      }
      let candidates = free.get(team.id);
      if (!candidates) {
        candidates = this.deps.roster.free(team.id);
        free.set(team.id, candidates);
      }
      const chosen = pick(
        team.routing.strategy,
        candidates.filter(({ agent }) => !offered.has(agent.id)),
      );
      if (chosen.length === 0) continue;
      for (const { agent } of chosen) offered.add(agent.id);
      void this.offer(entry, team, chosen);
    }
  }

  /**
   * Rings one agent for a call outside any queue (a workflow's "assign to agent"), if the agent
   * is free; resolves with whether they took it.
   */
  async ringAgent(
    call: Call,
    agentId: string,
    ringTimeoutMs: number,
  ): Promise<'answered' | 'not_free' | 'unanswered'> {
    const row = this.deps.roster.row(agentId);
    if (!row || this.deps.roster.status(agentId) !== 'available') return 'not_free';
    const teams = row.teamIds.map((id) => this.deps.team(id)).filter((team) => team !== undefined);
    const answeredBy = await this.ring(call, [row], {
      ringTimeoutMs,
      team: teams[0],
      awayOnNoAnswer: teams.some((team) => team.routing.awayOnNoAnswer),
      wrapUpSec: Math.max(0, ...teams.map((team) => team.routing.wrapUpSec)),
    });
    return answeredBy === undefined ? 'unanswered' : 'answered';
  }

  private async offer(entry: QueueEntry, team: Team, agents: FreeAgent[]): Promise<void> {
    entry.state = 'ringing';
    this.deps.onChange();
    const answeredBy = await this.ring(
      entry.call,
      agents.map(({ agent }) => agent),
      {
        ringTimeoutMs: entry.ringTimeoutMs,
        team,
        awayOnNoAnswer: team.routing.awayOnNoAnswer,
        wrapUpSec: team.routing.wrapUpSec,
      },
    );
    if (answeredBy !== undefined) {
      this.deps.onAnswered(entry, answeredBy);
      entry.leave({ kind: 'answered', agentId: answeredBy });
      return;
    }
    entry.state = 'waiting';
    if (entry.overflowDue) entry.leave({ kind: 'overflow', reason: entry.overflowDue });
    entry.wake();
    this.deps.onChange();
    this.scheduleDispatch();
  }

  /** Rings the agents' phones at once; the first to answer is bridged to the caller. */
  private async ring(
    call: Call,
    agents: AgentRow[],
    rules: { ringTimeoutMs: number; team: Team | undefined; awayOnNoAnswer: boolean; wrapUpSec: number },
  ): Promise<string | undefined> {
    const { roster } = this.deps;
    for (const agent of agents) roster.offered(agent.id);
    const uris = agents.map((agent) => this.deps.agentUri(agent.extension, call));
    let outcome: BridgeOutcome;
    try {
      const team = rules.team;
      outcome = await call.bridgeTo(uris, {
        ringTimeoutMs: rules.ringTimeoutMs,
        headers: [[CALL_ID_HEADER, call.id]],
        ...(team ? { holdAudio: () => this.deps.holdAudio(team) } : {}),
      });
    } catch (error) {
      outcome = { kind: 'failed', reason: String(error) };
    }
    const answeredBy = outcome.kind === 'bridged' ? agents[uris.indexOf(outcome.target)]?.id : undefined;
    // A caller gone while phones rang says nothing about the agents.
    const callerLeft = call.state === 'ended';
    agents.forEach((agent, index) => {
      const leg = outcome.legs?.[uris[index]!] ?? aggregateLeg(outcome);
      const how =
        agent.id === answeredBy ? 'answered' : leg === 'busy' || leg === 'failed' ? 'refused' : 'unanswered';
      roster.offerEnded(agent.id, how);
      if (leg === 'no-answer' && !callerLeft && rules.awayOnNoAnswer) {
        this.deps.logger.info('an agent did not answer: set away', { agentId: agent.id, callId: call.id });
        roster.setPresence(agent.id, 'away');
      }
    });
    if (outcome.kind === 'busy' || outcome.kind === 'failed') {
      this.deps.logger.warn('an agent’s phone refused a call', {
        callId: call.id,
        outcome: outcome.kind === 'failed' ? outcome.reason : outcome.kind,
      });
    }
    if (answeredBy !== undefined) this.followAgents(call, answeredBy, rules.wrapUpSec);
    return answeredBy;
  }

  /**
   * The agent on the call is busy until it ends for them: when the caller hangs up, or when
   * they transfer the caller (RFC 3515 REFER from their phone), who then frees them to wrap up
   * while the agent who took the transfer, if one of ours, becomes busy in their place.
   */
  private followAgents(call: Call, agentId: string, wrapUpSec: number): void {
    const { roster } = this.deps;
    let current: string | undefined = agentId;
    const stop = call.onTransferred?.((transfer) => {
      const from = current ?? null;
      if (current !== undefined) roster.callEnded(current, wrapUpSec);
      current = roster.byExtension(transfer.user)?.id;
      if (current !== undefined) roster.callTaken(current);
      this.deps.logger.info('an agent transferred a call', {
        callId: call.id,
        to: transfer.uri,
        attended: transfer.attended,
        agentId: current ?? null,
      });
      this.deps.onTransferred?.(call, { from, to: current ?? null, transfer });
    });
    void call.ended.then(() => {
      stop?.();
      if (current !== undefined) roster.callEnded(current, wrapUpSec);
      current = undefined;
    });
  }
}

/** A bridge that does not say how each phone responded: the overall outcome stands for each. */
function aggregateLeg(outcome: BridgeOutcome): LegResult {
  return outcome.kind === 'bridged' ? 'cancelled' : outcome.kind;
}

/** The agents one offer rings, by the team's strategy. */
function pick(strategy: Team['routing']['strategy'], free: FreeAgent[]): FreeAgent[] {
  if (free.length === 0 || strategy === 'ring_all') return free;
  const key = strategy === 'longest_idle' ? (a: FreeAgent) => a.idleSince : (a: FreeAgent) => a.lastOfferedAt;
  return [free.reduce((best, next) => (key(next) < key(best) ? next : best))];
}
