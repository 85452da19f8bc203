import { randomUUID } from 'node:crypto';
import type { Agent, Presence } from '../../../shared/domain/agents.js';
import type { QueueSnapshot } from '../../../shared/domain/queues.js';
import type { Team } from '../../../shared/domain/teams.js';
import type { PromptLanguage } from '../../../shared/workflow/prompt.js';
import type { Call } from '../call/call.js';
import type { Clock } from '../clock.js';
import type { FlowResult, RunnableVersion } from '../flow/flow-interpreter.js';
import type { AssignOutcome, QueueSnapshot as CriteriaSnapshot } from '../flow/flow-services.js';
import type { Logger } from '../logger.js';
import type { AgentRepository } from '../store/agent-repository.js';
import type { CallbackList, CallbackRow } from '../store/callback-list.js';
import type { ConversationLog } from '../store/conversation-log.js';
import type { TeamRepository } from '../store/team-repository.js';
import { AgentRoster } from './agent-roster.js';
import type { CallbackDialer } from './callback-dialer.js';
import { CallQueues } from './call-queues.js';
import { QueueBoard } from './queue-board.js';
import { WaitEstimate } from './wait-estimate.js';
import { WaitingRoom } from './waiting-room.js';

/** How long an agent's phone rings for a callback before we give up. */
const CALLBACK_RING_MS = 30_000;

export interface OfficeRoutingDeps {
  clock: Clock;
  logger: Logger;
  teams: TeamRepository;
  agents: AgentRepository;
  conversations: ConversationLog;
  callbacks: CallbackList;
  dialer: CallbackDialer;
  /** The registrar host of a line, for agents' extensions given as bare users. */
  registrarOf(lineId: string): string | undefined;
  holdAudio(team: Team): Promise<Int16Array>;
  speak(text: string, language: PromptLanguage): Promise<Int16Array>;
  announcement(position: number, waitSec: number | null, language: PromptLanguage): string;
  waitingWorkflows(teamId: string, call: Call): RunnableVersion[];
  liveWorkflow(workflowId: string): RunnableVersion | undefined;
  runWorkflow(call: Call, version: RunnableVersion): Promise<FlowResult>;
  /** Recent handle times of a team (ms, oldest first), to estimate waits after a restart. */
  recentHandleMs(teamId: string): number[];
  publishAgent(agent: Agent): void;
  publishQueues(snapshots: QueueSnapshot[]): void;
  publishCallback(callback: CallbackRow): void;
}

export class CallbackNotStartableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CallbackNotStartableError';
  }
}

/**
 * Teams, agents and queues wired together: what workflows assign calls to, what the API's
 * presence and callback methods act on, and the live board. Team settings are read from the
 * store at each use, so a change applies to the next call without a restart.
 */
export class OfficeRouting {
  readonly roster: AgentRoster;
  readonly queues: CallQueues;
  readonly board: QueueBoard;
  private readonly waitingRoom: WaitingRoom;
  private readonly estimate: WaitEstimate;
  /** Teams as last saved: read at every dispatch pass, so kept in memory (refresh() reloads). */
  private teams = new Map<string, Team>();

  constructor(private readonly deps: OfficeRoutingDeps) {
    this.roster = new AgentRoster(deps.agents, deps.clock);
    this.estimate = new WaitEstimate(deps.recentHandleMs);
    this.loadTeams();
    const team = (id: string) => this.teams.get(id);
    this.queues = new CallQueues({
      clock: deps.clock,
      roster: this.roster,
      team,
      holdAudio: deps.holdAudio,
      agentUri: (extension, call) => agentUri(extension, deps.registrarOf(call.lineId) ?? 'localhost'),
      logger: deps.logger,
      onChange: () => this.board.changed(),
      onAnswered: (entry, agentId) => this.answered(entry.call, agentId, entry.teamId),
      onTransferred: (call, { from, to, transfer }) =>
        deps.conversations.transferred(call.id, {
          at: new Date().toISOString(),
          fromAgentId: from,
          toAgentId: to,
          target: transfer.user,
          attended: transfer.attended,
        }),
    });
    this.board = new QueueBoard({
      clock: deps.clock,
      queues: this.queues,
      roster: this.roster,
      teams: () => [...this.teams.values()],
      estimate: this.estimate,
      publish: deps.publishQueues,
    });
    this.waitingRoom = new WaitingRoom({
      clock: deps.clock,
      queues: this.queues,
      team,
      holdAudio: deps.holdAudio,
      announcement: (t, position, language) =>
        deps.speak(
          deps.announcement(position, this.board.estimatedWaitSec(t.id, position), language),
          language,
        ),
      waitingWorkflows: deps.waitingWorkflows,
      liveWorkflow: deps.liveWorkflow,
      runWorkflow: deps.runWorkflow,
      conversations: deps.conversations,
      logger: deps.logger,
    });
    this.roster.onChange(deps.publishAgent);
  }

  /** A workflow's assign step: wait in a team's queue, or ring one agent. */
  async assign(
    call: Call,
    target: { kind: 'team'; teamId: string } | { kind: 'agent'; agentId: string },
    options: { ringTimeoutMs: number; language: PromptLanguage },
  ): Promise<AssignOutcome> {
    if (target.kind === 'team') return this.waitingRoom.wait(call, target.teamId, options);
    const result = await this.queues.ringAgent(call, target.agentId, options.ringTimeoutMs);
    if (result === 'answered') {
      this.answered(call, target.agentId, null);
      return { kind: 'connected' };
    }
    return {
      kind: 'no_answer',
      why: result === 'not_free' ? 'the agent is not available' : 'the agent did not answer',
    };
  }

  criteria(teamId: string): CriteriaSnapshot {
    return this.board.criteria(teamId);
  }

  setPresence(agentId: string, presence: Presence): Agent | undefined {
    return this.roster.setPresence(agentId, presence);
  }

  /** Calls on an agent's phone that the engine did not place (see AgentRoster.setOwnCalls). */
  setOwnCalls(agentId: string, phoneId: string, count: number): Agent | undefined {
    return this.roster.setOwnCalls(agentId, phoneId, count);
  }

  /** Agents or teams were saved or removed. */
  refresh(): void {
    this.loadTeams();
    this.roster.reload();
    this.board.changed();
  }

  /**
   * Starts returning a callback for an agent; resolves with the request marked in progress,
   * while the agent's phone rings. How it went is pushed as callbacks.changed.
   */
  startCallback(callbackId: string, agentId: string): CallbackRow {
    const { callbacks } = this.deps;
    const request = callbacks.get(callbackId);
    if (!request) throw new CallbackNotStartableError(`No callback ${callbackId}`);
    if (request.status === 'in_progress' || request.status === 'done') {
      throw new CallbackNotStartableError(`The callback is ${request.status.replace('_', ' ')} already`);
    }
    const agent = this.roster.row(agentId);
    if (!agent) throw new CallbackNotStartableError(`No agent ${agentId}`);
    if (this.roster.status(agentId) === 'busy' || this.roster.status(agentId) === 'ringing') {
      throw new CallbackNotStartableError(`${agent.name} is on a call`);
    }
    const started = callbacks.attemptStarted(callbackId, agentId)!;
    void this.returnCall(started, agent.id, agent.extension);
    return started;
  }

  private loadTeams(): void {
    this.teams = new Map(this.deps.teams.list().map((team) => [team.id, team]));
  }

  close(): void {
    this.queues.close();
    this.board.close();
    this.roster.close();
  }

  private async returnCall(request: CallbackRow, agentId: string, extension: string): Promise<void> {
    const { callbacks, conversations } = this.deps;
    const conversationId = randomUUID();
    const lineId = conversations.get(request.callId)?.lineId ?? null;
    conversations.started({
      id: conversationId,
      direction: 'outbound',
      lineId,
      caller: request.number,
      dialled: request.number,
      agentId,
      teamId: request.teamId,
      at: new Date(),
    });
    this.roster.offered(agentId);
    let settled: CallbackRow | undefined;
    try {
      const team = request.teamId === null ? undefined : this.teams.get(request.teamId);
      const attempt = await this.deps.dialer.call({
        conversationId,
        lineId,
        agentUri: (registrar) => agentUri(extension, registrar),
        number: request.number,
        ringTimeoutMs: CALLBACK_RING_MS,
        ...(team ? { holdAudio: () => this.deps.holdAudio(team) } : {}),
      });
      if (attempt.kind !== 'talking') {
        // The agent started this one: an unanswered ring sets nobody away.
        this.roster.offerEnded(agentId, 'unanswered');
        settled = callbacks.settle(request.id, 'open', attempt.why);
        conversations.ended(conversationId, new Date(), false);
        return;
      }
      this.roster.offerEnded(agentId, 'answered');
      conversations.answered(conversationId, agentId, attempt.answeredAt);
      await attempt.ended;
      conversations.ended(conversationId, new Date(), false);
      const wrapUpSec = team?.routing.wrapUpSec ?? 0;
      this.roster.callEnded(agentId, wrapUpSec);
      settled = callbacks.settle(request.id, 'done', 'talked');
    } catch (error) {
      this.deps.logger.error('a callback could not be placed', {
        callbackId: request.id,
        error: String(error),
      });
      this.roster.offerEnded(agentId, 'unanswered');
      settled = callbacks.settle(request.id, 'open', error instanceof Error ? error.message : String(error));
      conversations.ended(conversationId, new Date(), false);
    } finally {
      if (settled) this.deps.publishCallback(settled);
    }
  }

  private answered(call: Call, agentId: string, teamId: string | null): void {
    const answeredAt = this.deps.clock.now();
    this.deps.conversations.answered(call.id, agentId, new Date());
    void call.ended.then(() => {
      if (teamId === null) return;
      const wrapUpSec = this.teams.get(teamId)?.routing.wrapUpSec ?? 0;
      this.estimate.handled(teamId, this.deps.clock.now() - answeredAt + wrapUpSec * 1000);
    });
  }
}

/** A bare extension ("201") is a user at the line's registrar; a SIP URI is used as it is. */
export function agentUri(extension: string, registrar: string): string {
  return /^sips?:/.test(extension) ? extension : `sip:${extension}@${registrar}`;
}
