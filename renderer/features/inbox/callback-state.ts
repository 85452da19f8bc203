import type { Callback } from '../../../shared/domain/callbacks.js';

/** The callback list's tabs: failed requests sit with the done ones (nobody is working on them). */
export const callbackTabs = ['open', 'in_progress', 'done'] as const;
export type CallbackTab = (typeof callbackTabs)[number];

export function callbackTab(status: Callback['status']): CallbackTab {
  return status === 'failed' ? 'done' : status;
}

/**
 * The engine's words for how an attempt went (office-routing.ts, callback-dialer.ts) that have
 * a translation; anything else (a SIP reason, what a person typed) is shown as it is.
 */
export const knownCallbackResults = ['talked', 'busy', 'no answer'] as const;
export type KnownCallbackResult = (typeof knownCallbackResults)[number];

export function knownCallbackResult(result: string | null): KnownCallbackResult | undefined {
  return knownCallbackResults.find((known) => known === result);
}

/**
 * One tab's list after a `callbacks.changed`: the request updated in place, added when it moves
 * into the tab, gone when it moves out. Oldest request first, as the engine lists them.
 */
export function applyCallbackChange(
  list: readonly Callback[],
  changed: Callback,
  tab: CallbackTab,
): Callback[] {
  const others = list.filter((c) => c.id !== changed.id);
  if (callbackTab(changed.status) !== tab) return others;
  return [...others, changed].sort(
    (a, b) => a.requestedAt.localeCompare(b.requestedAt) || a.id.localeCompare(b.id),
  );
}
