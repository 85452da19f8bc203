import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { MediaHost, MediaStreamHandle, StreamListener } from '../media/media-host.js';
import type { ClientTransaction } from '../sip/client-transaction.js';
import type { NonInviteServerTransaction, InviteServerTransaction } from '../sip/server-transaction.js';
import type { DigestSession } from '../sip/digest-auth.js';
import { uacDialog, type Dialog } from '../sip/dialog.js';
import { createResponse, newTag } from '../sip/response-builder.js';
import { answerOffer, createOffer, readAnswer, SdpNegotiationError } from '../sip/sdp-offer-answer.js';
import { SipHeaders, type SipEndpoint, type SipRequest, type SipResponse } from '../sip/sip-message.js';
import type { TransactionLayer } from '../sip/transaction-layer.js';
import { newBranch } from '../sip/via.js';
import { CALL_ALLOW, cseqOutOfOrder, sdpOk } from './call-responses.js';

export interface OutgoingCallDeps {
  layer: TransactionLayer;
  media: MediaHost;
  /** Our SIP address (Via, Contact) and media address (SDP). */
  local: SipEndpoint;
  /** The outbound proxy / registrar every request goes to. */
  proxy: SipEndpoint;
  /** Digest credentials of the line, for a 401/407 to the INVITE (RFC 3261 §22.2). */
  digest: DigestSession;
  /** Our address-of-record, e.g. sip:office@pbx.example.com. */
  fromUri: string;
  displayName: string;
  logger: Logger;
}

/** Methods we handle in these calls' dialogs (REFER: RFC 3515, agents transferring callers). */

/** How an attempt ended before or without being answered (RFC 3261 §21). */
export type OutgoingOutcome =
  | { kind: 'answered' }
  | { kind: 'busy'; status: 486 | 600 }
  | { kind: 'no-answer'; status: 408 | 480 }
  | { kind: 'declined'; status: number; reason: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

/** What a final failure response (RFC 3261 §21.4–21.6) means for the one who called. */
export function refusalOutcome(
  status: number,
  reason: string,
): Extract<OutgoingOutcome, { kind: 'busy' | 'no-answer' | 'declined' }> {
  if (status === 486 || status === 600) return { kind: 'busy', status };
  if (status === 408 || status === 480) return { kind: 'no-answer', status };
  return { kind: 'declined', status, reason };
}

/**
 * A call the engine places (agent legs, callbacks) as the UAC of RFC 3261 §13.2: INVITE with our
 * SDP offer through the proxy, digest answered once, 180/183 seen (early media is not played),
 * ACK for the 2xx (§13.2.2.4), CANCEL if it must stop ringing (§9.1), BYE to end.
 */
export class OutgoingCall {
  readonly id = randomUUID();
  readonly callId = `${randomBytes(12).toString('hex')}@switchboard`;
  private readonly fromTag = newTag();
  private readonly sdpSession = Math.floor(Math.random() * 1e9);
  private sdpVersion = 1;
  private cseq = 1;
  private invite: SipRequest | undefined;
  private transaction: ClientTransaction | undefined;
  private dialog: Dialog | undefined;
  private stream: MediaStreamHandle | undefined;
  private ringing = false;
  /** RTP packet counts once the call's media is closed. */
  mediaStats: { packetsSent: number; packetsReceived: number } | undefined;
  private cancelRequested = false;
  private byeSent: Promise<void> | undefined;
  /** The outcome is known: answered, refused, timed out or failed. */
  private decided = false;
  private settle!: (outcome: OutgoingOutcome) => void;
  /** Resolves when the attempt is decided: answered, or why not. */
  readonly outcome: Promise<OutgoingOutcome>;
  private finishCall!: () => void;
  /** Resolves when an answered call has ended (either side's BYE). */
  readonly ended: Promise<void>;

  constructor(
    private readonly deps: OutgoingCallDeps,
    /** Request-URI to call, e.g. sip:agent1@pbx.example.com. */
    readonly target: string,
    private readonly extraHeaders: [string, string][] = [],
  ) {
    this.outcome = new Promise((resolve) => {
      this.settle = (outcome) => {
        this.decided = true;
        resolve(outcome);
      };
    });
    this.ended = new Promise((resolve) => (this.finishCall = resolve));
  }

  get media(): MediaStreamHandle | undefined {
    return this.stream;
  }

  get isRinging(): boolean {
    return this.ringing;
  }

  async start(listener?: StreamListener): Promise<OutgoingOutcome> {
    try {
      this.stream = await this.deps.media.open(this.deps.local.address, listener);
    } catch (error) {
      this.finish({ kind: 'failed', message: `no media port: ${String(error)}` });
      return this.outcome;
    }
    this.send(this.buildInvite(this.stream.port), false);
    return this.outcome;
  }

  /** Stops a call that is still ringing (CANCEL, §9.1); ends it with BYE if already answered. */
  async hangup(): Promise<void> {
    if (this.dialog) {
      await this.bye();
      return;
    }
    // Refused or given up already: nothing rings any more, and a CANCEL after a final response
    // is a no-op that SHOULD NOT be sent (§9.1), e.g. when the caller hangs up after a busy agent.
    if (this.decided) return;
    // §9.1: a CANCEL may only follow a provisional response; otherwise wait for one (or the end).
    // A second hangup() while the first CANCEL is under way only waits for the outcome.
    if (!this.cancelRequested && this.ringing) this.sendCancel();
    this.cancelRequested = true;
    await this.outcome;
  }

  /** A BYE from the far end (routed here by Call-ID by the line agent). */
  remoteHangup(): void {
    // The dialog is over (RFC 3261 §15.1.2): a later hangup() must not BYE it again.
    this.byeSent ??= Promise.resolve();
    void this.close();
  }

  /** Answered and not yet ended: requests can be sent in its dialog. */
  get isUp(): boolean {
    return this.dialog !== undefined && this.stream !== undefined;
  }

  /**
   * Who handles a REFER the far end sends in this call (an agent transferring the caller,
   * RFC 3515): set by whoever bridged the leg. Without one a REFER is refused 603.
   */
  referHandler: ((request: SipRequest, transaction: NonInviteServerTransaction) => void) | undefined;

  /** Told when the far end puts the call on hold or takes it off (set by whoever bridged it). */
  onHoldChange: ((held: boolean) => void) | undefined;
  private held = false;

  /** The far end holds the call: its last offer was a=sendonly or a=inactive (RFC 3264 §8.4). */
  get isHeld(): boolean {
    return this.held;
  }

  /**
   * A request the far end sent inside this call's dialog (the line agent routes it here by
   * Call-ID): BYE ends the call, re-INVITE holds or moves media, REFER goes to the
   * {@link referHandler}, INFO is acknowledged (RFC 6086 §4.2.2: digits from an agent's phone
   * have no one to go to in a bridge that relays RTP; RFC 4733 ones pass through the bridge),
   * NOTIFY is 481 as we hold no subscriptions on these legs (RFC 6665 §4.1.3).
   */
  handleRequest(
    request: SipRequest,
    transaction: InviteServerTransaction | NonInviteServerTransaction,
  ): void {
    if (request.method === 'INVITE') {
      transaction.respond(this.reinvite(request));
      return;
    }
    if (!this.dialog) {
      transaction.respond(createResponse(request, 481));
      return;
    }
    if (request.method !== 'ACK' && !this.dialog.acceptRemoteRequest(request)) {
      transaction.respond(cseqOutOfOrder(request));
      return;
    }
    switch (request.method) {
      case 'BYE':
        transaction.respond(createResponse(request, 200));
        this.remoteHangup();
        return;
      case 'REFER':
        if (this.referHandler && transaction.kind === 'non-invite') this.referHandler(request, transaction);
        else transaction.respond(createResponse(request, 603, { reason: 'Decline (no transfer here)' }));
        return;
      case 'INFO':
        transaction.respond(createResponse(request, 200));
        return;
      case 'NOTIFY':
        transaction.respond(createResponse(request, 481, { reason: 'Subscription Does Not Exist' }));
        return;
      case 'OPTIONS':
        transaction.respond(createResponse(request, 200, { headers: [['allow', CALL_ALLOW]] }));
        return;
      default:
        transaction.respond(createResponse(request, 405, { headers: [['allow', CALL_ALLOW]] }));
    }
  }

  /**
   * Sends a request inside this call's dialog (a NOTIFY for a REFER); resolves with the final
   * status, or undefined if the call is not up or the far end never answered.
   */
  request(method: string, headers: [string, string][], body = ''): Promise<number | undefined> {
    const dialog = this.dialog;
    if (!dialog || !this.stream) return Promise.resolve(undefined);
    const request = dialog.createRequest(method, body);
    request.headers.append('contact', this.contact());
    for (const [name, value] of headers) request.headers.append(name, value);
    const hop = dialog.nextHop(this.deps.local.transport) ?? this.deps.proxy;
    return new Promise((resolve) => {
      try {
        this.deps.layer.sendRequest(request, hop, {
          onFinal: (response) => resolve(response.status),
          onTimeout: () => resolve(undefined),
          onTransportError: () => resolve(undefined),
        });
      } catch (error) {
        this.deps.logger.warn('could not send an in-dialog request', {
          callId: this.callId,
          method,
          error: String(error),
        });
        resolve(undefined);
      }
    });
  }

  /**
   * The answer to a re-INVITE from the far end in this call's dialog: an agent's phone putting
   * the caller on hold (a=sendonly) and back (a=sendrecv), RFC 3264 §8.4, or moving its media.
   * Answered from the same RTP port with the stream re-pointed; a 488 or 500 leaves the call as
   * it was (RFC 3261 §14.2). A lost 200 is resent when the proxy resends the INVITE.
   */
  reinvite(request: SipRequest): SipResponse {
    const stream = this.stream;
    if (!this.dialog || !stream) return createResponse(request, 481);
    if (!this.dialog.acceptRemoteRequest(request)) {
      return cseqOutOfOrder(request);
    }
    try {
      const { answerSdp, negotiated } = answerOffer(request.body, {
        address: this.deps.local.address,
        port: stream.port,
        sessionId: this.sdpSession,
        sessionVersion: ++this.sdpVersion,
      });
      stream.configure({
        remoteAddress: negotiated.remoteAddress,
        remotePort: negotiated.remotePort,
        codec: negotiated.codec,
        payloadType: negotiated.payloadType,
        telephoneEventPayloadType: negotiated.telephoneEventPayloadType,
      });
      if (negotiated.onHold !== this.held) {
        this.held = negotiated.onHold;
        this.onHoldChange?.(this.held);
      }
      return sdpOk(request, answerSdp, this.contact());
    } catch (error) {
      if (!(error instanceof SdpNegotiationError)) throw error;
      return createResponse(request, 488);
    }
  }

  private contact(): string {
    const { local } = this.deps;
    const host = local.address.includes(':') ? `[${local.address}]` : local.address;
    return `<sip:switchboard@${host}:${local.port}${local.transport === 'udp' ? '' : `;transport=${local.transport}`}>`;
  }

  private buildInvite(port: number): SipRequest {
    const { local } = this.deps;
    const host = local.address.includes(':') ? `[${local.address}]` : local.address;
    const display = this.deps.displayName.replace(/["\\\r\n]/g, '');
    const sdp = createOffer({
      address: local.address,
      port,
      sessionId: this.sdpSession,
      sessionVersion: this.sdpVersion,
    });
    const headers = SipHeaders.from([
      ['via', `SIP/2.0/${local.transport.toUpperCase()} ${host}:${local.port};branch=${newBranch()};rport`],
      ['max-forwards', '70'],
      ['from', `"${display}" <${this.deps.fromUri}>;tag=${this.fromTag}`],
      ['to', `<${this.target}>`],
      ['call-id', this.callId],
      ['cseq', `${this.cseq} INVITE`],
      ['contact', this.contact()],
      ['allow', CALL_ALLOW],
      ['content-type', 'application/sdp'],
      ...this.extraHeaders,
    ]);
    return { kind: 'request', method: 'INVITE', uri: this.target, headers, body: sdp };
  }

  private send(invite: SipRequest, authenticated: boolean): void {
    this.invite = invite;
    this.deps.digest.applyTo(invite);
    this.transaction = this.deps.layer.sendRequest(invite, this.deps.proxy, {
      onProvisional: (response) => {
        if (response.status === 100) return;
        const wasRinging = this.ringing;
        this.ringing = true;
        if (this.cancelRequested && !wasRinging) this.sendCancel();
      },
      onFinal: (response) => this.final(response, authenticated),
      onTimeout: () => this.finish({ kind: 'no-answer', status: 408 }),
      onTransportError: (error) => this.finish({ kind: 'failed', message: error.message }),
    });
  }

  private final(response: SipResponse, authenticated: boolean): void {
    const invite = this.transaction?.request ?? this.invite;
    if (!invite) return;
    if (response.status >= 200 && response.status < 300) {
      this.answered(invite, response);
      return;
    }
    if ((response.status === 401 || response.status === 407) && !authenticated && !this.cancelRequested) {
      if (this.deps.digest.handleChallenge(response).ok) {
        this.cseq++;
        const retry: SipRequest = { ...invite, headers: invite.headers.clone() };
        retry.headers.set('cseq', `${this.cseq} INVITE`);
        this.send(retry, true);
        return;
      }
    }
    if (response.status === 487 && this.cancelRequested) this.finish({ kind: 'cancelled' });
    else this.finish(refusalOutcome(response.status, response.reason));
  }

  private answered(invite: SipRequest, response: SipResponse): void {
    // Every 2xx is ACKed, retransmissions included (§13.2.2.4): the far end resends until then.
    const dialog = this.dialog ?? uacDialog(invite, response, this.deps.local);
    const first = this.dialog === undefined;
    this.dialog = dialog;
    const cseq = Number.parseInt(invite.headers.get('cseq') ?? '1', 10);
    const ack = dialog.createRequest('ACK', '', undefined, cseq);
    const hop = dialog.nextHop(this.deps.local.transport) ?? this.deps.proxy;
    this.deps.layer.sendStateless(ack, hop);
    if (!first) return;
    try {
      const negotiated = readAnswer(response.body);
      this.stream?.configure({
        remoteAddress: negotiated.remoteAddress,
        remotePort: negotiated.remotePort,
        codec: negotiated.codec,
        payloadType: negotiated.payloadType,
        telephoneEventPayloadType: negotiated.telephoneEventPayloadType,
      });
    } catch (error) {
      if (!(error instanceof SdpNegotiationError)) throw error;
      this.deps.logger.warn('the answer to our offer is unusable', {
        callId: this.callId,
        reason: error.message,
      });
      this.settle({ kind: 'failed', message: error.message });
      void this.bye();
      return;
    }
    // Answered after we asked to stop: it cannot be cancelled any more (§9.1), so end it.
    if (this.cancelRequested) {
      this.settle({ kind: 'cancelled' });
      void this.bye();
      return;
    }
    this.settle({ kind: 'answered' });
  }

  private sendCancel(): void {
    const invite = this.transaction?.request;
    if (!invite) return;
    // §9.1: same Request-URI, Call-ID, From, To, CSeq number and top Via as the INVITE.
    const headers = SipHeaders.from([
      ['via', invite.headers.get('via') ?? ''],
      ['max-forwards', '70'],
      ['from', invite.headers.get('from') ?? ''],
      ['to', invite.headers.get('to') ?? ''],
      ['call-id', this.callId],
      ['cseq', `${this.cseq} CANCEL`],
    ]);
    for (const route of invite.headers.getAll('route')) headers.append('route', route);
    const ignore = {
      onFinal: () => undefined,
      onTimeout: () => undefined,
      onTransportError: () => undefined,
    };
    try {
      this.deps.layer.sendRequest(
        { kind: 'request', method: 'CANCEL', uri: invite.uri, headers, body: '' },
        this.deps.proxy,
        ignore,
      );
    } catch (error) {
      // Never out of a timer or a response callback: log it, the INVITE's own timeout ends the attempt.
      this.deps.logger.warn('could not send CANCEL', { callId: this.callId, error: String(error) });
    }
  }

  private bye(): Promise<void> {
    // Both the caller's end and a transfer may hang up a leg: one BYE (RFC 3261 §15.1.1).
    this.byeSent ??= this.sendBye();
    return this.byeSent;
  }

  private async sendBye(): Promise<void> {
    const dialog = this.dialog;
    if (!dialog) return;
    const bye = dialog.createRequest('BYE');
    const hop = dialog.nextHop(this.deps.local.transport) ?? this.deps.proxy;
    await new Promise<void>((resolve) =>
      this.deps.layer.sendRequest(bye, hop, {
        onFinal: () => resolve(),
        onTimeout: () => resolve(),
        onTransportError: () => resolve(),
      }),
    );
    await this.close();
  }

  private finish(outcome: OutgoingOutcome): void {
    this.settle(outcome);
    void this.close();
  }

  private async close(): Promise<void> {
    const stream = this.stream;
    this.stream = undefined;
    if (stream) this.mediaStats = await stream.close();
    this.finishCall();
  }
}
