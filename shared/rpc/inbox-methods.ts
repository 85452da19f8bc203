import { z } from 'zod';
import {
  assignConversationParams,
  conversationDetailSchema,
  conversationIdParams,
  conversationListParams,
  conversationPageSchema,
  conversationSummarySchema,
  noteConversationParams,
  tagConversationParams,
} from '../domain/conversations.js';
import { dailyStatsParams, dailyStatsSchema } from '../domain/inbox-stats.js';
import { catalogueTagSchema, saveTagParams, tagNameSchema } from '../domain/tags.js';
import {
  assignVoicemailParams,
  markHeardParams,
  voicemailAudioSchema,
  voicemailListParams,
  voicemailSchema,
} from '../domain/voicemails.js';
import { noParams, type EventSpec, type MethodSpec } from './method-spec.js';

/** The inbox: conversations, voicemail, tags, statistics. */
export const inboxMethods = {
  'conversations.list': { params: conversationListParams, result: conversationPageSchema },
  'conversations.get': { params: conversationIdParams, result: conversationDetailSchema },
  'conversations.tag': { params: tagConversationParams, result: conversationSummarySchema },
  'conversations.note': { params: noteConversationParams, result: conversationSummarySchema },
  'conversations.assign': { params: assignConversationParams, result: conversationSummarySchema },
  'voicemails.list': { params: voicemailListParams, result: z.array(voicemailSchema) },
  'voicemails.markHeard': { params: markHeardParams, result: voicemailSchema },
  'voicemails.assign': { params: assignVoicemailParams, result: voicemailSchema },
  'voicemails.audio': { params: z.strictObject({ id: z.uuid() }), result: voicemailAudioSchema },
  'tags.list': { params: noParams, result: z.array(catalogueTagSchema) },
  'tags.save': { params: saveTagParams, result: catalogueTagSchema },
  /** Off the catalogue only: calls keep the tags they have. */
  'tags.remove': {
    params: z.strictObject({ name: tagNameSchema }),
    result: z.object({ removed: z.boolean() }),
  },
  'stats.daily': { params: dailyStatsParams, result: dailyStatsSchema },
} as const satisfies Record<string, MethodSpec>;

export const inboxEvents = {
  /** A conversation's notes, tags or assignee changed (through the API). */
  'conversations.changed': { payload: conversationSummarySchema },
  'voicemails.changed': { payload: voicemailSchema },
  /** The whole catalogue, after any change to it. */
  'tags.changed': { payload: z.array(catalogueTagSchema) },
} as const satisfies Record<string, EventSpec>;
