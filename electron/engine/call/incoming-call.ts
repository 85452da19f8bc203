import { randomUUID } from 'node:crypto';
import type { LineHandoff } from '../../../shared/domain/line.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { RecordingError, type MediaHost, type MediaStreamHandle } from '../media/media-host.js';
import type { DigitSource, RecordingResult, RecordOptions } from '../media/media-worker-protocol.js';
import { uasDialog, type Dialog } from '../sip/dialog.js';
import { InviteOkRetransmitter } from '../sip/invite-ok-retransmitter.js';
import { parseNameAddr } from '../sip/name-addr.js';
import { createResponse, newTag } from '../sip/response-builder.js';
import {
  answerOffer,
  createOffer,
  readAnswer,
  SdpNegotiationError,
  type NegotiatedAudio,
} from '../sip/sdp-offer-answer.js';
import type { SipEndpoint, SipRequest, SipResponse } from '../sip/sip-message.js';
import { parseSipUri } from '../sip/sip-uri.js';
import type { InviteServerTransaction, NonInviteServerTransaction } from '../sip/server-transaction.js';
import type { TransactionLayer } from '../sip/transaction-layer.js';
import type {
  AgentTransferEvent,
  BridgeOptions,
  BridgeOutcome,
  Call,
  CallEnd,
  CallState,
  LegResult,
  PlayOptions,
  PutThroughOutcome,
  TransferOutcome,
} from './call.js';
import { refusalOutcome, type OutgoingCall, type OutgoingOutcome } from './outgoing-call.js';
import { DigitBuffer, type CollectDigitsOptions, type CollectedDigits } from './digit-buffer.js';
import { CALL_ALLOW, cseqOutOfOrder, sdpOk } from './call-responses.js';
import { MusicOnHold } from './music-on-hold.js';
import { referNotify } from './refer-notify.js';
import { formatReplaces, parseReferTo, type ReferTarget } from './refer-to.js';
import { ringbackTone } from './ringback-tone.js';
import { AgentTransfer, type TransferCaller, type Transferor } from './transfer-by-agent.js';

export interface IncomingCallDeps {
  lineId: string;
  /** The line's SIP user: the user part of the contact it registered. */
  accountUser: string;
  layer: TransactionLayer;
  media: MediaHost;
  /** Our SIP address for Contact and the media address for SDP. */
  local: SipEndpoint;
  clock: Clock;
  logger: Logger;
  /** Places a call through the line (for bridging); the line agent routes its dialog. */
  dial(target: string, headers: [string, string][]): OutgoingCall;
  /** The line's current way of putting callers through (bridge or REFER). */
  handoff(): LineHandoff;
  /** The line's registrar (host[:port]): the only place agents may transfer callers to. */
  registrar: string;
}

/** A transfer's ring time plus what the caller's side needs to accept the REFER and dial. */
const TRANSFER_SETUP_MS = 5_000;
/** How long the target of an agent's transfer rings before the caller goes back to the agent. */
const AGENT_TRANSFER_RING_MS = 30_000;
/** How long the phone of an agent who transferred and hung up rings again when the transfer fails. */
const RECALL_RING_MS = 20_000;
/** A leg ending this soon after its failed transfer gave the caller back was hung up meanwhile. */
const RECALL_GRACE_MS = 3_000;

/**
 * A call the office line received, as the UAS of RFC 3261 §13.3: rings (180) until answered,
 * answers with SDP (RFC 3264) and resends the 200 until ACK (§13.3.1.4), then serves the dialog:
 * BYE from either side, re-INVITE (hold, a moved media address), INFO digits, OPTIONS.
 */
export class IncomingCall implements Call {
  readonly id = randomUUID();
  readonly caller: string;
  readonly dialled: string;
  readonly ended: Promise<CallEnd>;
  private current: CallState = 'ringing';
  private readonly dialog: Dialog;
  private readonly toTag = newTag();
  private stream: MediaStreamHandle | undefined;
  private okRetransmitter: InviteOkRetransmitter | undefined;
  /**
   * Settles on the caller's ACK to our 200 (or when we stop waiting for it). Until then our
   * REFER or BYE could overtake the 200 through a proxy and reach a caller with no dialog yet.
   */
  private readonly confirmed: Promise<void>;
  private confirm!: () => void;
  private sdpVersion = 1;
  private readonly sdpSession = Math.floor(Math.random() * 1e9);
  private readonly digitListeners = new Set<(digit: string, via: DigitSource) => void>();
  private bargeIn: (() => void) | undefined;
  private readonly keypad: DigitBuffer;
  private finish!: (end: CallEnd) => void;
  /** We offered in our 200 (the INVITE had no SDP): the ACK carries the answer. */
  private awaitingAnswerInAck = false;
  /** Settles the pending REFER from the NOTIFYs that report on it. */
  private transferring: ((outcome: TransferOutcome) => void) | undefined;
  /** The leg the caller is bridged to (an agent), whose REFER transfers the caller. */
  private partner: OutgoingCall | undefined;
  /** What the caller hears while the agent's phone holds the call. */
  private holdMusic: MusicOnHold | undefined;
  /** The team's hold audio for that, as given to bridgeTo. */
  private holdAudio: (() => Promise<Int16Array>) | undefined;
  /** The last transfer that failed and gave the caller back to its agent: to which leg, when. */
  private recalledTo: { leg: OutgoingCall; at: number } | undefined;
  /** The transferring agent's phone is being rung again. */
  private recalling = false;
  /** Headers every leg to an agent carries (the screen pop's call id), transfer legs too. */
  private legHeaders: [string, string][] = [];
  /** An agent's transfer under way (one at a time: another REFER meanwhile gets 491). */
  private agentTransfer: AgentTransfer | undefined;
  /** REFERs accepted so far in each agent's dialog, for the NOTIFY's `id` (RFC 3515 §2.4.6). */
  private readonly refersAccepted = new WeakMap<OutgoingCall, number>();
  private readonly transferListeners = new Set<(transfer: AgentTransferEvent) => void>();

  constructor(
    private readonly invite: SipRequest,
    private readonly transaction: InviteServerTransaction,
    private readonly from: SipEndpoint,
    private readonly deps: IncomingCallDeps,
  ) {
    this.ended = new Promise((resolve) => (this.finish = resolve));
    this.confirmed = new Promise((resolve) => (this.confirm = resolve));
    this.keypad = new DigitBuffer(deps.clock);
    this.dialog = uasDialog(invite, this.toTag, deps.local);
    this.caller = userOf(invite.headers.get('from')) ?? 'anonymous';
    // A PBX or trunk either puts the dialled number in the Request-URI, or sends to our registered
    // contact (our own user name there) and keeps the number in To, as most SIP trunks deliver DIDs.
    const requestUser = userOf(invite.uri);
    const toUser = userOf(invite.headers.get('to'));
    this.dialled = (requestUser === deps.accountUser ? toUser : requestUser) ?? toUser ?? requestUser ?? '';
    transaction.respond(this.response(180));
    // The caller hanging up ends whoever they talk to now, and a transfer still ringing.
    void this.ended.then(() => {
      this.agentTransfer?.cancel();
      void this.partner?.hangup();
    });
  }

  get lineId(): string {
    return this.deps.lineId;
  }

  get state(): CallState {
    return this.current;
  }

  get callId(): string {
    return this.dialog.callId;
  }

  async answer(): Promise<void> {
    if (this.current !== 'ringing') return;
    this.current = 'answering';
    try {
      this.stream = await this.deps.media.open(this.deps.local.address, {
        digit: (digit, via) => this.digit(digit, via),
        digitStarted: () => this.bargeIn?.(),
      });
    } catch (error) {
      this.reject(503, `no media port: ${String(error)}`);
      return;
    }
    if (this.current !== 'answering') return;
    const ok = this.negotiate(this.invite);
    if (typeof ok === 'string') {
      this.reject(488, ok);
      return;
    }
    this.transaction.respond(ok);
    this.retransmitUntilAck(ok);
    this.current = 'answered';
  }

  async play(pcm: Int16Array, options: PlayOptions = {}): Promise<{ interrupted: boolean }> {
    const stream = this.stream;
    if (!stream || this.current === 'ended' || options.signal?.aborted) return { interrupted: true };
    if (options.bargeIn) this.bargeIn = () => stream.stopPlay();
    const abort = () => stream.stopPlay();
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
      return await Promise.race([stream.play(pcm), this.ended.then(() => ({ interrupted: true }))]);
    } finally {
      this.bargeIn = undefined;
      options.signal?.removeEventListener('abort', abort);
    }
  }

  async record(options: RecordOptions): Promise<RecordingResult> {
    const stream = this.stream;
    if (!stream || this.current !== 'answered') {
      throw new RecordingError(
        options.path,
        this.current === 'ended' ? 'the call has ended' : 'the call is not answered yet',
      );
    }
    // No race with `ended` as play() has: hanging up ends the recording in the worker, which
    // still completes the file and reports it ('hangup') before the stream closes.
    const result = await stream.record(options);
    // Keys pressed while recording (the finishing '#') belong to the message, not the next menu.
    this.keypad.clear();
    return result;
  }

  collectDigits(options: CollectDigitsOptions): Promise<CollectedDigits> {
    return this.keypad.collect(options);
  }

  discardTypeahead(): void {
    this.keypad.clear();
  }

  onDigit(listener: (digit: string, via: DigitSource) => void): () => void {
    this.digitListeners.add(listener);
    return () => this.digitListeners.delete(listener);
  }

  async bridgeTo(target: string | readonly string[], options: BridgeOptions = {}): Promise<BridgeOutcome> {
    const stream = this.stream;
    if (!stream || this.current !== 'answered') return { kind: 'failed', reason: 'the call is not answered' };
    const targets = typeof target === 'string' ? [target] : target;
    if (targets.length === 0) return { kind: 'failed', reason: 'nobody to call' };
    // A parallel fork (RFC 3261 §16.7 done by us, the UAC): every leg rings, the first to answer wins.
    const legs = targets.map((uri) => this.deps.dial(uri, options.headers ?? []));
    const stopRinging = (except?: OutgoingCall) => {
      for (const leg of legs) if (leg !== except) void leg.hangup();
    };
    // The caller hanging up first cancels the ringing legs (CANCEL, RFC 3261 §9.1).
    void this.ended.then(() => stopRinging());
    let rangOut = false;
    const ringTimer = this.deps.clock.setTimeout(() => {
      rangOut = true;
      stopRinging();
    }, options.ringTimeoutMs ?? 30_000);
    const refusals: OutgoingOutcome[] = [];
    const results: Record<string, LegResult> = {};
    const winner = await new Promise<number | undefined>((resolve) => {
      legs.forEach((leg, index) => {
        void leg.start().then((outcome) => {
          if (outcome.kind === 'answered') resolve(index);
          else {
            refusals.push(outcome);
            results[targets[index]!] = legResult(outcome, rangOut);
          }
          if (refusals.length === legs.length) resolve(undefined);
        });
      });
    });
    this.deps.clock.clearTimeout(ringTimer);
    if (winner === undefined) return { ...bridgeRefusal(refusals), legs: results };
    const leg = legs[winner]!;
    // Any other leg still ringing is cancelled; one that answered a moment later gets a BYE.
    stopRinging(leg);
    const legMedia = leg.media;
    // The caller may have hung up while the leg was ringing (`current` changed during the await).
    if ((this.current as CallState) === 'ended' || !legMedia) {
      await leg.hangup();
      return { kind: 'failed', reason: 'the caller hung up' };
    }
    stream.stopPlay();
    this.deps.media.bridge(stream, legMedia);
    this.legHeaders = options.headers ?? [];
    this.holdAudio = options.holdAudio;
    this.attachPartner(leg);
    const legResults = Object.fromEntries(
      targets.map((uri, index): [string, LegResult] => [uri, index === winner ? 'answered' : 'cancelled']),
    );
    return { kind: 'bridged', target: targets[winner]!, legs: legResults };
  }

  onTransferred(listener: (transfer: AgentTransferEvent) => void): () => void {
    this.transferListeners.add(listener);
    return () => this.transferListeners.delete(listener);
  }

  /**
   * The caller now talks to `leg`: either side hanging up ends both (unless the leg's agent is
   * transferring the caller), and a REFER on it transfers the caller.
   */
  private attachPartner(leg: OutgoingCall): void {
    this.partner = leg;
    leg.referHandler = (request, transaction) => this.agentRefer(leg, request, transaction);
    // While a transfer decides, the caller hears ringback; the hold state counts again after.
    leg.onHoldChange = () => {
      if (this.partner === leg && !this.transferPending()) this.hearPartner(leg);
    };
    void leg.ended.then(() => {
      if (this.partner !== leg || this.transferPending() || this.recalling) return;
      // A phone that sent REFER, then BYE, may hang up just after its transfer failed and the
      // caller came back to it: the BYE was on its way. That is a recall too, not a hang-up.
      const justRecalled =
        this.recalledTo?.leg === leg && this.deps.clock.now() - this.recalledTo.at < RECALL_GRACE_MS;
      void (justRecalled ? this.ringTransferorAgain(leg) : this.hangup());
    });
  }

  /** The caller hears the agent, or hold audio while the agent's phone holds the call. */
  private hearPartner(leg: OutgoingCall): void {
    const stream = this.stream;
    const media = leg.media;
    if (!stream || !media || this.current !== 'answered') return;
    this.holdMusic ??= new MusicOnHold({
      media: this.deps.media,
      listener: stream,
      ...(this.holdAudio ? { audio: this.holdAudio } : {}),
    });
    this.holdMusic.follow(leg.isHeld, media);
  }

  /** An agent's transfer is under way and the caller's fate is not decided yet. */
  private transferPending(): boolean {
    return this.agentTransfer !== undefined && !this.agentTransfer.settled;
  }

  /**
   * A REFER from the agent's phone on its leg (RFC 3515 §2.4.2): checked (a bad one is refused
   * and changes nothing), accepted with 202, then carried out by {@link AgentTransfer}.
   */
  private agentRefer(leg: OutgoingCall, request: SipRequest, transaction: NonInviteServerTransaction): void {
    const stream = this.stream;
    const refuse = (status: number, reason?: string) =>
      transaction.respond(createResponse(request, status, reason === undefined ? {} : { reason }));
    if (leg !== this.partner || this.current !== 'answered' || !stream) {
      refuse(603, 'Decline (this leg no longer carries the caller)');
      return;
    }
    // RFC 3515 §2.4.2 lets us refuse a REFER while another is being worked on.
    if (this.transferPending()) {
      refuse(491, 'Request Pending (a transfer is under way)');
      return;
    }
    const parsed = parseReferTo(request.headers.getAll('refer-to'), this.deps.registrar);
    if (!parsed.ok) {
      this.deps.logger.warn('refused an agent’s REFER', {
        callId: this.callId,
        reason: parsed.refusal.reason,
      });
      refuse(parsed.refusal.status, parsed.refusal.reason);
      return;
    }
    const target = parsed.value;
    if (
      target.replaces &&
      (target.replaces.callId === this.callId || target.replaces.callId === leg.callId)
    ) {
      refuse(400, 'Bad Request (Replaces names this call)');
      return;
    }
    // RFC 4488 §4: `Refer-Sub: false` asks for no NOTIFYs; we honour it and say so in the 202.
    const wantsNotify = request.headers.get('refer-sub')?.trim().toLowerCase() !== 'false';
    // §2.4.6: the first REFER's subscription needs no id; later ones are named by their CSeq.
    const accepted = this.refersAccepted.get(leg) ?? 0;
    this.refersAccepted.set(leg, accepted + 1);
    const referId = accepted === 0 ? undefined : Number.parseInt(request.headers.get('cseq') ?? '', 10);
    transaction.respond(
      createResponse(request, 202, {
        headers: [
          ['contact', this.contact()],
          ...(wantsNotify ? [] : [['refer-sub', 'false'] as [string, string]]),
        ],
      }),
    );
    this.deps.logger.info('an agent transfers the caller', {
      callId: this.callId,
      target: target.uri,
      attended: target.replaces !== undefined,
    });
    const transferor: Transferor = {
      notify: async (status, reason) => {
        if (!wantsNotify) return;
        const notify = referNotify(status, {
          ...(reason === undefined ? {} : { reason }),
          ...(referId === undefined || Number.isNaN(referId) ? {} : { referId }),
        });
        const answer = await leg.request('NOTIFY', notify.headers, notify.body);
        if (answer !== undefined && answer >= 300)
          this.deps.logger.info('the transferring phone refused our NOTIFY', {
            callId: this.callId,
            status: answer,
          });
      },
      get isUp() {
        return leg.isUp;
      },
      hangup: () => leg.hangup(),
    };
    let placed: OutgoingCall | undefined;
    let ringback: AbortController | undefined;
    const stopRingback = () => {
      ringback?.abort();
      ringback = undefined;
    };
    const isAnswered = () => this.current === 'answered';
    const caller: TransferCaller = {
      get isUp() {
        return isAnswered();
      },
      waitForTarget: () => {
        this.holdMusic?.stop();
        this.deps.media.unbridge(stream);
        ringback = new AbortController();
        void this.ringbackUntil(ringback.signal);
      },
      connect: () => {
        stopRingback();
        const media = placed?.media;
        if (!placed || !media || this.current !== 'answered') return false;
        this.deps.media.bridge(stream, media);
        this.attachPartner(placed);
        const event: AgentTransferEvent = {
          user: target.user,
          uri: target.uri,
          attended: target.replaces !== undefined,
        };
        for (const listener of this.transferListeners) listener(event);
        return true;
      },
      backToTransferor: () => {
        stopRingback();
        this.recalledTo = { leg, at: this.deps.clock.now() };
        this.hearPartner(leg);
      },
    };
    const transfer = new AgentTransfer({
      clock: this.deps.clock,
      logger: this.deps.logger,
      transferor,
      caller,
      ringTimeoutMs: AGENT_TRANSFER_RING_MS,
      dial: (to) => (placed = this.deps.dial(to.uri, this.transferHeaders(leg, to))),
    });
    this.agentTransfer = transfer;
    const done = () => {
      if (this.agentTransfer === transfer) this.agentTransfer = undefined;
      stopRingback();
    };
    void transfer
      .run(target)
      .then((result) => {
        done();
        // The agent hung up after the REFER and the target did not answer.
        if (result.kind === 'failed' || (result.kind === 'recalled' && !leg.isUp))
          void this.ringTransferorAgain(leg);
      })
      .catch((error: unknown) => {
        done();
        this.deps.logger.error('an agent’s transfer failed', { callId: this.callId, error: String(error) });
        void this.hangup();
      });
  }

  /**
   * Transfer recall to an agent who hung up after transferring (a desk phone's blind transfer is
   * "REFER, then BYE"): the caller hears ringback while the agent's phone rings again with the
   * same call id, so the same screen pop. Unanswered, the call ends: nobody is left to take it.
   */
  private async ringTransferorAgain(leg: OutgoingCall): Promise<void> {
    if (this.current !== 'answered' || this.recalling) return;
    this.recalling = true;
    const ringback = new AbortController();
    void this.ringbackUntil(ringback.signal);
    try {
      const outcome = await this.bridgeTo(leg.target, {
        ringTimeoutMs: RECALL_RING_MS,
        headers: this.legHeaders,
        ...(this.holdAudio ? { holdAudio: this.holdAudio } : {}),
      });
      if (outcome.kind !== 'bridged') await this.hangup();
    } catch (error) {
      // E.g. the line was reconfigured meanwhile and cannot dial: the caller must not hear ringback for ever.
      this.deps.logger.error('could not ring the transferring agent again', {
        callId: this.callId,
        error: String(error),
      });
      await this.hangup();
    } finally {
      ringback.abort();
      this.recalling = false;
    }
  }

  /** The INVITE's extra headers for a transfer leg (RFC 3892 Referred-By, RFC 3891 Replaces). */
  private transferHeaders(leg: OutgoingCall, target: ReferTarget): [string, string][] {
    const headers: [string, string][] = [...this.legHeaders, ['referred-by', `<${leg.target}>`]];
    if (target.replaces) {
      // RFC 3891 §3: without support the target would ring as a new call beside the
      // consultation; Require makes it refuse (420) instead, and the caller goes back.
      headers.push(['replaces', formatReplaces(target.replaces)], ['require', 'replaces']);
    }
    return headers;
  }

  /** Ringback (RFC 3960's "local ringback" done by us) until the signal aborts or the call ends. */
  private async ringbackUntil(signal: AbortSignal): Promise<void> {
    const tone = ringbackTone();
    while (!signal.aborted && this.current === 'answered') {
      const { interrupted } = await this.play(tone, { signal });
      if (interrupted) return;
    }
  }

  async transfer(target: string, options: { timeoutMs?: number } = {}): Promise<TransferOutcome> {
    if (this.current !== 'answered') return { kind: 'failed', reason: 'the call is not answered' };
    if (this.transferring) return { kind: 'failed', reason: 'a transfer is already under way' };
    // A REFER sent before the caller's ACK can overtake our 200 through a proxy that handles
    // messages in parallel workers (Kamailio does): the caller would refuse it as outside any dialog.
    await Promise.race([this.confirmed, this.ended]);
    if ((this.current as CallState) === 'ended') return { kind: 'failed', reason: 'the caller hung up' };
    const refer = this.dialog.createRequest('REFER');
    refer.headers.append('refer-to', `<${target}>`);
    refer.headers.append('referred-by', `<sip:${this.dialled || 'switchboard'}@${this.deps.local.address}>`);
    refer.headers.append('contact', this.contact());
    const hop = this.dialog.nextHop(this.from.transport) ?? this.from;
    const outcome = new Promise<TransferOutcome>((resolve) => (this.transferring = resolve));
    const timer = this.deps.clock.setTimeout(
      () => this.transferring?.({ kind: 'failed', reason: 'no report from the transfer target in time' }),
      options.timeoutMs ?? 30_000,
    );
    this.deps.layer.sendRequest(refer, hop, {
      onFinal: (response) => {
        if (response.status >= 300)
          this.transferring?.({
            kind: 'failed',
            reason: `REFER refused: ${response.status} ${response.reason}`,
          });
      },
      onTimeout: () => this.transferring?.({ kind: 'failed', reason: 'REFER got no answer' }),
      onTransportError: (error) => this.transferring?.({ kind: 'failed', reason: error.message }),
    });
    const result = await Promise.race([
      outcome,
      this.ended.then((): TransferOutcome => ({ kind: 'transferred' })),
    ]);
    this.deps.clock.clearTimeout(timer);
    this.transferring = undefined;
    // Transferred: the caller talks to the target now; our leg is done (RFC 5589 §6.1).
    if (result.kind === 'transferred') await this.hangup();
    return result;
  }

  async putThrough(
    target: string,
    options: { ringTimeoutMs?: number; headers?: [string, string][] } = {},
  ): Promise<PutThroughOutcome> {
    if (this.deps.handoff() === 'bridge') return this.bridgeTo(target, options);
    const outcome = await this.transfer(withUriHeaders(target, options.headers ?? []), {
      timeoutMs: (options.ringTimeoutMs ?? 30_000) + TRANSFER_SETUP_MS,
    });
    if (outcome.kind === 'transferred' || outcome.status === undefined) return outcome;
    const refusal = refusalOutcome(outcome.status, outcome.reason);
    return refusal.kind === 'declined' ? { kind: 'failed', reason: outcome.reason } : { kind: refusal.kind };
  }

  async hangup(): Promise<void> {
    if (this.current === 'ended') return;
    if (this.current !== 'answered') {
      this.reject(603, 'engine declined');
      return;
    }
    // §15: no BYE before the ACK for our 2xx (or the wait for it timing out).
    await Promise.race([this.confirmed, this.ended]);
    if ((this.current as CallState) === 'ended') return;
    const bye = this.dialog.createRequest('BYE');
    const hop = this.dialog.nextHop(this.from.transport);
    if (hop) {
      await new Promise<void>((resolve) => {
        this.deps.layer.sendRequest(bye, hop, {
          onFinal: () => resolve(),
          onTimeout: () => resolve(),
          onTransportError: () => resolve(),
        });
      });
    }
    await this.end({ reason: 'engine-hung-up' });
  }

  /** The ACK to our 2xx (no transaction, §17.1.1.3); after a late offer it carries the answer. */
  acknowledged(ack: SipRequest): void {
    this.okRetransmitter?.acknowledge();
    this.confirm();
    if (!this.awaitingAnswerInAck) return;
    this.awaitingAnswerInAck = false;
    try {
      this.configureMedia(readAnswer(ack.body));
    } catch (error) {
      if (!(error instanceof SdpNegotiationError)) throw error;
      // §13.3.1.4 leaves no way to refuse an ACK: the call cannot carry audio, so end it.
      this.deps.logger.warn('the ACK carried no usable answer', {
        callId: this.callId,
        reason: error.message,
      });
      void this.hangup();
    }
  }

  /** CANCEL before our final response (§9.2): the INVITE is answered 487 by the line agent. */
  cancelled(): void {
    if (this.current === 'ringing' || this.current === 'answering') void this.end({ reason: 'cancelled' });
  }

  /** A request inside the dialog. */
  handleRequest(
    request: SipRequest,
    transaction: InviteServerTransaction | NonInviteServerTransaction,
  ): void {
    if (!this.dialog.acceptRemoteRequest(request)) {
      transaction.respond(cseqOutOfOrder(request));
      return;
    }
    switch (request.method) {
      case 'BYE':
        transaction.respond(createResponse(request, 200));
        void this.end({ reason: 'caller-hung-up' });
        return;
      case 'INVITE': {
        const ok = this.negotiate(request);
        if (typeof ok === 'string') {
          // The call stays as it was (RFC 3261 §14.2).
          transaction.respond(createResponse(request, 488, { toTag: this.toTag }));
          return;
        }
        transaction.respond(ok);
        this.retransmitUntilAck(ok);
        return;
      }
      case 'INFO':
        transaction.respond(this.info(request));
        return;
      case 'OPTIONS':
        transaction.respond(createResponse(request, 200, { headers: [['allow', CALL_ALLOW]] }));
        return;
      case 'NOTIFY':
        transaction.respond(createResponse(request, 200));
        this.transferProgress(request);
        return;
      default:
        transaction.respond(createResponse(request, 405, { headers: [['allow', CALL_ALLOW]] }));
    }
  }

  /**
   * Answers an offer (initial or re-INVITE) and points the RTP stream at the result; returns
   * the 200 to send, or why no codec could be agreed (the caller then answers 488).
   */
  private negotiate(request: SipRequest): SipResponse | string {
    const stream = this.stream;
    if (!stream) return 'no media stream';
    const local = {
      address: this.deps.local.address,
      port: stream.port,
      sessionId: this.sdpSession,
      sessionVersion: this.sdpVersion++,
    };
    try {
      let answerSdp: string;
      if (request.body.trim() === '') {
        // Late offer (RFC 3264 §4, RFC 3261 §13.2.1): we offer in the 200, the answer comes in the ACK.
        answerSdp = createOffer(local);
        this.awaitingAnswerInAck = true;
      } else {
        const answered = answerOffer(request.body, local);
        answerSdp = answered.answerSdp;
        this.configureMedia(answered.negotiated);
      }
      return sdpOk(request, answerSdp, this.contact(), this.toTag);
    } catch (error) {
      if (!(error instanceof SdpNegotiationError)) throw error;
      this.deps.logger.warn('no common codec with the caller', {
        callId: this.callId,
        reason: error.message,
      });
      return error.message;
    }
  }

  private configureMedia(negotiated: NegotiatedAudio): void {
    this.stream?.configure({
      remoteAddress: negotiated.remoteAddress,
      remotePort: negotiated.remotePort,
      codec: negotiated.codec,
      payloadType: negotiated.payloadType,
      telephoneEventPayloadType: negotiated.telephoneEventPayloadType,
    });
  }

  private retransmitUntilAck(ok: SipResponse): void {
    this.okRetransmitter?.stop();
    this.okRetransmitter = new InviteOkRetransmitter({
      clock: this.deps.clock,
      timers: { t1: 500, t2: 4000 },
      resend: () => this.deps.layer.sendStateless(ok, this.from),
      onGiveUp: () => {
        // §13.3.1.4: no ACK in 64*T1: the call is dead; BYE it so the far end knows.
        this.confirm();
        void this.hangup().then(() => this.end({ reason: 'no-ack' }));
      },
    });
  }

  private info(request: SipRequest) {
    const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    let digit: string | undefined;
    if (type === 'application/dtmf-relay') digit = /Signal\s*=\s*([0-9*#A-Da-d])/i.exec(request.body)?.[1];
    else if (type === 'application/dtmf') digit = /^\s*([0-9*#A-Da-d])/.exec(request.body)?.[1];
    else
      return createResponse(request, 415, {
        headers: [['accept', 'application/dtmf-relay, application/dtmf']],
      });
    if (digit) this.digit(digit.toUpperCase(), 'info');
    return createResponse(request, 200);
  }

  /** NOTIFY for our REFER (RFC 3515 §2.4.5): the sipfrag's status line says how the call went. */
  private transferProgress(notify: SipRequest): void {
    if (!/^refer\b/i.test(notify.headers.get('event') ?? '')) return;
    const status = Number(/^SIP\/2\.0\s+(\d{3})/.exec(notify.body.trim())?.[1]);
    if (!Number.isInteger(status) || status < 200) return;
    if (status < 300) this.transferring?.({ kind: 'transferred' });
    else this.transferring?.({ kind: 'failed', reason: `the target answered ${status}`, status });
  }

  private digit(digit: string, via: DigitSource): void {
    this.bargeIn?.();
    this.keypad.push(digit);
    for (const listener of this.digitListeners) listener(digit, via);
  }

  private reject(status: number, why: string): void {
    if (this.current === 'ended') return;
    this.transaction.respond(this.response(status));
    void this.end(status === 603 ? { reason: 'rejected', status } : { reason: 'failed', message: why });
  }

  private response(status: number): SipResponse {
    return createResponse(this.invite, status, { toTag: this.toTag, headers: [['contact', this.contact()]] });
  }

  private contact(): string {
    const host = this.deps.local.address.includes(':')
      ? `[${this.deps.local.address}]`
      : this.deps.local.address;
    const transport = this.deps.local.transport === 'udp' ? '' : `;transport=${this.deps.local.transport}`;
    return `<sip:${this.dialled || 'switchboard'}@${host}:${this.deps.local.port}${transport}>`;
  }

  private async end(end: CallEnd): Promise<void> {
    if (this.current === 'ended') return;
    this.current = 'ended';
    this.okRetransmitter?.stop();
    this.keypad.hangup();
    this.finish(end);
    if (this.stream) await this.stream.close();
  }
}

function userOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const address = parseNameAddr(value);
  const uri = parseSipUri(address.ok ? address.value.uri : value);
  return uri.ok ? uri.value.user : undefined;
}

/**
 * `sip:agent@pbx` with headers as URI headers (RFC 3261 §19.1.1): `sip:agent@pbx?X-A=1`. Values
 * are percent-encoded so a `>` or `&` cannot end the Refer-To or start another header.
 */
function withUriHeaders(target: string, headers: [string, string][]): string {
  if (headers.length === 0) return target;
  const query = headers.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  return `${target}${target.includes('?') ? '&' : '?'}${query.join('&')}`;
}

/** One leg's refusal; a leg we cancelled at the ring timeout was not answered. */
function legResult(outcome: OutgoingOutcome, rangOut: boolean): LegResult {
  switch (outcome.kind) {
    case 'answered':
      return 'answered';
    case 'busy':
      return 'busy';
    case 'no-answer':
      return 'no-answer';
    case 'cancelled':
      return rangOut ? 'no-answer' : 'cancelled';
    case 'declined':
    case 'failed':
      return 'failed';
  }
}

/** Why no leg of a bridge answered: busy only if every phone was busy (RFC 3261 §21.4.7). */
function bridgeRefusal(refusals: readonly OutgoingOutcome[]): BridgeOutcome {
  if (refusals.every((r) => r.kind === 'busy')) return { kind: 'busy' };
  if (refusals.some((r) => r.kind === 'no-answer' || r.kind === 'cancelled')) return { kind: 'no-answer' };
  const first = refusals[0];
  return {
    kind: 'failed',
    reason:
      first?.kind === 'failed'
        ? first.message
        : first?.kind === 'declined'
          ? `${first.status} ${first.reason}`
          : 'no answer',
  };
}
