import type { Callback } from '../../../shared/domain/callbacks.js';
import type { Handlers } from '../../../shared/rpc/contract.js';
import { RpcError } from '../../../shared/rpc/errors.js';
import { CallbackNotStartableError, type OfficeRouting } from '../routing/office-routing.js';
import { ExtensionTakenError, type AgentRepository } from '../store/agent-repository.js';
import type { AgentTokens } from '../store/agent-tokens.js';
import type { CallbackList, CallbackRow } from '../store/callback-list.js';
import { TeamNameTakenError, type TeamRepository } from '../store/team-repository.js';

export interface RoutingHandlerDeps {
  teams: TeamRepository;
  agents: AgentRepository;
  tokens: AgentTokens;
  callbacks: CallbackList;
  routing: OfficeRouting;
  publishCallback(callback: Callback): void;
  /** Agents' tokens were revoked or their agent removed: connected apps must go. */
  agentTokensChanged(): void;
  /** An agent is gone: its secrets (the SIP password) go too. */
  agentRemoved(agentId: string): void;
}

type RoutingMethods = Pick<
  Handlers,
  | 'teams.list'
  | 'teams.save'
  | 'teams.remove'
  | 'agents.list'
  | 'agents.save'
  | 'agents.remove'
  | 'agents.issueToken'
  | 'agents.revokeTokens'
  | 'presence.set'
  | 'presence.ownCalls'
  | 'queues.snapshot'
  | 'callbacks.list'
  | 'callbacks.start'
  | 'callbacks.complete'
>;

/** Teams, agents, presence, the live queues and callbacks over the API. */
export function createRoutingHandlers(deps: RoutingHandlerDeps): RoutingMethods {
  const { teams, agents, callbacks, routing } = deps;
  const invalid = (path: string, code: string, message: string) =>
    new RpcError('INVALID_PARAMS', message, { issues: [{ path: [path], code, message }] });
  const unknownIds = (ids: readonly string[] | undefined, known: Set<string>) =>
    (ids ?? []).filter((id) => !known.has(id));

  return {
    'teams.list': async () => teams.list(),
    'teams.save': async (input) => {
      const strangers = unknownIds(input.memberIds, new Set(agents.list().map((a) => a.id)));
      if (strangers.length > 0) throw invalid('memberIds', 'unknown', `No agent ${strangers.join(', ')}`);
      const overflow = input.routing?.overflow;
      if (overflow?.kind === 'team' && !teams.get(overflow.teamId)) {
        throw invalid('routing', 'unknown', `No team ${overflow.teamId} to overflow to`);
      }
      try {
        const saved = teams.save(input);
        if (!saved) throw new RpcError('NOT_FOUND', `No team ${input.id ?? ''}`);
        routing.refresh();
        return saved;
      } catch (error) {
        if (error instanceof TeamNameTakenError) throw invalid('name', 'taken', error.message);
        throw error;
      }
    },
    'teams.remove': async ({ id }) => {
      const removed = teams.remove(id);
      if (removed) routing.refresh();
      return { removed };
    },
    'agents.list': async () => routing.roster.list(),
    'agents.save': async (input) => {
      const strangers = unknownIds(input.teamIds, new Set(teams.list().map((t) => t.id)));
      if (strangers.length > 0) throw invalid('teamIds', 'unknown', `No team ${strangers.join(', ')}`);
      try {
        const saved = agents.save(input);
        if (!saved) throw new RpcError('NOT_FOUND', `No agent ${input.id ?? ''}`);
        routing.refresh();
        return routing.roster.get(saved.id)!;
      } catch (error) {
        if (error instanceof ExtensionTakenError) throw invalid('extension', 'taken', error.message);
        throw error;
      }
    },
    'agents.remove': async ({ id }) => {
      const removed = agents.remove(id);
      if (removed) {
        routing.refresh();
        deps.agentRemoved(id);
        deps.agentTokensChanged();
      }
      return { removed };
    },
    'agents.issueToken': async ({ agentId, label }) => {
      if (!agents.get(agentId)) throw new RpcError('NOT_FOUND', `No agent ${agentId}`);
      return { agentId, token: deps.tokens.issue(agentId, label) };
    },
    'agents.revokeTokens': async ({ agentId }) => {
      const revoked = deps.tokens.revokeAll(agentId);
      deps.agentTokensChanged();
      return { revoked };
    },
    'presence.set': async ({ agentId, presence }) => {
      const agent = routing.setPresence(agentId, presence);
      if (!agent) throw new RpcError('NOT_FOUND', `No agent ${agentId}`);
      return agent;
    },
    'presence.ownCalls': async ({ agentId, phoneId, calls }) => {
      const agent = routing.setOwnCalls(agentId, phoneId, calls);
      if (!agent) throw new RpcError('NOT_FOUND', `No agent ${agentId}`);
      return agent;
    },
    'queues.snapshot': async () => routing.board.snapshots(),
    'callbacks.list': async (filter) => callbacks.list(filter),
    'callbacks.start': async ({ id, agentId }) => {
      try {
        return routing.startCallback(id, agentId);
      } catch (error) {
        if (error instanceof CallbackNotStartableError) throw new RpcError('CONFLICT', error.message);
        throw error;
      }
    },
    'callbacks.complete': async ({ id, status, result }) => {
      const settled: CallbackRow | undefined = callbacks.settle(id, status, result);
      if (!settled) throw new RpcError('NOT_FOUND', `No callback ${id}`);
      deps.publishCallback(settled);
      return settled;
    },
  };
}
