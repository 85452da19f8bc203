import { z } from 'zod';
import { agentStatusSchema } from './agents.js';

/** A call in a team's queue: waiting, ringing an agent, or hearing a waiting-in-queue workflow. */
export const queuedCallSchema = z.object({
  callId: z.string(),
  caller: z.string(),
  dialled: z.string(),
  state: z.enum(['waiting', 'ringing', 'in_workflow']),
  /** 1 for the next call to be offered. */
  position: z.number().int(),
  queuedAt: z.iso.datetime(),
});

/** A team's queue as the live board shows it. */
export const queueSnapshotSchema = z.object({
  teamId: z.uuid(),
  teamName: z.string(),
  calls: z.array(queuedCallSchema),
  agents: z.array(z.object({ agentId: z.uuid(), name: z.string(), status: agentStatusSchema })),
  /** Seconds a new caller can expect to wait; null while there is no history to go by. */
  estimatedWaitSec: z.number().int().nullable(),
  at: z.iso.datetime(),
});
export type QueueSnapshot = z.infer<typeof queueSnapshotSchema>;
