import { z } from 'zod';
import { calendarSchema } from '../workflow/calendar.js';

/** How a team's queue picks among its free agents. */
export const routingStrategies = ['longest_idle', 'round_robin', 'ring_all'] as const;
export const routingStrategySchema = z.enum(routingStrategies);
export type RoutingStrategy = z.infer<typeof routingStrategySchema>;

/**
 * Where a call goes when the team cannot take it (closed, nobody logged in, waited too long):
 * `exit` leaves the queue by the assign step's "no answer" path (usually to voicemail), `team`
 * joins another team's queue, `workflow` runs a published workflow on the call.
 */
export const overflowSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('exit') }),
  z.strictObject({ kind: z.literal('team'), teamId: z.uuid() }),
  z.strictObject({ kind: z.literal('workflow'), workflowId: z.uuid() }),
]);
export type Overflow = z.infer<typeof overflowSchema>;

/** A team's queue settings; every field has a default, so `{}` is a working team. */
export const teamRoutingSchema = z.strictObject({
  strategy: routingStrategySchema.default('longest_idle'),
  /** Time after a call before the agent is offered the next one. */
  wrapUpSec: z.number().int().min(0).max(600).default(15),
  /** The team's own hours; null: whenever the workflow sends callers. */
  hours: calendarSchema.nullable().default(null),
  /** After this long in the queue the call overflows; null: it waits until answered. */
  maxWaitSec: z.number().int().min(10).max(7200).nullable().default(null),
  overflow: overflowSchema.default({ kind: 'exit' }),
  /** Overflow at once when no member is logged in (every one offline). */
  overflowWhenNobodyLoggedIn: z.boolean().default(true),
  /** An uploaded prompt looped as hold music; null for the built-in chime. */
  holdPromptId: z.uuid().nullable().default(null),
  /** Tell waiting callers their place in line and the expected wait, every announceEverySec. */
  announcePosition: z.boolean().default(true),
  announceEverySec: z.number().int().min(20).max(600).default(60),
  /** An agent whose phone rings out is set away, so the next caller is not offered to them. */
  awayOnNoAnswer: z.boolean().default(true),
});
export type TeamRouting = z.infer<typeof teamRoutingSchema>;

/** A team callers are assigned to (sales, support), its members and queue settings. */
export const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  routing: teamRoutingSchema,
  memberIds: z.array(z.uuid()),
  createdAt: z.iso.datetime(),
});
export type Team = z.infer<typeof teamSchema>;

export const teamInputSchema = z.strictObject({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, 'Give the team a name').max(80),
  /** Omitted: kept as they are (defaults for a new team). */
  routing: teamRoutingSchema.optional(),
  memberIds: z.array(z.uuid()).max(500).optional(),
});
export type TeamInput = z.infer<typeof teamInputSchema>;
