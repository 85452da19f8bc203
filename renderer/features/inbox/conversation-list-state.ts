import type { ConversationSummary } from '../../../shared/domain/conversations.js';
import type { ConversationListQuery } from './conversation-query.js';

/**
 * Whether a call belongs in a list with this filter, judged as the engine judges it
 * (conversation-list-query.ts). `unheardVoicemail` cannot be judged from a summary: a call in
 * such a list stays until the list is loaded again.
 */
export function matchesQuery(c: ConversationSummary, q: ConversationListQuery): boolean {
  const text = q.text?.toLowerCase();
  return (
    (q.from === undefined || c.startedAt >= q.from) &&
    (q.to === undefined || c.startedAt < q.to) &&
    (q.teamId === undefined || c.teamId === q.teamId) &&
    (q.agentId === undefined || c.agentId === q.agentId) &&
    (q.assigneeId === undefined || c.assigneeId === q.assigneeId) &&
    (q.tag === undefined || c.tags.some((t) => t.tag === q.tag)) &&
    (q.outcomes === undefined || q.outcomes.includes(c.outcome)) &&
    (q.direction === undefined || c.direction === q.direction) &&
    (text === undefined || c.caller.toLowerCase().includes(text) || c.notes.toLowerCase().includes(text))
  );
}

/** The list's order: newest first, then by id descending (the API's keyset). */
function isBefore(a: ConversationSummary, b: ConversationSummary): boolean {
  return a.startedAt === b.startedAt ? a.id > b.id : a.startedAt > b.startedAt;
}

/**
 * The loaded list after a `conversations.changed`: the call replaced where it is, dropped when
 * it no longer matches (a tag taken off under a tag filter), or put in its place when it now
 * matches and falls within what is loaded (`complete`: no further page; else before the last row).
 */
export function applyConversationChange(
  items: readonly ConversationSummary[],
  changed: ConversationSummary,
  query: ConversationListQuery,
  complete: boolean,
): readonly ConversationSummary[] {
  const at = items.findIndex((c) => c.id === changed.id);
  const fits = matchesQuery(changed, query);
  if (at !== -1) {
    return fits || query.unheardVoicemail
      ? items.map((c, i) => (i === at ? changed : c))
      : items.filter((_, i) => i !== at);
  }
  const last = items.at(-1);
  if (!fits || query.unheardVoicemail || (!complete && last && !isBefore(changed, last))) return items;
  const place = items.findIndex((c) => isBefore(changed, c));
  return place === -1 ? [...items, changed] : [...items.slice(0, place), changed, ...items.slice(place)];
}
