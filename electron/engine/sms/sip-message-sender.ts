import { randomBytes } from 'node:crypto';
import type { ClientTransactionListener } from '../sip/client-transaction.js';
import type { DigestSession } from '../sip/digest-auth.js';
import { newTag } from '../sip/response-builder.js';
import { serializeSipMessage } from '../sip/sip-serializer.js';
import { SipHeaders, type SipEndpoint, type SipRequest, type SipResponse } from '../sip/sip-message.js';
import { newBranch } from '../sip/via.js';
import { pagerModeParts } from './pager-mode-parts.js';

/** What a line lends to send one MESSAGE: its transaction layer, address and credentials. */
export interface SipMessageDeps {
  layer: { sendRequest(request: SipRequest, to: SipEndpoint, listener: ClientTransactionListener): unknown };
  /** Our SIP address (Via). */
  local: SipEndpoint;
  /** The registrar / outbound proxy the request goes to. */
  proxy: SipEndpoint;
  digest: DigestSession;
  /** The line's address-of-record, e.g. sip:office@pbx.example.com. */
  fromUri: string;
  displayName: string;
}

/** How a MESSAGE ended: the final response, or no response at all. */
export type SipMessageOutcome =
  | { kind: 'response'; status: number; reason: string }
  | { kind: 'timeout' }
  | { kind: 'transport-error'; message: string };

/**
 * A MESSAGE request of RFC 3428 §4 outside any dialog: the text as its text/plain body, no
 * Contact (§4: a MESSAGE request MUST NOT carry one).
 */
export function buildMessageRequest(
  deps: Pick<SipMessageDeps, 'local' | 'fromUri' | 'displayName'>,
  target: string,
  text: string,
  ids: { callId: string; fromTag: string; cseq: number },
): SipRequest {
  const { local } = deps;
  const host = local.address.includes(':') ? `[${local.address}]` : local.address;
  const display = deps.displayName.replace(/["\\\r\n]/g, '');
  const headers = SipHeaders.from([
    ['via', `SIP/2.0/${local.transport.toUpperCase()} ${host}:${local.port};branch=${newBranch()};rport`],
    ['max-forwards', '70'],
    ['from', `"${display}" <${deps.fromUri}>;tag=${ids.fromTag}`],
    ['to', `<${target}>`],
    ['call-id', ids.callId],
    ['cseq', `${ids.cseq} MESSAGE`],
    ['content-type', 'text/plain;charset=UTF-8'],
  ]);
  return { kind: 'request', method: 'MESSAGE', uri: target, headers, body: text };
}

/** RFC 3428: a MESSAGE over a transport without congestion control stays within 1300 bytes. */
const PAGER_MODE_MAX_BYTES = 1300;
/** Room kept for the Proxy-Authorization a challenge adds to a part after it was cut. */
const AUTHORIZATION_ALLOWANCE = 500;

/**
 * Sends a text as SIP MESSAGE through the proxy and resolves with the final response. Over UDP
 * a text too long for one request of 1300 bytes (RFC 3428) goes as several, in order, in one
 * Call-ID with rising CSeq, each waiting for the one before to be accepted; the first refusal
 * stops the rest and is the outcome. 200 and 202 both mean accepted (RFC 3428 §7).
 */
export async function sendSipMessage(
  deps: SipMessageDeps,
  target: string,
  text: string,
): Promise<SipMessageOutcome> {
  const ids = { callId: `${randomBytes(12).toString('hex')}@switchboard`, fromTag: newTag(), cseq: 1 };
  const parts = deps.local.transport === 'udp' ? pagerModeParts(text, partBudget(deps, target, ids)) : [text];
  let outcome: SipMessageOutcome = { kind: 'timeout' };
  for (const part of parts) {
    outcome = await sendOne(deps, target, part, ids);
    if (outcome.kind !== 'response' || outcome.status < 200 || outcome.status >= 300) return outcome;
    ids.cseq++;
  }
  return outcome;
}

/** Bytes of text one request can carry: the limit less the request's own start line and headers. */
function partBudget(
  deps: SipMessageDeps,
  target: string,
  ids: { callId: string; fromTag: string; cseq: number },
): number {
  const empty = serializeSipMessage(buildMessageRequest(deps, target, '', ids)).length;
  // A long AOR or display name cannot make the budget vanish: then parts are merely small.
  return Math.max(200, PAGER_MODE_MAX_BYTES - empty - AUTHORIZATION_ALLOWANCE);
}

/**
 * One MESSAGE and its final response. A 401 or 407 is answered once with the line's digest
 * credentials (RFC 3261 §22.2), in a new transaction with the next CSeq (§8.1.3.5).
 */
function sendOne(
  deps: SipMessageDeps,
  target: string,
  text: string,
  ids: { callId: string; fromTag: string; cseq: number },
): Promise<SipMessageOutcome> {
  return new Promise((resolve) => {
    const send = (authenticated: boolean): void => {
      const request = buildMessageRequest(deps, target, text, ids);
      deps.digest.applyTo(request);
      try {
        deps.layer.sendRequest(request, deps.proxy, {
          onFinal: (response) => final(response, authenticated),
          onTimeout: () => resolve({ kind: 'timeout' }),
          onTransportError: (error) => resolve({ kind: 'transport-error', message: error.message }),
        });
      } catch (error) {
        resolve({ kind: 'transport-error', message: error instanceof Error ? error.message : String(error) });
      }
    };
    const final = (response: SipResponse, authenticated: boolean): void => {
      if ((response.status === 401 || response.status === 407) && !authenticated) {
        if (deps.digest.handleChallenge(response).ok) {
          ids.cseq++;
          send(true);
          return;
        }
      }
      resolve({ kind: 'response', status: response.status, reason: response.reason });
    };
    send(false);
  });
}
