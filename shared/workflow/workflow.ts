import { z } from 'zod';
import { calendarSchema } from './calendar.js';
import { stepIdSchema, stepSchema } from './steps.js';
import { triggerSchema } from './trigger.js';

/** The entry: the single edge from the trigger starts here. */
export const TRIGGER = 'trigger';
export const TRIGGER_OUTPUT = 'start';

/** From one exit of a step (or the trigger's start) to the step that follows. */
export const edgeSchema = z.strictObject({
  source: z.union([z.literal(TRIGGER), stepIdSchema]),
  /** One of outputsOf(source step), or 'start' for the trigger. */
  output: z.string().min(1).max(60),
  target: stepIdSchema,
});
export type Edge = z.infer<typeof edgeSchema>;

/**
 * One workflow as managers draw it: a trigger, steps, the edges between them, and the calendars
 * its office-hours checks use. Drafts may be incomplete (a team not chosen yet, a prompt not
 * written): the schema checks shape, the validator checks that it can run.
 */
export const workflowDefinitionSchema = z.strictObject({
  trigger: triggerSchema,
  steps: z.array(stepSchema).max(300),
  edges: z.array(edgeSchema).max(2000),
  calendars: z.array(calendarSchema).max(20).default([]),
});
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;
export type WorkflowDefinitionInput = z.input<typeof workflowDefinitionSchema>;
