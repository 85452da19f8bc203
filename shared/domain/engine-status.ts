import { z } from 'zod';
import { registrationSchema } from './line.js';

export const engineStates = ['starting', 'running', 'stopping'] as const;

export const lineStatusSchema = z.object({
  lineId: z.uuid(),
  displayName: z.string(),
  registration: registrationSchema,
});
export type LineStatus = z.infer<typeof lineStatusSchema>;

/** What the status bar shows; pushed as `engine.statusChanged` on every change. */
export const engineStatusSchema = z.object({
  state: z.enum(engineStates),
  lines: z.array(lineStatusSchema),
});
export type EngineStatus = z.infer<typeof engineStatusSchema>;

export const systemStatusSchema = z.object({
  version: z.string(),
  startedAt: z.iso.datetime(),
  uptimeMs: z.number().int().nonnegative(),
  dataDir: z.string(),
  engine: engineStatusSchema,
});
export type SystemStatus = z.infer<typeof systemStatusSchema>;
