import { z } from 'zod';
import { lineInputSchema, lineSchema } from '../domain/line.js';
import { settingsPatchSchema, settingsSchema } from '../domain/settings.js';
import { engineStatusSchema, systemStatusSchema } from '../domain/engine-status.js';

interface MethodSpec {
  params: z.ZodType;
  result: z.ZodType;
}
interface EventSpec {
  payload: z.ZodType;
}

const noParams = z.object({}).strict();

/** Every method on the wire, `domain.verb`. Nothing else is dispatched. */
export const methods = {
  'system.status': { params: noParams, result: systemStatusSchema },
  'settings.get': { params: noParams, result: settingsSchema },
  'settings.update': { params: settingsPatchSchema, result: settingsSchema },
  'lines.list': { params: noParams, result: z.array(lineSchema) },
  'lines.save': { params: lineInputSchema, result: lineSchema },
  'lines.remove': {
    params: z.object({ id: z.uuid() }).strict(),
    result: z.object({ removed: z.boolean() }),
  },
} as const satisfies Record<string, MethodSpec>;

/** Every event pushed by the server, `domain.pastTense`. */
export const events = {
  'engine.statusChanged': { payload: engineStatusSchema },
} as const satisfies Record<string, EventSpec>;

export type Methods = typeof methods;
export type Method = keyof Methods;
export type Params<M extends Method> = z.input<Methods[M]['params']>;
export type ParsedParams<M extends Method> = z.output<Methods[M]['params']>;
export type Result<M extends Method> = z.output<Methods[M]['result']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

/** The server implements one async function per method, given already-validated params. */
export type Handlers = { [M in Method]: (params: ParsedParams<M>) => Promise<Result<M>> };

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
