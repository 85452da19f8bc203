import type { ConversationDetail, ConversationSummary } from '../../../shared/domain/conversations.js';

/** One IVR step the caller went through, with the key pressed to leave it, if any. */
export interface PopStep {
  name: string;
  key?: string;
}

/** What the agent sees about a ringing call before answering. */
export interface ScreenPop {
  conversationId: string;
  caller: string;
  dialled: string;
  teamName: string | null;
  path: PopStep[];
  inputs: { label: string; value: string }[];
  tags: string[];
  /** When the caller joined the queue (clock ms); null when the call never queued. */
  queuedAt: number | null;
  earlier: ConversationSummary[];
}

/**
 * The screen pop for a call from its conversation (linked by the X-Switchboard-Call-Id header
 * of the INVITE) and the earlier conversations with the same number, newest first.
 */
export function screenPop(detail: ConversationDetail, history: readonly ConversationSummary[]): ScreenPop {
  return {
    conversationId: detail.id,
    caller: detail.caller,
    dialled: detail.dialled,
    teamName: detail.teamName,
    path: detail.path.map((step) => {
      const key = /^key:(.+)$/.exec(step.outcome ?? '')?.[1];
      return { name: step.stepName ?? step.stepKind ?? step.stepId, ...(key ? { key } : {}) };
    }),
    inputs: detail.inputs.map((input) => ({
      label: input.stepName ?? input.variable,
      value: input.value,
    })),
    tags: detail.tags.map((tag) => tag.tag),
    queuedAt: detail.queuedAt === null ? null : Date.parse(detail.queuedAt),
    earlier: history.filter((c) => c.id !== detail.id && c.caller === detail.caller),
  };
}
