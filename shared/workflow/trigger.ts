import { z } from 'zod';
import { filterSchema, referenceIdSchema } from './criteria.js';

/** When a workflow is active at all; outside it, the next workflow in priority order is used. */
export const scheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('always') }),
  z.strictObject({
    kind: z.literal('calendar'),
    calendarId: referenceIdSchema,
    when: z.enum(['open', 'closed']),
  }),
  z
    .strictObject({
      kind: z.literal('date_range'),
      from: z.iso.datetime({ offset: true }),
      to: z.iso.datetime({ offset: true }),
    })
    .refine((r) => Date.parse(r.from) < Date.parse(r.to), {
      message: 'The end must be after the start',
      path: ['to'],
    }),
]);
export type Schedule = z.infer<typeof scheduleSchema>;

const triggerSettings = {
  /** All must match for the workflow to take the call. */
  filters: z.array(filterSchema).max(20).default([]),
  /**
   * How long a step waits for a key when it sets no timeout of its own. With nothing wired to
   * the step's timeout path, the call ends politely after it.
   */
  inputTimeoutSec: z.number().int().min(1).max(120).default(10),
  schedule: scheduleSchema.default({ kind: 'always' }),
};

export const triggerSchema = z.discriminatedUnion('kind', [
  /** A call arrived on a number bound to this workflow (or on any number, as the default). */
  z.strictObject({ kind: z.literal('customer_called'), ...triggerSettings }),
  /**
   * A call assigned to a team has waited `afterSec` with no agent free; again every
   * `repeatEverySec` while it still waits (null: once).
   */
  z.strictObject({
    kind: z.literal('waiting_in_queue'),
    /** Teams whose waiting calls this applies to; empty for every team. */
    teamIds: z.array(referenceIdSchema).max(50).default([]),
    afterSec: z.number().int().min(5).max(3600),
    repeatEverySec: z.number().int().min(10).max(3600).nullable().default(null),
    ...triggerSettings,
  }),
]);
export type Trigger = z.infer<typeof triggerSchema>;
export type TriggerKind = Trigger['kind'];
