import type { ConversationSummary } from '../../../shared/domain/conversations.js';

/** The agent pressed "Call back" in this app: the engine is about to ring their phone for it. */
export interface CallbackExpectation {
  agentId: string;
  number: string;
  /** When "Call back" was pressed (ms). */
  at: number;
}

/**
 * How long after "Call back" the engine's call to the agent counts as that callback. The
 * engine rings the agent at once (callbacks.start, then CallbackDialer), so a few seconds do;
 * the margin covers a slow PBX.
 */
export const CALLBACK_ANSWER_WINDOW_MS = 15_000;

/**
 * Whether a ringing call is the callback the agent just started, to answer it without a second
 * click. The engine's leg carries no header saying "callback", only X-Switchboard-Call-Id: so
 * it is the conversation that call names — one the engine placed (outbound) to the expected
 * number for this agent — within the window after the click.
 */
export function isExpectedCallback(
  expectation: CallbackExpectation | undefined,
  conversation: Pick<ConversationSummary, 'direction' | 'dialled' | 'agentId'>,
  now: number,
): boolean {
  if (!expectation || now - expectation.at > CALLBACK_ANSWER_WINDOW_MS || now < expectation.at) return false;
  return (
    conversation.direction === 'outbound' &&
    conversation.dialled === expectation.number &&
    conversation.agentId === expectation.agentId
  );
}
