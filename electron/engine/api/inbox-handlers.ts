import type { Settings } from '../../../shared/domain/settings.js';
import { voicemailMediaPath } from '../../../shared/domain/voicemails.js';
import type { Handlers } from '../../../shared/rpc/contract.js';
import { RpcError } from '../../../shared/rpc/errors.js';
import type { RpcServer } from '../../../shared/rpc/server.js';
import type { CallRecords } from '../store/call-records.js';
import type { ConversationInbox } from '../store/conversation-inbox.js';
import type { InboxStats } from '../store/inbox-stats.js';

export interface InboxHandlerDeps {
  inbox: ConversationInbox;
  records: CallRecords;
  stats: InboxStats;
  settings(): Settings;
  /** Pushes to every client (the RPC server's emit; it exists only after the handlers). */
  emit: RpcServer['emit'];
}

type InboxMethods = Pick<
  Handlers,
  | 'conversations.list'
  | 'conversations.get'
  | 'conversations.tag'
  | 'conversations.note'
  | 'conversations.assign'
  | 'voicemails.list'
  | 'voicemails.markHeard'
  | 'voicemails.assign'
  | 'voicemails.audio'
  | 'tags.list'
  | 'tags.save'
  | 'tags.remove'
  | 'stats.daily'
>;

/** The inbox over the API: every edit is pushed as a `*.changed` event to all clients. */
export function createInboxHandlers(deps: InboxHandlerDeps): InboxMethods {
  const { inbox, records, emit } = deps;
  const found = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new RpcError('NOT_FOUND', `No ${what}`);
    return value;
  };
  const conversationChanged = (id: string) => {
    const summary = found(inbox.summary(id), `conversation ${id}`);
    emit('conversations.changed', summary);
    return summary;
  };
  const voicemailChanged = (id: string) => {
    const voicemail = found(records.voicemail.get(id), `voicemail ${id}`);
    emit('voicemails.changed', voicemail);
    return voicemail;
  };
  const catalogueChanged = (): void => emit('tags.changed', records.catalogue.list());

  return {
    'conversations.list': async (params) => inbox.list(params),
    'conversations.get': async ({ id }) => found(inbox.detail(id), `conversation ${id}`),
    'conversations.tag': async ({ id, add, remove, agentId }) => {
      if (!inbox.exists(id)) throw new RpcError('NOT_FOUND', `No conversation ${id}`);
      records.tags.remove(id, remove);
      if (records.tags.add(id, add, agentId ?? 'user')) catalogueChanged();
      return conversationChanged(id);
    },
    'conversations.note': async ({ id, notes }) => {
      found(inbox.setNotes(id, notes), `conversation ${id}`);
      return conversationChanged(id);
    },
    'conversations.assign': async ({ id, assigneeId }) => {
      found(inbox.assign(id, assigneeId), `conversation ${id}`);
      return conversationChanged(id);
    },
    'voicemails.list': async (params) => records.voicemail.list(params),
    'voicemails.markHeard': async ({ id, heard }) => {
      found(records.voicemail.markHeard(id, heard), `voicemail ${id}`);
      return voicemailChanged(id);
    },
    'voicemails.assign': async ({ id, assigneeId }) => {
      found(records.voicemail.assign(id, assigneeId), `voicemail ${id}`);
      return voicemailChanged(id);
    },
    'voicemails.audio': async ({ id }) => {
      const voicemail = found(records.voicemail.get(id), `voicemail ${id}`);
      return { path: voicemailMediaPath(id), mimeType: 'audio/wav', durationMs: voicemail.durationMs };
    },
    'tags.list': async () => records.catalogue.list(),
    'tags.save': async (tag) => {
      const saved = records.catalogue.save(tag);
      catalogueChanged();
      return saved;
    },
    'tags.remove': async ({ name }) => {
      const removed = records.catalogue.remove(name);
      if (removed) catalogueChanged();
      return { removed };
    },
    'stats.daily': async (params) => deps.stats.daily(params, deps.settings().timeZone),
  };
}
