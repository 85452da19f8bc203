import { BRANCH_MAGIC_COOKIE, type SipRequest, type SipResponse } from './sip-message.js';
import { readCSeq, readTopVia } from './transaction-fields.js';

/**
 * Transaction matching (RFC 3261 §17.1.3 and §17.2.3) reduced to map keys, so that finding a
 * transaction is one string build and one Map lookup per message.
 *
 * Only RFC 3261 branches (starting with the magic cookie) are matched. The RFC 2543 fallback of
 * §17.2.3 (matching on Request-URI, tags, Call-ID, CSeq and the whole top Via) is not
 * implemented: such requests are reported as invalid, and the UA answers them 400.
 */

/** Branches, sent-by values and methods hold no spaces (they are tokens and host:port). */
const SEPARATOR = ' ';

/**
 * §17.1.3: a response matches the client transaction whose request had the same top Via branch
 * and whose method equals the response's CSeq method (so that the 200 to a CANCEL, which shares
 * the INVITE's branch, does not land in the INVITE transaction).
 */
export function clientTransactionKey(branch: string, method: string): string {
  return branch + SEPARATOR + method;
}

/**
 * §17.2.3: a request matches the server transaction with the same top Via branch and sent-by,
 * and the same method, except that an ACK matches the INVITE transaction it acknowledges. A
 * CANCEL keeps its own method and so gets its own transaction (§9.2).
 */
export function serverTransactionKey(branch: string, sentBy: string, method: string): string {
  return branch + SEPARATOR + sentBy + SEPARATOR + (method === 'ACK' ? 'INVITE' : method);
}

export function hasMagicCookie(branch: string): boolean {
  return branch.startsWith(BRANCH_MAGIC_COOKIE) && branch.length > BRANCH_MAGIC_COOKIE.length;
}

/** The client transaction key of a received response, or undefined if it cannot match one. */
export function responseTransactionKey(response: SipResponse): string | undefined {
  const branch = readTopVia(response.headers)?.branch;
  const method = readCSeq(response.headers)?.method;
  return branch === undefined || method === undefined ? undefined : clientTransactionKey(branch, method);
}

/** Why a request cannot be matched to a server transaction; the UA may answer 400 (§8.2). */
export type UnmatchableRequestReason =
  'missing-via' | 'missing-branch' | 'rfc2543-branch' | 'missing-cseq' | 'cseq-method-mismatch';

export type ServerRequestMatch =
  | {
      readonly ok: true;
      readonly key: string;
      readonly branch: string;
      readonly sentBy: string;
    }
  | { readonly ok: false; readonly reason: UnmatchableRequestReason };

/** Reads the matching fields of a received request (§17.2.3) and builds its server key. */
export function matchServerRequest(request: SipRequest): ServerRequestMatch {
  const via = readTopVia(request.headers);
  if (via === undefined) return { ok: false, reason: 'missing-via' };
  if (via.branch === undefined) return { ok: false, reason: 'missing-branch' };
  if (!hasMagicCookie(via.branch)) return { ok: false, reason: 'rfc2543-branch' };
  const cseq = readCSeq(request.headers);
  if (cseq === undefined) return { ok: false, reason: 'missing-cseq' };
  // §8.1.1.5: the CSeq method MUST match the request's; a mismatch is a malformed request.
  if (cseq.method !== request.method) return { ok: false, reason: 'cseq-method-mismatch' };
  return {
    ok: true,
    key: serverTransactionKey(via.branch, via.sentBy, request.method),
    branch: via.branch,
    sentBy: via.sentBy,
  };
}

/**
 * §9.2: the INVITE server transaction a CANCEL targets is the one its request would match if
 * its method were INVITE (the UAC copies the INVITE's top Via into the CANCEL, §9.1).
 */
export function cancelTargetKey(branch: string, sentBy: string): string {
  return serverTransactionKey(branch, sentBy, 'INVITE');
}
