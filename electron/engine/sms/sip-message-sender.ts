import { randomBytes } from 'node:crypto';
import type { ClientTransactionListener } from '../sip/client-transaction.js';
import type { DigestSession } from '../sip/digest-auth.js';
import { newTag } from '../sip/response-builder.js';
import { SipHeaders, type SipEndpoint, type SipRequest, type SipResponse } from '../sip/sip-message.js';
import { newBranch } from '../sip/via.js';

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

/**
 * Sends a text as SIP MESSAGE through the proxy and resolves with its final response. A 401 or
 * 407 is answered once with the line's digest credentials (RFC 3261 §22.2), in a new
 * transaction with the next CSeq (§8.1.3.5). 200 and 202 both mean accepted (RFC 3428 §7).
 */
export function sendSipMessage(
  deps: SipMessageDeps,
  target: string,
  text: string,
): Promise<SipMessageOutcome> {
  const ids = { callId: `${randomBytes(12).toString('hex')}@switchboard`, fromTag: newTag(), cseq: 1 };
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
