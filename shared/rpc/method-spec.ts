import { z } from 'zod';

/** One API method: what it takes and what it returns, both checked at the boundary. */
export interface MethodSpec {
  params: z.ZodType;
  result: z.ZodType;
}

/** One pushed event's payload. */
export interface EventSpec {
  payload: z.ZodType;
}

export const noParams = z.object({}).strict();
