import type { StateCreator } from 'zustand';
import type { Callback } from '../../../shared/domain/callbacks.js';
import type { Voicemail } from '../../../shared/domain/voicemails.js';
import type { AppState } from '../app-store.js';

/**
 * What waits for someone in the inbox: messages nobody has heard and callbacks nobody has
 * started. Kept as ids, so each `*.changed` event moves one item in or out without a reload.
 */
export interface InboxUnreadSlice {
  unheardVoicemailIds: ReadonlySet<string>;
  openCallbackIds: ReadonlySet<string>;
  /** Reads both from the engine (after each connection). */
  loadInboxUnread(): Promise<void>;
  noteVoicemail(voicemail: Voicemail): void;
  noteCallback(callback: Callback): void;
}

/** More than anyone works through before the next reload; the badge is a nudge, not a ledger. */
const UNREAD_LIMIT = 500;

/** `ids` with `id` in or out; the same set when nothing changes, so nothing re-renders. */
export function withMembership(ids: ReadonlySet<string>, id: string, isMember: boolean): ReadonlySet<string> {
  if (ids.has(id) === isMember) return ids;
  const next = new Set(ids);
  if (isMember) next.add(id);
  else next.delete(id);
  return next;
}

export const createInboxUnreadSlice: StateCreator<AppState, [], [], InboxUnreadSlice> = (set, get) => ({
  unheardVoicemailIds: new Set(),
  openCallbackIds: new Set(),
  loadInboxUnread: async () => {
    const { api } = get();
    const [voicemails, callbacks] = await Promise.all([
      api.call('voicemails.list', { heard: false, limit: UNREAD_LIMIT }),
      api.call('callbacks.list', { status: 'open', limit: UNREAD_LIMIT }),
    ]);
    set({
      unheardVoicemailIds: new Set(voicemails.map((v) => v.id)),
      openCallbackIds: new Set(callbacks.map((c) => c.id)),
    });
  },
  noteVoicemail: (voicemail) =>
    set((s) => ({
      unheardVoicemailIds: withMembership(s.unheardVoicemailIds, voicemail.id, !voicemail.heard),
    })),
  noteCallback: (callback) =>
    set((s) => ({
      openCallbackIds: withMembership(s.openCallbackIds, callback.id, callback.status === 'open'),
    })),
});

/** Unheard messages and open callbacks together: the number in the title and on the Inbox link. */
export function selectUnreadCount(state: InboxUnreadSlice): number {
  return state.unheardVoicemailIds.size + state.openCallbackIds.size;
}
