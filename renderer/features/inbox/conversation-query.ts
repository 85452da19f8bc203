import type { ConversationOutcome } from '../../../shared/domain/conversations.js';
import type { Params } from '../../../shared/rpc/contract.js';
import { addDays, zonedToDate } from '../workflows/test-call/zoned-time.js';

/** The list's filters as the form holds them: '' (or false) is "any". Days are the office's. */
export interface ConversationFilters {
  /** First day shown, 'YYYY-MM-DD'. */
  from: string;
  /** Last day shown, included. */
  to: string;
  teamId: string;
  agentId: string;
  tag: string;
  outcome: ConversationOutcome | '';
  direction: '' | 'inbound' | 'outbound';
  unheardVoicemail: boolean;
  text: string;
}

export const NO_FILTERS: ConversationFilters = {
  from: '',
  to: '',
  teamId: '',
  agentId: '',
  tag: '',
  outcome: '',
  direction: '',
  unheardVoicemail: false,
  text: '',
};

export type ConversationListQuery = Omit<Params<'conversations.list'>, 'after' | 'limit'>;

/**
 * The API's filter for the form: the office's days become instants (`to` is the day after the
 * last one shown, since the API's end is exclusive), empty fields are left out.
 */
export function conversationQuery(filters: ConversationFilters, timeZone: string): ConversationListQuery {
  const from = filters.from ? zonedToDate(filters.from, timeZone) : undefined;
  const to = filters.to ? zonedToDate(addDays(filters.to, 1), timeZone) : undefined;
  const text = filters.text.trim();
  return {
    ...(from && { from: from.toISOString() }),
    ...(to && { to: to.toISOString() }),
    ...(filters.teamId && { teamId: filters.teamId }),
    ...(filters.agentId && { agentId: filters.agentId }),
    ...(filters.tag && { tag: filters.tag }),
    ...(filters.outcome && { outcomes: [filters.outcome] }),
    ...(filters.direction && { direction: filters.direction }),
    ...(filters.unheardVoicemail && { unheardVoicemail: true as const }),
    ...(text && { text: text.slice(0, 100) }),
  };
}
