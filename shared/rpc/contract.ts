import { z } from 'zod';
import { lineInputSchema, lineSchema } from '../domain/line.js';
import {
  previewParams,
  promptAudioSchema,
  storedPromptSchema,
  synthesizeParams,
  uploadBeginParams,
  uploadChunkParams,
} from '../domain/prompts.js';
import { settingsPatchSchema, settingsSchema } from '../domain/settings.js';
import { engineStatusSchema, systemStatusSchema } from '../domain/engine-status.js';
import {
  bindNumberParams,
  createWorkflowParams,
  duplicateWorkflowParams,
  numberBindingSchema,
  publishParams,
  rollbackParams,
  saveDraftParams,
  simulationIdParams,
  simulationStateSchema,
  startSimulationParams,
  stepAnalyticsParams,
  stepAnalyticsSchema,
  versionRefSchema,
  workflowDiffSchema,
  workflowIdSchema,
  workflowIssueSchema,
  workflowSchema,
  workflowSummarySchema,
  workflowVersionSchema,
} from '../domain/workflows.js';
import { workflowDefinitionSchema } from '../workflow/workflow.js';
import type { CallContext } from './client-scope.js';
import { inboxEvents, inboxMethods } from './inbox-methods.js';
import { noParams, type EventSpec, type MethodSpec } from './method-spec.js';
import { phoneMethods } from './phone-methods.js';
import { routingEvents, routingMethods } from './routing-methods.js';
import { smsEvents, smsMethods } from './sms-methods.js';

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
  'workflows.list': { params: noParams, result: z.array(workflowSummarySchema) },
  'workflows.get': { params: z.strictObject({ id: workflowIdSchema }), result: workflowSchema },
  'workflows.create': { params: createWorkflowParams, result: workflowSchema },
  'workflows.duplicate': { params: duplicateWorkflowParams, result: workflowSchema },
  'workflows.saveDraft': { params: saveDraftParams, result: workflowSchema },
  'workflows.validate': {
    params: z.strictObject({ definition: workflowDefinitionSchema }),
    result: z.array(workflowIssueSchema),
  },
  'workflows.publish': { params: publishParams, result: workflowVersionSchema },
  'workflows.versions': {
    params: z.strictObject({ id: workflowIdSchema }),
    result: z.array(workflowVersionSchema),
  },
  'workflows.version': {
    params: z.strictObject({ versionId: z.uuid() }),
    result: workflowVersionSchema.extend({ definition: workflowDefinitionSchema }),
  },
  'workflows.rollback': { params: rollbackParams, result: workflowVersionSchema },
  'workflows.diff': {
    params: z.strictObject({ from: versionRefSchema, to: versionRefSchema }),
    result: workflowDiffSchema,
  },
  'workflows.remove': {
    params: z.strictObject({ id: workflowIdSchema }),
    result: z.object({ removed: z.boolean() }),
  },
  'workflows.reorder': {
    params: z.strictObject({ ids: z.array(workflowIdSchema).max(500) }),
    result: z.array(workflowSummarySchema),
  },
  'numbers.list': { params: noParams, result: z.array(numberBindingSchema) },
  'numbers.bind': { params: bindNumberParams, result: z.array(numberBindingSchema) },
  'simulator.start': { params: startSimulationParams, result: simulationStateSchema },
  'simulator.press': {
    params: simulationIdParams.extend({
      digit: z.enum(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#']),
    }),
    result: simulationStateSchema,
  },
  'simulator.advance': {
    params: simulationIdParams.extend({ ms: z.number().int().min(0).max(3_600_000) }),
    result: simulationStateSchema,
  },
  'simulator.hangup': { params: simulationIdParams, result: simulationStateSchema },
  'simulator.state': { params: simulationIdParams, result: simulationStateSchema },
  'analytics.steps': { params: stepAnalyticsParams, result: stepAnalyticsSchema },
  'prompts.list': { params: noParams, result: z.array(storedPromptSchema) },
  'prompts.uploadBegin': { params: uploadBeginParams, result: z.object({ uploadId: z.uuid() }) },
  'prompts.uploadChunk': {
    params: uploadChunkParams,
    result: z.object({ received: z.number().int(), size: z.number().int() }),
  },
  'prompts.uploadFinish': { params: z.strictObject({ uploadId: z.uuid() }), result: storedPromptSchema },
  'prompts.synthesize': { params: synthesizeParams, result: storedPromptSchema },
  'prompts.preview': { params: previewParams, result: promptAudioSchema },
  'prompts.remove': {
    params: z.strictObject({ id: z.uuid() }),
    result: z.object({ removed: z.boolean() }),
  },
  ...routingMethods,
  ...inboxMethods,
  ...smsMethods,
  ...phoneMethods,
} as const satisfies Record<string, MethodSpec>;

/** Every event pushed by the server, `domain.pastTense`. */
export const events = {
  'engine.statusChanged': { payload: engineStatusSchema },
  ...routingEvents,
  ...inboxEvents,
  ...smsEvents,
} as const satisfies Record<string, EventSpec>;

export type Methods = typeof methods;
export type Method = keyof Methods;
export type Params<M extends Method> = z.input<Methods[M]['params']>;
export type ParsedParams<M extends Method> = z.output<Methods[M]['params']>;
export type Result<M extends Method> = z.output<Methods[M]['result']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]['payload']>;

/**
 * The server implements one async function per method, given already-validated params and what
 * it knows of the caller's connection.
 */
export type Handlers = {
  [M in Method]: (params: ParsedParams<M>, call: CallContext) => Promise<Result<M>>;
};

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
