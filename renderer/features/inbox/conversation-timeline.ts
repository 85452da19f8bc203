import type { Callback } from '../../../shared/domain/callbacks.js';
import type { ConversationDetail } from '../../../shared/domain/conversations.js';
import type { CallTag } from '../../../shared/domain/tags.js';
import type { Voicemail } from '../../../shared/domain/voicemails.js';

/** One line of a call's story, at the moment it happened. */
export type TimelineEntry = { at: string } & (
  | { kind: 'started'; caller: string; dialled: string }
  | {
      kind: 'step';
      name: string | null;
      stepKind: string | null;
      outcome: StepOutcome | null;
      durationMs: number | null;
      error: string | null;
    }
  | { kind: 'input'; label: string; value: string }
  | { kind: 'queued'; teamName: string | null; waitMs: number | null }
  | { kind: 'answered'; agentName: string | null }
  | { kind: 'transferred'; from: string | null; to: string; attended: boolean }
  | { kind: 'ended'; talkMs: number | null }
  | { kind: 'tag'; tag: CallTag }
  | { kind: 'voicemail'; voicemail: Voicemail }
  | { kind: 'callback'; callback: Callback }
);

/**
 * How a step was left, as people say it: a key pressed, nothing pressed, a wrong entry, the
 * caller hanging up, put through or not. `other` keeps what has no words of its own yet.
 */
export type StepOutcome =
  | { kind: 'key'; key: string }
  | { kind: 'branch' }
  | {
      kind:
        'timeout' | 'invalid' | 'hangup' | 'connected' | 'no_answer' | 'failed' | 'no_match' | 'not_allowed';
    }
  | { kind: 'other'; text: string };

const namedOutcomes = new Set([
  'timeout',
  'invalid',
  'hangup',
  'connected',
  'no_answer',
  'failed',
  'no_match',
  'not_allowed',
] as const);

/** The interpreter's outcome strings (flow-interpreter.ts); null for a plain "went on" ('next', 'end'). */
export function stepOutcome(outcome: string | null): StepOutcome | null {
  if (outcome === null || outcome === 'next' || outcome === 'end' || outcome === 'accepted') return null;
  if (outcome.startsWith('key:')) return { kind: 'key', key: outcome.slice(4) };
  if (outcome.startsWith('branch:')) return { kind: 'branch' };
  for (const kind of namedOutcomes) if (kind === outcome) return { kind };
  return { kind: 'other', text: outcome };
}

/**
 * The call's story in time order: its start, each workflow step (how long, how it was left),
 * what the caller keyed in, the queue and its wait, who answered, each agent's transfer, the end
 * and talk time, tags,
 * messages and callbacks. Entries at the same instant keep the order they are added in.
 */
export function conversationTimeline(c: ConversationDetail): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    { kind: 'started', at: c.startedAt, caller: c.caller, dialled: c.dialled },
  ];
  // Before the steps: an entry is logged as its step is left, the instant the next one starts.
  for (const input of c.inputs) {
    entries.push({
      kind: 'input',
      at: input.at,
      label: input.stepName ?? input.variable,
      value: input.value,
    });
  }
  for (const step of c.path) {
    entries.push({
      kind: 'step',
      at: step.enteredAt,
      name: step.stepName,
      stepKind: step.stepKind,
      outcome: stepOutcome(step.outcome),
      durationMs: step.leftAt ? Date.parse(step.leftAt) - Date.parse(step.enteredAt) : null,
      error: step.error,
    });
  }
  if (c.queuedAt) entries.push({ kind: 'queued', at: c.queuedAt, teamName: c.teamName, waitMs: c.waitMs });
  // The conversation names the agent who has the caller last: the first answered before any transfer.
  const firstAgent = c.transfers.length > 0 ? c.transfers[0]!.fromAgentName : c.agentName;
  if (c.answeredAt) entries.push({ kind: 'answered', at: c.answeredAt, agentName: firstAgent });
  for (const transfer of c.transfers) {
    entries.push({
      kind: 'transferred',
      at: transfer.at,
      from: transfer.fromAgentName,
      to: transfer.toAgentName ?? transfer.target,
      attended: transfer.attended,
    });
  }
  for (const tag of c.tags) entries.push({ kind: 'tag', at: tag.addedAt, tag });
  for (const voicemail of c.voicemails)
    entries.push({ kind: 'voicemail', at: voicemail.createdAt, voicemail });
  for (const callback of c.callbacks) entries.push({ kind: 'callback', at: callback.requestedAt, callback });
  if (c.endedAt) entries.push({ kind: 'ended', at: c.endedAt, talkMs: c.talkMs });
  return entries
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.at) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ entry }) => entry);
}
