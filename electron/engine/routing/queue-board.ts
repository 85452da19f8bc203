import type { QueueSnapshot } from '../../../shared/domain/queues.js';
import type { Team } from '../../../shared/domain/teams.js';
import type { Clock, TimerHandle } from '../clock.js';
import type { QueueSnapshot as CriteriaSnapshot } from '../flow/flow-services.js';
import type { AgentRoster } from './agent-roster.js';
import type { CallQueues } from './call-queues.js';
import type { WaitEstimate } from './wait-estimate.js';

/** The live board refreshes at most this often however busy the office is (4 per second). */
export const BOARD_INTERVAL_MS = 250;

export interface QueueBoardDeps {
  clock: Clock;
  queues: CallQueues;
  roster: AgentRoster;
  teams(): Team[];
  estimate: WaitEstimate;
  publish(snapshots: QueueSnapshot[]): void;
}

/**
 * Every team's queue as the inbox's live board shows it, and as branch conditions read it.
 * Changes are pushed coalesced: the first at once, the rest at most every BOARD_INTERVAL_MS,
 * and always the latest state last.
 */
export class QueueBoard {
  private timer: TimerHandle | undefined;
  private pending = false;
  private lastPublished = -Infinity;
  private closed = false;

  constructor(private readonly deps: QueueBoardDeps) {}

  snapshots(): QueueSnapshot[] {
    return this.deps.teams().map((team) => this.snapshot(team));
  }

  snapshot(team: Team): QueueSnapshot {
    const { queues, roster } = this.deps;
    const calls = queues.waiting(team.id).map((entry, index) => ({
      callId: entry.call.id,
      caller: entry.call.caller,
      dialled: entry.call.dialled,
      state: entry.state,
      position: index + 1,
      queuedAt: entry.queuedAtIso,
    }));
    const agents = roster
      .members(team.id)
      .map((agent) => ({ agentId: agent.id, name: agent.name, status: roster.status(agent.id) }));
    return {
      teamId: team.id,
      teamName: team.name,
      calls,
      agents,
      estimatedWaitSec: this.estimatedWaitSec(team.id, calls.length + 1),
      at: new Date().toISOString(),
    };
  }

  /** The numbers a workflow's queue conditions compare. */
  criteria(teamId: string): CriteriaSnapshot {
    const now = this.deps.clock.now();
    const waiting = this.deps.queues.waiting(teamId);
    const longest = waiting.reduce((max, entry) => Math.max(max, now - entry.queuedAt), 0);
    return {
      agentsAvailable: this.deps.roster.free(teamId).length,
      callsWaiting: waiting.length,
      longestWaitSec: Math.floor(longest / 1000),
    };
  }

  estimatedWaitSec(teamId: string, position: number): number | null {
    const { roster } = this.deps;
    const staffed = roster
      .members(teamId)
      .filter((agent) => !['away', 'offline'].includes(roster.status(agent.id))).length;
    return this.deps.estimate.estimateSec(teamId, position, staffed);
  }

  /** Something moved: publish now, or once the interval is over. */
  changed(): void {
    if (this.closed) return;
    if (this.timer) {
      this.pending = true;
      return;
    }
    const wait = this.lastPublished + BOARD_INTERVAL_MS - this.deps.clock.now();
    if (wait <= 0) {
      this.publish();
      this.timer = this.deps.clock.setTimeout(() => this.tick(), BOARD_INTERVAL_MS);
    } else {
      this.pending = true;
      this.timer = this.deps.clock.setTimeout(() => this.tick(), wait);
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    this.timer = undefined;
    if (!this.pending) return;
    this.pending = false;
    this.publish();
    this.timer = this.deps.clock.setTimeout(() => this.tick(), BOARD_INTERVAL_MS);
  }

  private publish(): void {
    this.lastPublished = this.deps.clock.now();
    this.deps.publish(this.snapshots());
  }
}
