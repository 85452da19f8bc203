import { z } from 'zod';
import { agentInputSchema, agentSchema, presenceSchema } from '../domain/agents.js';
import {
  callbackListParams,
  callbackSchema,
  completeCallbackParams,
  startCallbackParams,
} from '../domain/callbacks.js';
import { queueSnapshotSchema } from '../domain/queues.js';
import { teamInputSchema, teamSchema } from '../domain/teams.js';
import { noParams, type EventSpec, type MethodSpec } from './method-spec.js';

const removed = z.object({ removed: z.boolean() });

/** Teams, agents and their presence, the live queues, and returning callbacks. */
export const routingMethods = {
  'teams.list': { params: noParams, result: z.array(teamSchema) },
  'teams.save': { params: teamInputSchema, result: teamSchema },
  'teams.remove': { params: z.strictObject({ id: z.uuid() }), result: removed },
  'agents.list': { params: noParams, result: z.array(agentSchema) },
  'agents.save': { params: agentInputSchema, result: agentSchema },
  'agents.remove': { params: z.strictObject({ id: z.uuid() }), result: removed },
  /** A token for an agent's app on another PC; shown this once, stored only as a hash. */
  'agents.issueToken': {
    params: z.strictObject({ agentId: z.uuid(), label: z.string().trim().min(1).max(80) }),
    result: z.object({ agentId: z.uuid(), token: z.string() }),
  },
  'agents.revokeTokens': {
    params: z.strictObject({ agentId: z.uuid() }),
    result: z.object({ revoked: z.number().int() }),
  },
  'presence.set': {
    params: z.strictObject({ agentId: z.uuid(), presence: presenceSchema }),
    result: agentSchema,
  },
  /**
   * How many calls one of the agent's phones (`phoneId`: chosen by the phone, stable while it
   * runs) is on that the engine did not place (dialled by the agent, or a colleague's direct
   * call): they count against the agent's call limit, so with the usual limit of one the queues
   * offer nothing meanwhile. The phone reports every change and repeats a non-zero count within
   * OWN_CALLS_LAPSE_MS, after which it lapses.
   */
  'presence.ownCalls': {
    params: z.strictObject({
      agentId: z.uuid(),
      phoneId: z.string().min(1).max(64),
      calls: z.number().int().min(0).max(16),
    }),
    result: agentSchema,
  },
  'queues.snapshot': { params: noParams, result: z.array(queueSnapshotSchema) },
  'callbacks.list': { params: callbackListParams, result: z.array(callbackSchema) },
  'callbacks.start': { params: startCallbackParams, result: callbackSchema },
  'callbacks.complete': { params: completeCallbackParams, result: callbackSchema },
} as const satisfies Record<string, MethodSpec>;

export const routingEvents = {
  /** An agent's presence or derived status changed. */
  'agents.changed': { payload: agentSchema },
  /** Every team's queue, at most a few times a second while anything moves. */
  'queues.changed': { payload: z.array(queueSnapshotSchema) },
  'callbacks.changed': { payload: callbackSchema },
} as const satisfies Record<string, EventSpec>;
