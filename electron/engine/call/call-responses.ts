import { createResponse } from '../sip/response-builder.js';
import type { SipRequest, SipResponse } from '../sip/sip-message.js';

/** What a call of ours takes inside its dialog, either leg (RFC 3261 §20.5 Allow). */
export const CALL_ALLOW = 'INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, NOTIFY';

/** A 200 to an INVITE carrying our SDP (RFC 3264), with our Contact (§12.1.1) and Allow. */
export function sdpOk(request: SipRequest, sdp: string, contact: string, toTag?: string): SipResponse {
  return createResponse(request, 200, {
    ...(toTag === undefined ? {} : { toTag }),
    headers: [
      ['contact', contact],
      ['allow', CALL_ALLOW],
      ['content-type', 'application/sdp'],
    ],
    body: sdp,
  });
}

/** A request below the dialog's last remote CSeq (RFC 3261 §12.2.2): 500, the call unchanged. */
export function cseqOutOfOrder(request: SipRequest): SipResponse {
  return createResponse(request, 500, { reason: 'Server Internal Error (CSeq out of order)' });
}
