import { z } from 'zod';
import type { ConversationSummary } from '../../../shared/domain/conversations.js';

/**
 * How a call on this agent's phone went:
 * - answered: talked (either way);
 * - missed: rang here and stopped before anyone answered;
 * - declined: the agent declined it;
 * - busy / no_answer / failed: an outgoing call the other side did not take.
 */
export const historyOutcomes = ['answered', 'missed', 'declined', 'busy', 'no_answer', 'failed'] as const;
export type HistoryOutcome = (typeof historyOutcomes)[number];

const historyEntrySchema = z.object({
  id: z.string(),
  /** The engine's conversation, when the call went through it (X-Switchboard-Call-Id). */
  conversationId: z.string().optional(),
  direction: z.enum(['inbound', 'outbound']),
  /** The other party: the caller of an incoming call, the number dialled of an outgoing one. */
  number: z.string(),
  startedAt: z.number(),
  /** Talk time; null when nobody talked. */
  durationMs: z.number().nullable(),
  outcome: z.enum(historyOutcomes),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** What a finished call on this phone looked like, as CallSession saw it. */
export interface FinishedCall {
  id: string;
  conversationId: string | undefined;
  direction: 'inbound' | 'outbound';
  number: string;
  startedAt: number;
  answeredAt: number | undefined;
  endedAt: number;
  declined: boolean;
  /** The final non-2xx response to our INVITE, for outgoing calls that failed. */
  failureStatus: number | undefined;
}

/** Local entries kept per agent in this browser, newest first. */
export const LOCAL_HISTORY_CAP = 100;

/** The entry for a call that just ended on this phone. */
export function entryFromCall(call: FinishedCall): HistoryEntry {
  return {
    id: call.id,
    ...(call.conversationId !== undefined ? { conversationId: call.conversationId } : {}),
    direction: call.direction,
    number: call.number,
    startedAt: call.startedAt,
    durationMs: call.answeredAt === undefined ? null : call.endedAt - call.answeredAt,
    outcome: finishedOutcome(call),
  };
}

function finishedOutcome(call: FinishedCall): HistoryOutcome {
  if (call.answeredAt !== undefined) return 'answered';
  if (call.direction === 'inbound') return call.declined ? 'declined' : 'missed';
  // RFC 3261 §21.4.18/21.4.9, §21.6.1: busy here or everywhere; 408, 480, 487: it rang out or we gave up.
  if (call.failureStatus === 486 || call.failureStatus === 600) return 'busy';
  if (call.failureStatus === 603) return 'declined';
  if (call.failureStatus === undefined || [408, 480, 487].includes(call.failureStatus)) return 'no_answer';
  return 'failed';
}

/**
 * The entry for a conversation the engine logged with this agent (a routed call they took, a
 * callback they returned), seen here or on another device. Calls still going are left out:
 * the phone shows them.
 */
export function entryFromConversation(conversation: ConversationSummary): HistoryEntry | undefined {
  if (conversation.outcome === 'in_progress') return undefined;
  const answered = conversation.answeredAt !== null;
  return {
    id: conversation.id,
    conversationId: conversation.id,
    direction: conversation.direction,
    number: conversation.direction === 'inbound' ? conversation.caller : conversation.dialled,
    startedAt: Date.parse(conversation.startedAt),
    durationMs: answered ? (conversation.talkMs ?? null) : null,
    outcome: answered ? 'answered' : conversation.direction === 'inbound' ? 'missed' : 'no_answer',
  };
}

/**
 * This browser's calls and the engine's, newest first, at most `limit`. A call in both (it
 * went through the engine and rang here) is shown once, as this phone saw it: it knows about
 * declines and rings the engine does not tie to the agent.
 */
export function mergeHistory(
  local: readonly HistoryEntry[],
  engine: readonly HistoryEntry[],
  limit: number,
): HistoryEntry[] {
  const seen = new Set(local.flatMap((entry) => (entry.conversationId ? [entry.conversationId] : [])));
  return [...local, ...engine.filter((entry) => !seen.has(entry.id))]
    .sort((a, b) => b.startedAt - a.startedAt)
    .slice(0, limit);
}

/** Where a browser keeps things: localStorage, or a map in tests. */
export interface HistoryStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const storageKey = (agentId: string): string => `switchboard.phone.history.${agentId}`;

/** The agent's calls kept in this browser; unreadable or foreign entries are dropped. */
export function loadLocalHistory(storage: HistoryStorage | undefined, agentId: string): HistoryEntry[] {
  try {
    const parsed = z.array(z.unknown()).safeParse(JSON.parse(storage?.getItem(storageKey(agentId)) ?? '[]'));
    if (!parsed.success) return [];
    return parsed.data.flatMap((item) => {
      const entry = historyEntrySchema.safeParse(item);
      return entry.success ? [entry.data] : [];
    });
  } catch {
    return [];
  }
}

/** Adds a call to the agent's local history, keeping the newest {@link LOCAL_HISTORY_CAP}; returns it. */
export function appendLocalHistory(
  storage: HistoryStorage | undefined,
  agentId: string,
  entry: HistoryEntry,
): HistoryEntry[] {
  const next = [entry, ...loadLocalHistory(storage, agentId).filter((e) => e.id !== entry.id)]
    .sort((a, b) => b.startedAt - a.startedAt)
    .slice(0, LOCAL_HISTORY_CAP);
  try {
    storage?.setItem(storageKey(agentId), JSON.stringify(next));
  } catch {
    // Storage full or blocked: the call still shows until the page reloads.
  }
  return next;
}
