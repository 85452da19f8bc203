import { z } from 'zod';
import { callbackSchema } from './callbacks.js';
import { callTagSchema, tagNameSchema } from './tags.js';
import { voicemailSchema } from './voicemails.js';

/**
 * How a call ended up, as the inbox shows it:
 * - in_progress: not over yet;
 * - answered: an agent talked to the caller;
 * - abandoned: the caller hung up while queued or while an agent's phone rang;
 * - voicemail / callback_requested: the caller left a message or asked to be called back;
 * - ended_by_ivr: the call ended in the workflow without reaching a queue;
 * - transferred: the workflow passed the call to another number, or the agent who answered
 *   transferred the caller (then the agent is the one who took the transfer, if one of ours);
 * - unanswered: queued, nobody answered, and the no-answer path let the caller go;
 * - interrupted: the engine stopped mid-call.
 */
export const conversationOutcomes = [
  'in_progress',
  'answered',
  'abandoned',
  'voicemail',
  'callback_requested',
  'ended_by_ivr',
  'transferred',
  'unanswered',
  'interrupted',
] as const;
export const conversationOutcomeSchema = z.enum(conversationOutcomes);
export type ConversationOutcome = z.infer<typeof conversationOutcomeSchema>;

/** One call as the inbox lists it. Times are ISO 8601 UTC. */
export const conversationSummarySchema = z.object({
  id: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  lineId: z.string().nullable(),
  caller: z.string(),
  dialled: z.string(),
  workflowId: z.string().nullable(),
  versionId: z.string().nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  outcome: conversationOutcomeSchema,
  startedAt: z.iso.datetime(),
  queuedAt: z.iso.datetime().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  waitMs: z.number().int().nullable(),
  talkMs: z.number().int().nullable(),
  notes: z.string(),
  tags: z.array(callTagSchema),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

/** Where the next page starts: the last item's startedAt and id (newest first). */
export const conversationCursorSchema = z.strictObject({
  startedAt: z.iso.datetime(),
  id: z.string().min(1).max(100),
});
export type ConversationCursor = z.infer<typeof conversationCursorSchema>;

/**
 * Filters of the inbox list, all optional and combined with AND. `from` is inclusive, `to`
 * exclusive (instants; the client turns the office's days into them). `text` matches a
 * fragment of the caller's number or of the notes, case-insensitively. `unheardVoicemail`: only
 * calls that left a message nobody has marked heard yet.
 */
export const conversationListParams = z.strictObject({
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  teamId: z.uuid().optional(),
  agentId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  tag: tagNameSchema.optional(),
  outcomes: z.array(conversationOutcomeSchema).min(1).max(conversationOutcomes.length).optional(),
  direction: z.enum(['inbound', 'outbound']).optional(),
  text: z.string().trim().min(1).max(100).optional(),
  unheardVoicemail: z.literal(true).optional(),
  after: conversationCursorSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ConversationListParams = z.infer<typeof conversationListParams>;

export const conversationPageSchema = z.object({
  items: z.array(conversationSummarySchema),
  /** Pass as `after` for the next page; null when this page is the last. */
  next: conversationCursorSchema.nullable(),
});
export type ConversationPage = z.infer<typeof conversationPageSchema>;

/** One step of the path the call took through its workflow, from the step log. */
export const pathStepSchema = z.object({
  stepId: z.string(),
  /** The step's name in the version the call ran; null when the version is gone or unnamed. */
  stepName: z.string().nullable(),
  stepKind: z.string().nullable(),
  enteredAt: z.iso.datetime(),
  leftAt: z.iso.datetime().nullable(),
  /** How the step was left ('key:2', 'timeout', 'hangup', …); null if it was not. */
  outcome: z.string().nullable(),
  /** What the step found out (a form entry, a recording) or why it failed. */
  detail: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
});
export type PathStep = z.infer<typeof pathStepSchema>;

/** A value the caller keyed in on an input form. */
export const formInputSchema = z.object({
  stepId: z.string(),
  stepName: z.string().nullable(),
  variable: z.string(),
  value: z.string(),
  at: z.iso.datetime(),
});
export type FormInput = z.infer<typeof formInputSchema>;

/** An agent handed the caller on: from whom to whom (names null when no agent of ours). */
export const callTransferSchema = z.object({
  at: z.iso.datetime(),
  fromAgentId: z.string().nullable(),
  fromAgentName: z.string().nullable(),
  toAgentId: z.string().nullable(),
  toAgentName: z.string().nullable(),
  /** The extension or number the transfer named. */
  target: z.string(),
  attended: z.boolean(),
});
export type CallTransfer = z.infer<typeof callTransferSchema>;

export const conversationDetailSchema = conversationSummarySchema.extend({
  workflowName: z.string().nullable(),
  versionNumber: z.number().int().nullable(),
  /** How the call ended, as the workflow reported it ('caller-hung-up', …); null if not logged. */
  endReason: z.string().nullable(),
  path: z.array(pathStepSchema),
  inputs: z.array(formInputSchema),
  voicemails: z.array(voicemailSchema),
  callbacks: z.array(callbackSchema),
  /** In order; the first one's `fromAgentName` is who answered the caller. */
  transfers: z.array(callTransferSchema),
});
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;

export const conversationIdParams = z.strictObject({ id: z.string().min(1).max(100) });

/**
 * Tags to add and to remove in one go. `agentId` says who did it; without it the tags count as
 * added by 'user' (someone using the app without an agent identity).
 */
export const tagConversationParams = z
  .strictObject({
    id: z.string().min(1).max(100),
    add: z.array(tagNameSchema).max(20).default([]),
    remove: z.array(tagNameSchema).max(20).default([]),
    agentId: z.uuid().optional(),
  })
  .refine((p) => p.add.length + p.remove.length > 0, 'Add or remove at least one tag');

export const noteConversationParams = z.strictObject({
  id: z.string().min(1).max(100),
  notes: z.string().max(10_000),
});

export const assignConversationParams = z.strictObject({
  id: z.string().min(1).max(100),
  assigneeId: z.uuid().nullable(),
});
