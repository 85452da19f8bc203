import { z } from 'zod';

/**
 * A team callers are assigned to (sales, support). Its members, hours and routing strategy come
 * with routing; today a team is what a workflow's assignment and queue conditions name.
 */
export const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime(),
});
export type Team = z.infer<typeof teamSchema>;

export const teamInputSchema = z.strictObject({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, 'Give the team a name').max(80),
});
