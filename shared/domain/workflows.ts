import { z } from 'zod';
import { phoneNumberSchema } from './line.js';
import { promptLanguageSchema, promptSchema } from '../workflow/prompt.js';
import { recipeIds } from '../workflow/recipes.js';
import { edgeSchema, workflowDefinitionSchema } from '../workflow/workflow.js';

/** What the API says about workflows: the list, versions, problems, diffs, test calls, analytics. */

export const workflowIdSchema = z.uuid();

export const workflowIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  stepId: z.string().optional(),
  edgeIndex: z.number().int().optional(),
  text: z.object({ en: z.string(), ko: z.string() }),
});
export type WorkflowIssueShape = z.infer<typeof workflowIssueSchema>;

export const workflowSummarySchema = z.object({
  id: workflowIdSchema,
  name: z.string(),
  triggerKind: z.enum(['customer_called', 'waiting_in_queue']),
  /** Position in the list: the topmost "customer called" workflow takes unbound numbers. */
  priority: z.number().int(),
  /** The live version's number, null while never published. */
  liveVersion: z.number().int().nullable(),
  /** The draft differs from the live version (or there is none). */
  hasUnpublishedChanges: z.boolean(),
  /** Dialled numbers bound to it. */
  numbers: z.array(z.string()),
  updatedAt: z.iso.datetime(),
});
export type WorkflowSummary = z.infer<typeof workflowSummarySchema>;

export const workflowSchema = workflowSummarySchema.extend({
  draft: workflowDefinitionSchema,
  /** The draft's problems; publishing needs none of severity error. */
  issues: z.array(workflowIssueSchema),
});
export type Workflow = z.infer<typeof workflowSchema>;

export const workflowVersionSchema = z.object({
  id: z.uuid(),
  workflowId: workflowIdSchema,
  number: z.number().int().min(1),
  note: z.string(),
  author: z.string(),
  publishedAt: z.iso.datetime(),
  live: z.boolean(),
  /** The older version a rollback re-published; null for an ordinary publish. */
  restoredFromId: z.uuid().nullable(),
});
export type WorkflowVersion = z.infer<typeof workflowVersionSchema>;

/** Longest workflow name, in UTF-16 code units as the schema counts them. */
export const WORKFLOW_NAME_MAX = 80;

const nameSchema = z.string().trim().min(1, 'Give the workflow a name').max(WORKFLOW_NAME_MAX);
const authorSchema = z.string().trim().min(1).max(80).default('manager');

export const createWorkflowParams = z.strictObject({
  name: nameSchema.optional(),
  /** Start from a recipe; blank ("customer called", no steps) when absent. */
  recipe: z.enum(recipeIds).optional(),
  /** The language of the recipe's placeholder texts. */
  language: promptLanguageSchema.default('ko'),
  triggerKind: z.enum(['customer_called', 'waiting_in_queue']).default('customer_called'),
});

export const duplicateWorkflowParams = z.strictObject({
  id: workflowIdSchema,
  /** The language of the copy's name: "<name> (copy)" or "<name> (사본)". */
  language: promptLanguageSchema.default('ko'),
});

export const saveDraftParams = z.strictObject({
  id: workflowIdSchema,
  name: nameSchema.optional(),
  definition: workflowDefinitionSchema,
});

export const publishParams = z.strictObject({
  id: workflowIdSchema,
  note: z.string().trim().max(500).default(''),
  author: authorSchema,
});

export const rollbackParams = z.strictObject({
  id: workflowIdSchema,
  versionId: z.uuid(),
  author: authorSchema,
});

/** A draft or a published version, for diffs and test calls. */
export const versionRefSchema = z.union([
  z.strictObject({ draftOf: workflowIdSchema }),
  z.strictObject({ versionId: z.uuid() }),
]);

export const workflowDiffSchema = z.object({
  steps: z.object({
    added: z.array(z.string()),
    removed: z.array(z.string()),
    changed: z.array(z.object({ id: z.string(), fields: z.array(z.string()) })),
  }),
  edges: z.object({ added: z.array(edgeSchema), removed: z.array(edgeSchema) }),
  prompts: z.array(
    z.object({
      stepId: z.string(),
      field: z.string(),
      before: promptSchema.nullable(),
      after: promptSchema.nullable(),
    }),
  ),
  trigger: z.object({ changed: z.boolean(), fields: z.array(z.string()) }),
});

export const numberBindingSchema = z.object({
  number: phoneNumberSchema,
  /** The line it applies to; null for the number on any line. */
  lineId: z.uuid().nullable(),
  workflowId: workflowIdSchema,
});
export type NumberBinding = z.infer<typeof numberBindingSchema>;

export const bindNumberParams = z.strictObject({
  number: phoneNumberSchema,
  lineId: z.uuid().nullable().default(null),
  /** null removes the binding: the number then takes the default workflow. */
  workflowId: workflowIdSchema.nullable(),
});

const queueSnapshotSchema = z.strictObject({
  agentsAvailable: z.number().int().min(0).max(10_000),
  callsWaiting: z.number().int().min(0).max(100_000),
  longestWaitSec: z.number().int().min(0).max(1_000_000),
});

export const startSimulationParams = z.strictObject({
  version: versionRefSchema,
  caller: z
    .string()
    .trim()
    .regex(/^\+?[0-9]{0,20}$/)
    .default('01012345678'),
  dialled: z
    .string()
    .trim()
    .regex(/^\+?[0-9]{0,20}$/)
    .default(''),
  /** When the test call happens, e.g. a Sunday night; now when absent. */
  startAt: z.iso.datetime({ offset: true }).optional(),
  queues: z.record(z.string().max(64), queueSnapshotSchema).default({}),
  farEnd: z.enum(['answers', 'busy', 'no-answer']).default('answers'),
});

export const simulationIdParams = z.strictObject({ id: z.uuid() });

const transcriptEntrySchema = z.object({ atMs: z.number(), kind: z.string() }).catchall(z.unknown());

export const simulationStateSchema = z.object({
  id: z.uuid(),
  now: z.iso.datetime(),
  elapsedMs: z.number(),
  stepId: z.string().nullable(),
  path: z.array(z.string()),
  transcript: z.array(transcriptEntrySchema),
  result: z.object({ kind: z.string() }).catchall(z.unknown()).nullable(),
});
export type SimulationStateShape = z.infer<typeof simulationStateSchema>;

export const stepAnalyticsParams = z.strictObject({
  workflowId: workflowIdSchema,
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  versionId: z.uuid().optional(),
});

export const stepAnalyticsSchema = z.object({
  calls: z.number().int(),
  steps: z.array(
    z.object({
      stepId: z.string(),
      reached: z.number().int(),
      /** Calls that left the step by each outcome ('key:1', 'timeout', …). */
      outcomes: z.record(z.string(), z.number().int()),
      /** Calls that ended while in this step (the caller hung up here). */
      droppedHere: z.number().int(),
    }),
  ),
  edges: z.array(
    z.object({ source: z.string(), output: z.string(), target: z.string(), calls: z.number().int() }),
  ),
});
export type StepAnalytics = z.infer<typeof stepAnalyticsSchema>;
