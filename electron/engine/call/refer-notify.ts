import { reasonPhrases } from '../sip/response-builder.js';

/** How long we say the implicit subscription of a REFER lives while the transfer runs. */
export const REFER_SUBSCRIPTION_SEC = 60;

/** What a NOTIFY for a REFER carries: its headers and sipfrag body. */
export interface ReferNotify {
  headers: [string, string][];
  body: string;
}

/**
 * A NOTIFY reporting on a REFER we accepted (RFC 3515 §2.4.4–2.4.7): `Event: refer` (with the
 * REFER's CSeq as `id` when it was not the dialog's first REFER, §2.4.6), the status line of
 * how the referred call went as a message/sipfrag body (RFC 3420 §2, only the status line, as
 * RFC 3515 §2.4.5 allows), and the subscription active until a final status (1xx) or
 * terminated with it (2xx–6xx, RFC 6665 §4.1.3).
 */
export function referNotify(
  status: number,
  options: { reason?: string; referId?: number } = {},
): ReferNotify {
  const reason = (options.reason ?? reasonPhrases[status] ?? 'Unknown').replace(/[\r\n]/g, ' ');
  const final = status >= 200;
  return {
    headers: [
      ['event', options.referId === undefined ? 'refer' : `refer;id=${options.referId}`],
      [
        'subscription-state',
        final ? 'terminated;reason=noresource' : `active;expires=${REFER_SUBSCRIPTION_SEC}`,
      ],
      ['content-type', 'message/sipfrag;version=2.0'],
    ],
    body: `SIP/2.0 ${status} ${reason}\r\n`,
  };
}

/**
 * The status a failed referred call reports in the final NOTIFY: the target's own final
 * response when there was one, else 408 (rang out) or 503 (could not be placed).
 */
export function failureStatus(
  outcome:
    | { kind: 'busy'; status: number }
    | { kind: 'no-answer'; status: number }
    | { kind: 'declined'; status: number; reason: string }
    | { kind: 'cancelled' }
    | { kind: 'failed'; message: string },
): { status: number; reason: string } {
  switch (outcome.kind) {
    case 'busy':
    case 'no-answer':
      return { status: outcome.status, reason: reasonPhrases[outcome.status] ?? 'Unknown' };
    case 'declined':
      return {
        status: outcome.status,
        reason: outcome.reason || (reasonPhrases[outcome.status] ?? 'Unknown'),
      };
    case 'cancelled':
      return { status: 408, reason: 'Request Timeout' };
    case 'failed':
      return { status: 503, reason: 'Service Unavailable' };
  }
}
