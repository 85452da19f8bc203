import { randomBytes } from 'node:crypto';
import { SipHeaders, type SipRequest, type SipResponse } from './sip-message.js';
import type { SipParseError } from './sip-parser.js';

/** RFC 3261 §21 reason phrases for the codes the engine sends. */
export const reasonPhrases: Readonly<Record<number, string>> = {
  100: 'Trying',
  180: 'Ringing',
  181: 'Call Is Being Forwarded',
  182: 'Queued',
  183: 'Session Progress',
  200: 'OK',
  202: 'Accepted',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  415: 'Unsupported Media Type',
  420: 'Bad Extension',
  480: 'Temporarily Unavailable',
  481: 'Call/Transaction Does Not Exist',
  482: 'Loop Detected',
  483: 'Too Many Hops',
  486: 'Busy Here',
  487: 'Request Terminated',
  488: 'Not Acceptable Here',
  505: 'Version Not Supported',
  513: 'Message Too Large',
  491: 'Request Pending',
  500: 'Server Internal Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
  603: 'Decline',
};

/** A fresh tag for To/From (RFC 3261 §19.3: at least 32 bits of randomness). */
export function newTag(): string {
  return randomBytes(6).toString('hex');
}

/** The request fields a response is built from; a partly parsed bad request may offer only some. */
export type ResponseSource = Pick<SipRequest, 'headers'>;

/**
 * Builds a response per RFC 3261 §8.2.6.2: Via (all, in order), From, Call-ID and CSeq copied;
 * To copied and given `toTag` when it has none and the response is not 100 Trying.
 */
export function createResponse(
  request: ResponseSource,
  status: number,
  options: {
    reason?: string;
    toTag?: string;
    headers?: Iterable<readonly [string, string]>;
    body?: string;
  } = {},
): SipResponse {
  const headers = new SipHeaders();
  for (const [name, value] of request.headers) {
    if (name === 'via' || name === 'record-route') headers.append(name, value);
  }
  // Record-Route is copied only into responses that can create a dialog (§12.1.1).
  if (status < 101 || status >= 300) headers.remove('record-route');
  // §8.2.6.1: a 100 Trying echoes the request's Timestamp, for the peer's RTT estimate.
  for (const name of ['from', 'to', 'call-id', 'cseq', ...(status === 100 ? ['timestamp'] : [])]) {
    const value = request.headers.get(name);
    if (value !== undefined) headers.append(name, value);
  }
  const to = headers.get('to');
  if (to !== undefined && status > 100 && !/;\s*tag=/i.test(to)) {
    headers.set('to', `${to};tag=${options.toTag ?? newTag()}`);
  }
  for (const [name, value] of options.headers ?? []) headers.append(name, value);
  return {
    kind: 'response',
    status,
    reason: options.reason ?? reasonPhrases[status] ?? 'Unknown',
    headers,
    body: options.body ?? '',
  };
}

/**
 * The answer to a request the parser refused (400, 505 or 513, §8.2.2, §21.5.14), with what was
 * wrong in the reason phrase; undefined when there is nothing to answer: an ACK is never
 * answered (§17.2.1), and without a readable Via the peer could not match a response.
 */
export function refusalFor(error: SipParseError): SipResponse | undefined {
  const partial = error.partial;
  if (!partial || partial.method === 'ACK' || !partial.headers.has('via')) return undefined;
  const standard = reasonPhrases[error.status] ?? 'Bad Request';
  return createResponse(partial, error.status, { reason: `${standard} (${error.reason.slice(0, 80)})` });
}
