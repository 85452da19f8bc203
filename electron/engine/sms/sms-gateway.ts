/** The message a gateway is asked to deliver. */
export interface OutgoingSms {
  /** The outbox id; gateways that deduplicate may use it as a reference. */
  id: string;
  to: string;
  text: string;
  /** The office's sender number or id (settings), possibly empty. */
  from: string;
}

/** What one attempt came to: `detail` is what the provider said, in words for the outbox. */
export interface GatewayResult {
  ok: boolean;
  detail: string;
}

/**
 * A way out for text messages (an HTTP gateway, SIP MESSAGE). One call is one attempt; the
 * dispatcher retries. It should stop when `signal` aborts (the attempt timed out, or the engine
 * is closing) and may reject: either way the attempt counts as failed.
 */
export interface SmsGateway {
  /** Recorded with each attempt, e.g. 'http' or 'sip'. */
  readonly provider: string;
  send(sms: OutgoingSms, signal: AbortSignal): Promise<GatewayResult>;
}

/** At most this much of a gateway's answer is kept with an attempt. */
export const DETAIL_LIMIT = 300;

/** One line, cut to {@link DETAIL_LIMIT}, for the outbox to show. */
export function detailSnippet(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > DETAIL_LIMIT ? `${line.slice(0, DETAIL_LIMIT - 1)}…` : line;
}
