import {
  OWN_CALLS_LAPSE_MS,
  type Agent,
  type AgentStatus,
  type Presence,
} from '../../../shared/domain/agents.js';
import type { Clock, TimerHandle } from '../clock.js';
import type { AgentRepository, AgentRow } from '../store/agent-repository.js';

/** After a busy or failed ring an agent is left alone this long (their phone is in use). */
export const REST_AFTER_REFUSAL_MS = 15_000;

interface LiveState {
  /** Calls the agent is on now. */
  calls: number;
  /**
   * Calls on the agent's phones that the engine did not place, as each phone last reported
   * (an agent may have the app open twice), with the timer that lets a silent phone's lapse.
   */
  ownCalls: Map<string, { count: number; lapse: TimerHandle }>;
  /** Calls ringing on the agent's phone now (offered, not yet answered or given up). */
  offers: number;
  /** Clock ms; null when not wrapping up. */
  wrapUpUntil: number | null;
  /** Clock ms of the last call's end, or of becoming available: longest idle goes first. */
  idleSince: number;
  /** Clock ms of the last offer: round robin offers the one offered longest ago. */
  lastOfferedAt: number;
  /** Clock ms until which a refusing phone is not offered calls. */
  restUntil: number;
  timer: TimerHandle | undefined;
}

/** A member free to take a call now, with what the strategies sort by. */
export interface FreeAgent {
  agent: AgentRow;
  idleSince: number;
  lastOfferedAt: number;
}

/**
 * Who can take a call now. Presence is the agent's choice (stored); ringing, busy and wrap-up
 * come from calls and live here only: after a restart every agent starts idle, as no call
 * survives one.
 */
export class AgentRoster {
  private agents = new Map<string, AgentRow>();
  private readonly live = new Map<string, LiveState>();
  private readonly listeners = new Set<(agent: Agent) => void>();

  constructor(
    private readonly repository: AgentRepository,
    private readonly clock: Clock,
  ) {
    this.reload();
  }

  /** After agents were saved or removed: rows are re-read, live states kept. */
  reload(): void {
    this.agents = new Map(this.repository.list().map((row) => [row.id, row]));
    for (const id of this.live.keys()) if (!this.agents.has(id)) this.live.delete(id);
    for (const id of this.agents.keys()) this.state(id);
  }

  list(): Agent[] {
    return [...this.agents.values()].map((row) => this.toApi(row));
  }

  get(id: string): Agent | undefined {
    const row = this.agents.get(id);
    return row && this.toApi(row);
  }

  row(id: string): AgentRow | undefined {
    return this.agents.get(id);
  }

  /** The agent whose extension is `extension` (a bare user, or the user of its SIP URI). */
  byExtension(extension: string): AgentRow | undefined {
    for (const row of this.agents.values()) {
      const user = /^sips?:([^@;?]+)@/.exec(row.extension)?.[1] ?? row.extension;
      if (user === extension) return row;
    }
    return undefined;
  }

  members(teamId: string): AgentRow[] {
    return [...this.agents.values()].filter((row) => row.teamIds.includes(teamId));
  }

  status(id: string): AgentStatus {
    const row = this.agents.get(id);
    if (!row) return 'offline';
    const live = this.state(id);
    const calls = live.calls + ownCallCount(live);
    if (calls >= row.maxCalls || (calls > 0 && row.presence !== 'available')) return 'busy';
    if (row.presence !== 'available') return row.presence;
    if (live.offers > 0) return 'ringing';
    if (live.wrapUpUntil !== null) return 'wrap_up';
    return 'available';
  }

  /** Members who may be offered a call now: available, not ringing, under their call limit. */
  free(teamId: string): FreeAgent[] {
    const now = this.clock.now();
    return this.members(teamId)
      .filter((row) => this.status(row.id) === 'available' && this.state(row.id).restUntil <= now)
      .map((agent) => {
        const live = this.state(agent.id);
        return { agent, idleSince: live.idleSince, lastOfferedAt: live.lastOfferedAt };
      });
  }

  setPresence(id: string, presence: Presence): Agent | undefined {
    const row = this.agents.get(id);
    if (!row) return undefined;
    const at = new Date();
    this.repository.setPresence(id, presence, at);
    if (presence === 'available') {
      const live = this.state(id);
      if (row.presence !== 'available') live.idleSince = this.clock.now();
      // Saying "available" again during wrap-up is the agent's "ready" button: wrap-up ends.
      live.wrapUpUntil = null;
    }
    this.agents.set(id, { ...row, presence, presenceChangedAt: at.toISOString() });
    return this.changed(id);
  }

  offered(id: string): void {
    const live = this.state(id);
    live.offers++;
    live.lastOfferedAt = this.clock.now();
    this.changed(id);
  }

  /** The ring is over: answered, or not (`refused`: busy or failed, so rest a while). */
  offerEnded(id: string, how: 'answered' | 'unanswered' | 'refused'): void {
    const live = this.state(id);
    live.offers = Math.max(0, live.offers - 1);
    if (how === 'answered') live.calls++;
    if (how === 'refused') {
      live.restUntil = this.clock.now() + REST_AFTER_REFUSAL_MS;
      this.schedule(id, REST_AFTER_REFUSAL_MS);
    }
    this.changed(id);
  }

  /** A call reached the agent without an offer: a colleague transferred a caller to them. */
  callTaken(id: string): void {
    const live = this.state(id);
    live.calls++;
    live.lastOfferedAt = this.clock.now();
    this.changed(id);
  }

  /** A call the agent was on ended; they wrap up for `wrapUpSec` before the next offer. */
  callEnded(id: string, wrapUpSec: number): void {
    const live = this.state(id);
    live.calls = Math.max(0, live.calls - 1);
    live.idleSince = this.clock.now();
    if (wrapUpSec > 0) {
      live.wrapUpUntil = this.clock.now() + wrapUpSec * 1000;
      this.schedule(id, wrapUpSec * 1000);
    }
    this.changed(id);
  }

  /**
   * One of the agent's phones (`phoneId`) says how many calls it is on that the engine did not
   * place (the agent dialled out, a colleague called them directly to consult): they count
   * against the agent's call limit until that phone's next report, or until it lapses. Ending
   * them brings no wrap-up.
   */
  setOwnCalls(id: string, phoneId: string, count: number): Agent | undefined {
    if (!this.agents.has(id)) return undefined;
    const live = this.state(id);
    const before = ownCallCount(live);
    const previous = live.ownCalls.get(phoneId);
    if (previous) this.clock.clearTimeout(previous.lapse);
    if (count > 0) {
      const lapse = this.clock.setTimeout(() => this.setOwnCalls(id, phoneId, 0), OWN_CALLS_LAPSE_MS);
      live.ownCalls.set(phoneId, { count, lapse });
    } else live.ownCalls.delete(phoneId);
    const after = ownCallCount(live);
    if (after === before) return this.get(id);
    if (after < before) live.idleSince = this.clock.now();
    return this.changed(id);
  }

  onChange(listener: (agent: Agent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    for (const live of this.live.values()) {
      if (live.timer) this.clock.clearTimeout(live.timer);
      for (const { lapse } of live.ownCalls.values()) this.clock.clearTimeout(lapse);
    }
  }

  /** Wakes the roster when wrap-up or a rest is over, so the queue offers the agent again. */
  private schedule(id: string, ms: number): void {
    const live = this.state(id);
    if (live.timer) this.clock.clearTimeout(live.timer);
    live.timer = this.clock.setTimeout(() => {
      live.timer = undefined;
      const now = this.clock.now();
      if (live.wrapUpUntil !== null && live.wrapUpUntil <= now) live.wrapUpUntil = null;
      const next = Math.max(live.wrapUpUntil ?? 0, live.restUntil) - now;
      if (next > 0) this.schedule(id, next);
      this.changed(id);
    }, ms);
  }

  private state(id: string): LiveState {
    let live = this.live.get(id);
    if (!live) {
      const now = this.clock.now();
      live = {
        calls: 0,
        ownCalls: new Map(),
        offers: 0,
        wrapUpUntil: null,
        idleSince: now,
        lastOfferedAt: 0,
        restUntil: 0,
        timer: undefined,
      };
      this.live.set(id, live);
    }
    return live;
  }

  private changed(id: string): Agent | undefined {
    const agent = this.get(id);
    if (agent) for (const listener of this.listeners) listener(agent);
    return agent;
  }

  private toApi(row: AgentRow): Agent {
    return {
      id: row.id,
      name: row.name,
      extension: row.extension,
      maxCalls: row.maxCalls,
      teamIds: row.teamIds,
      presence: row.presence,
      status: this.status(row.id),
      presenceChangedAt: row.presenceChangedAt,
      createdAt: row.createdAt,
    };
  }
}

function ownCallCount(live: LiveState): number {
  let total = 0;
  for (const { count } of live.ownCalls.values()) total += count;
  return total;
}
