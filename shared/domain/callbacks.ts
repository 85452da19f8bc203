import { z } from 'zod';

export const callbackStatuses = ['open', 'in_progress', 'done', 'failed'] as const;

/** A caller's request to be called back, and how returning it went. */
export const callbackSchema = z.object({
  id: z.uuid(),
  callId: z.string(),
  number: z.string(),
  teamId: z.string().nullable(),
  reason: z.string(),
  status: z.enum(callbackStatuses),
  assigneeId: z.string().nullable(),
  attempts: z.number().int(),
  lastAttemptAt: z.iso.datetime().nullable(),
  lastResult: z.string().nullable(),
  requestedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime().nullable(),
});
export type Callback = z.infer<typeof callbackSchema>;

export const callbackListParams = z.strictObject({
  status: z.enum(callbackStatuses).optional(),
  teamId: z.uuid().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

/** An agent returns the call: their phone rings first, then the caller's number. */
export const startCallbackParams = z.strictObject({ id: z.uuid(), agentId: z.uuid() });

export const completeCallbackParams = z.strictObject({
  id: z.uuid(),
  status: z.enum(['done', 'failed', 'open']),
  result: z.string().trim().max(200).optional(),
});
