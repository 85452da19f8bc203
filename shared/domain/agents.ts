import { z } from 'zod';
import { sipUserSchema } from './line.js';

/** What the agent chose: take calls, not now, or gone for the day. */
export const presences = ['available', 'away', 'offline'] as const;
export const presenceSchema = z.enum(presences);
export type Presence = z.infer<typeof presenceSchema>;

/**
 * What the queue sees: the presence, or, for an available agent, what calls make of it —
 * ringing (offered a call), busy (on as many calls as allowed), wrap_up (just finished one).
 */
export const agentStatuses = ['available', 'ringing', 'busy', 'wrap_up', 'away', 'offline'] as const;
export const agentStatusSchema = z.enum(agentStatuses);
export type AgentStatus = z.infer<typeof agentStatusSchema>;

/** An extension on the office PBX ("201") or a full SIP URI ("sip:201@pbx.example.com"). */
export const extensionSchema = z.union([
  sipUserSchema,
  z
    .string()
    .trim()
    .regex(/^sips?:[^\s@<>"]+@[^\s<>"]+$/, 'A SIP URI like sip:201@pbx.example.com'),
]);

export const agentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  extension: z.string(),
  maxCalls: z.number().int(),
  teamIds: z.array(z.uuid()),
  presence: presenceSchema,
  status: agentStatusSchema,
  presenceChangedAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});
export type Agent = z.infer<typeof agentSchema>;

export const agentInputSchema = z.strictObject({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, 'Give the agent a name').max(80),
  extension: extensionSchema,
  maxCalls: z.number().int().min(1).max(5).default(1),
  /** Omitted: kept as they are (none for a new agent). */
  teamIds: z.array(z.uuid()).max(100).optional(),
});
export type AgentInput = z.infer<typeof agentInputSchema>;

/**
 * A phone's report of calls the engine did not place (presence.ownCalls) holds this long: the
 * phone repeats it well within that while on such a call, so a closed app cannot leave its agent
 * busy for ever.
 */
export const OWN_CALLS_LAPSE_MS = 90_000;
