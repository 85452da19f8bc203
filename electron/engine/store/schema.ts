import { sql } from 'drizzle-orm';
import {
  index,
  primaryKey,
  integer,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import { conversationOutcomes } from '../../../shared/domain/conversations.js';

/**
 * The source of truth for the database; `npm run db:generate` turns changes into SQL
 * migrations under resources/migrations, which are committed and applied at start.
 */

/** Office-wide settings, one row per key; values are JSON validated by shared/domain/settings. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
});

/** SIP accounts of the office line. Passwords are not here: they live in the secret store. */
export const lines = sqliteTable('lines', {
  id: text('id').primaryKey(),
  displayName: text('display_name').notNull(),
  registrar: text('registrar').notNull(),
  username: text('username').notNull(),
  authUsername: text('auth_username'),
  transport: text('transport', { enum: ['udp', 'tcp'] }).notNull(),
  handoff: text('handoff', { enum: ['bridge', 'refer'] })
    .notNull()
    .default('bridge'),
  /** JSON array of dialled numbers this account receives. */
  numbers: text('numbers', { mode: 'json' }).$type<string[]>().notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Workflows as managers list them. `draft` is the editable WorkflowDefinition (JSON); what calls
 * run are the immutable rows of workflow_versions, `live_version_id` pointing at the one new calls
 * get. A workflow is never deleted outright: its versions stay referenced by call_events (the
 * inbox and the analytics of past calls), so removal sets `deleted_at`, clears the live pointer
 * and drops the number bindings.
 */
export const workflows = sqliteTable(
  'workflows',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Chosen at creation and kept by every draft and version (bindings need 'customer_called'). */
    triggerKind: text('trigger_kind', { enum: ['customer_called', 'waiting_in_queue'] }).notNull(),
    draft: text('draft').notNull(),
    draftUpdatedAt: text('draft_updated_at').notNull(),
    /** Position in the managers' list, lower first; unique among the workflows not deleted. */
    priority: integer('priority').notNull(),
    liveVersionId: text('live_version_id').references((): AnySQLiteColumn => workflowVersions.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [
    uniqueIndex('workflows_priority')
      .on(t.priority)
      .where(sql`${t.deletedAt} is null`),
  ],
);

/** Published snapshots, numbered 1, 2, 3… per workflow; never updated nor deleted (a trigger refuses). */
export const workflowVersions = sqliteTable(
  'workflow_versions',
  {
    id: text('id').primaryKey(),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id),
    number: integer('number').notNull(),
    definition: text('definition').notNull(),
    note: text('note').notNull(),
    author: text('author').notNull(),
    /** The older version a rollback re-published, null for an ordinary publish. */
    restoredFromId: text('restored_from_id').references((): AnySQLiteColumn => workflowVersions.id),
    publishedAt: text('published_at').notNull(),
  },
  (t) => [uniqueIndex('workflow_versions_number').on(t.workflowId, t.number)],
);

/**
 * Which workflow answers a dialled number, on one line or (line_id null) on any line. SQLite
 * treats NULLs as distinct in a unique index, hence two partial ones.
 */
export const numberBindings = sqliteTable(
  'number_bindings',
  {
    lineId: text('line_id').references(() => lines.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    workflowId: text('workflow_id')
      .notNull()
      .references(() => workflows.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('number_bindings_line_number')
      .on(t.lineId, t.number)
      .where(sql`${t.lineId} is not null`),
    uniqueIndex('number_bindings_any_line_number')
      .on(t.number)
      .where(sql`${t.lineId} is null`),
  ],
);

/**
 * The step log of calls in workflows, appended one row per event as it happens. No foreign keys:
 * it is a log, and an append must not fail (nor pay for lookups) on a reference.
 */
export const callEvents = sqliteTable(
  'call_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    callId: text('call_id').notNull(),
    workflowId: text('workflow_id').notNull(),
    versionId: text('version_id').notNull(),
    /** Null for call-level events (call_started, call_ended). */
    stepId: text('step_id'),
    kind: text('kind', { enum: ['call_started', 'entered', 'left', 'error', 'call_ended'] }).notNull(),
    /** How a step was left ('key:2', 'timeout', 'hangup', …) or how the call ended. */
    outcome: text('outcome'),
    /** JSON object: what the step found out (a form entry, a recording), why it failed. */
    detail: text('detail'),
    /** ISO 8601 UTC with milliseconds: sorts as text. */
    at: text('at').notNull(),
  },
  (t) => [index('call_events_workflow_at').on(t.workflowId, t.at), index('call_events_call').on(t.callId)],
);

/**
 * Transfers agents made of a call (REFER from their phones, RFC 3515) that the target took, in
 * order: who handed the caller to whom, and when. A call with one ends 'transferred'.
 */
export const callTransfers = sqliteTable(
  'call_transfers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    callId: text('call_id').notNull(),
    at: text('at').notNull(),
    /** The agent who transferred; null when the phone that did is no agent of ours. */
    fromAgentId: text('from_agent_id'),
    /** The agent who took it; null for a number or a phone that is no agent of ours. */
    toAgentId: text('to_agent_id'),
    /** Whom the caller went to: the extension or number the transfer named. */
    target: text('target').notNull(),
    /** Consulted first (Replaces, RFC 3891) rather than blind. */
    attended: integer('attended', { mode: 'boolean' }).notNull(),
  },
  (t) => [index('call_transfers_call').on(t.callId)],
);

/** Audio prompts: uploads converted to 8 kHz, and text rendered by the speech synthesizer. */
export const prompts = sqliteTable(
  'prompts',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    source: text('source', { enum: ['upload', 'tts'] }).notNull(),
    language: text('language'),
    text: text('text'),
    voice: text('voice'),
    /** Relative to the data folder, so the folder can move. */
    file: text('file').notNull(),
    durationMs: integer('duration_ms').notNull(),
    sampleRate: integer('sample_rate').notNull().default(8000),
    /** For text prompts, the key of what is said (text, language, voice): the render cache's. */
    contentHash: text('content_hash'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('prompts_content_hash').on(t.contentHash)],
);

/** Messages callers left; the inbox lists them, unheard first. */
export const voicemails = sqliteTable(
  'voicemails',
  {
    id: text('id').primaryKey(),
    callId: text('call_id').notNull(),
    caller: text('caller').notNull(),
    /** Relative to the data folder. */
    file: text('file').notNull(),
    durationMs: integer('duration_ms').notNull(),
    /** The team whose inbox gets it; null for everyone's. */
    teamId: text('team_id'),
    heard: integer('heard', { mode: 'boolean' }).notNull().default(false),
    /** The agent who is to deal with it. */
    assigneeId: text('assignee_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('voicemails_created').on(t.createdAt), index('voicemails_call').on(t.callId)],
);

/** Callers who asked to be called back, and how returning the call went. */
export const callbacks = sqliteTable(
  'callbacks',
  {
    id: text('id').primaryKey(),
    callId: text('call_id').notNull(),
    number: text('number').notNull(),
    teamId: text('team_id'),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['open', 'in_progress', 'done', 'failed'] })
      .notNull()
      .default('open'),
    assigneeId: text('assignee_id'),
    /** Calls placed to return it, successful or not. */
    attempts: integer('attempts').notNull().default(0),
    lastAttemptAt: text('last_attempt_at'),
    /** What the last attempt came to, in words ("busy", "no answer", "talked"). */
    lastResult: text('last_result'),
    requestedAt: text('requested_at').notNull(),
    updatedAt: text('updated_at'),
  },
  (t) => [index('callbacks_status').on(t.status, t.requestedAt), index('callbacks_call').on(t.callId)],
);

/**
 * Text messages from workflows and agents, kept here until a provider delivers them (status
 * 'sent') or gives up (status 'failed' after the last attempt; each try is in sms_attempts).
 */
export const smsOutbox = sqliteTable(
  'sms_outbox',
  {
    id: text('id').primaryKey(),
    /** The call that sent it; null when an agent wrote it outside a call. */
    callId: text('call_id'),
    /** The agent who wrote it; null for a workflow's. */
    agentId: text('agent_id'),
    to: text('to').notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    /** When a queued message is next tried (ISO, UTC). */
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    sentAt: text('sent_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('sms_outbox_status').on(t.status, t.createdAt)],
);

/** Every delivery attempt of a text message, what the provider said. */
export const smsAttempts = sqliteTable(
  'sms_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    smsId: text('sms_id')
      .notNull()
      .references(() => smsOutbox.id, { onDelete: 'cascade' }),
    provider: text('provider').notNull(),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    /** The gateway's status code or SIP response, and its words. */
    detail: text('detail').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('sms_attempts_sms').on(t.smsId)],
);

/** Tags on calls, from workflows (added_by null) and agents. */
export const callTags = sqliteTable(
  'call_tags',
  {
    callId: text('call_id').notNull(),
    tag: text('tag').notNull(),
    addedAt: text('added_at').notNull(),
    addedBy: text('added_by'),
  },
  (t) => [primaryKey({ columns: [t.callId, t.tag] }), index('call_tags_tag').on(t.tag)],
);

/** The office's tag catalogue: names agents pick from, with a colour for the inbox. */
export const tagCatalogue = sqliteTable('tag_catalogue', {
  name: text('name').primaryKey(),
  /** #rrggbb */
  color: text('color').notNull(),
  createdAt: text('created_at').notNull(),
});

/**
 * Teams callers are assigned to. `routing` is JSON validated by shared/domain/teams
 * (strategy, wrap-up, hours, overflow, hold audio and announcements).
 */
export const teams = sqliteTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  routing: text('routing').notNull().default('{}'),
  createdAt: text('created_at').notNull(),
});

/**
 * The people who answer calls. `extension` is what their phone registered as on the office PBX
 * (a user like "201", or a full SIP URI). Presence is the agent's own choice; busy and wrap-up
 * are derived from calls and never stored.
 */
export const agents = sqliteTable('agents', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  extension: text('extension').notNull().unique(),
  maxCalls: integer('max_calls').notNull().default(1),
  presence: text('presence', { enum: ['available', 'away', 'offline'] })
    .notNull()
    .default('offline'),
  presenceChangedAt: text('presence_changed_at').notNull(),
  createdAt: text('created_at').notNull(),
});

/**
 * API tokens of agents' apps (a softphone on another PC): each acts for its agent only. Only a
 * SHA-256 of the token is kept; the token itself is shown once, when it is issued.
 */
export const agentTokens = sqliteTable(
  'agent_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    /** Which PC or app it was issued for, as the manager typed it. */
    label: text('label').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('agent_tokens_agent').on(t.agentId)],
);

export const teamMembers = sqliteTable(
  'team_members',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    agentId: text('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.agentId] }), index('team_members_agent').on(t.agentId)],
);

/**
 * One row per call, inbound or a returned callback: what the inbox lists. Written when the call
 * starts (outcome 'in_progress') and updated as it is queued, answered and ended, each write
 * committed at once, so a crash leaves a row for every call that had started (marked
 * 'interrupted' at the next start). The path taken is in call_events, tags in call_tags.
 */
export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    direction: text('direction', { enum: ['inbound', 'outbound'] }).notNull(),
    lineId: text('line_id'),
    /** The far end's number: the caller, or the number a callback dialled. */
    caller: text('caller').notNull(),
    dialled: text('dialled').notNull(),
    workflowId: text('workflow_id'),
    versionId: text('version_id'),
    teamId: text('team_id'),
    /** Who talked to the caller (or placed the callback). */
    agentId: text('agent_id'),
    /** Who is to follow it up. */
    assigneeId: text('assignee_id'),
    /** What the call came to (shared/domain/conversations explains each). */
    outcome: text('outcome', { enum: conversationOutcomes }).notNull().default('in_progress'),
    startedAt: text('started_at').notNull(),
    queuedAt: text('queued_at'),
    answeredAt: text('answered_at'),
    endedAt: text('ended_at'),
    /** Time in the queue until answered or abandoned. */
    waitMs: integer('wait_ms'),
    talkMs: integer('talk_ms'),
    notes: text('notes').notNull().default(''),
  },
  (t) => [
    index('conversations_started').on(t.startedAt),
    index('conversations_team').on(t.teamId, t.startedAt),
    index('conversations_agent').on(t.agentId, t.startedAt),
    index('conversations_outcome').on(t.outcome, t.startedAt),
    index('conversations_caller').on(t.caller),
  ],
);
