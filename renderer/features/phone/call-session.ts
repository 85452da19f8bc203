import { Invitation, SessionState, Web, type Inviter, type Notification, type URI } from 'sip.js';
import { parseSipfrag, type SipfragStatus } from './sipfrag.js';
import type { ReferProgress, TransferLeg } from './transfer.js';

/**
 * The softphone's call, from the agent's side: an incoming one rings, then connects once
 * answered; an outgoing one is dialing until the other side answers.
 */
export type CallPhase = 'ringing' | 'dialing' | 'connecting' | 'talking' | 'ended';

export interface CallSessionOptions {
  /** The SIP URI of a number or extension at the office PBX, for REFER. */
  targetUri(number: string): URI | undefined;
  /** An outgoing call: the number dialled, shown as the other party. */
  dialled?: string;
}

/** Packet counters of the call's audio (RTCPeerConnection getStats). */
export interface MediaCounters {
  packetsSent: number;
  packetsReceived: number;
}

/**
 * One call on the agent's phone, incoming (answer or decline it) or outgoing (dial it), then
 * mute, hold, send keys, transfer and hang up. Media stays in sip.js's session description
 * handler (WebRTC).
 */
export class CallSession implements TransferLeg<CallSession> {
  /** The engine's id of the call (X-Switchboard-Call-Id), which is the conversation's id. */
  readonly conversationId: string | undefined;
  readonly remoteIdentity: string;
  readonly direction: 'inbound' | 'outbound';
  readonly startedAt = Date.now();
  /** When the call was answered (ms), for history. */
  answeredAt: number | undefined;
  /** An outgoing call's final non-2xx response, if it got one. */
  failure: SipfragStatus | undefined;
  /** The agent declined this incoming call. */
  declined = false;
  /** Told each phase change; set by whoever follows the call. */
  onPhase: (phase: CallPhase) => void = () => undefined;
  private held = false;
  private muted = false;
  private readonly audio = new Audio();
  private readonly targetUri: (number: string) => URI | undefined;

  constructor(
    private readonly session: Invitation | Inviter,
    options: CallSessionOptions,
  ) {
    this.targetUri = options.targetUri;
    this.direction = session instanceof Invitation ? 'inbound' : 'outbound';
    this.conversationId =
      session instanceof Invitation
        ? session.request.getHeader('X-Switchboard-Call-Id')?.trim() || undefined
        : undefined;
    this.remoteIdentity =
      options.dialled ?? (session.remoteIdentity.displayName || session.remoteIdentity.uri.user || 'unknown');
    session.stateChange.addListener((state) => {
      if (state === SessionState.Establishing && this.direction === 'inbound') this.onPhase('connecting');
      if (state === SessionState.Established) {
        this.answeredAt = Date.now();
        this.playRemote();
        this.onPhase('talking');
      }
      if (state === SessionState.Terminated) {
        this.audio.srcObject = null;
        this.onPhase('ended');
      }
    });
  }

  /** The number or extension of the other party, as history keeps it. */
  get number(): string {
    return this.direction === 'outbound'
      ? this.remoteIdentity
      : this.session.remoteIdentity.uri.user || this.remoteIdentity;
  }

  get isHeld(): boolean {
    return this.held;
  }

  get isMuted(): boolean {
    return this.muted;
  }

  /** The local microphone's stream while talking (for the level meter). */
  get localStream(): MediaStream | undefined {
    return this.handler()?.localMediaStream;
  }

  get remoteStream(): MediaStream | undefined {
    return this.handler()?.remoteMediaStream;
  }

  async answer(microphoneId: string, speakerId: string): Promise<void> {
    if (!(this.session instanceof Invitation)) return;
    await this.setSpeaker(speakerId);
    await this.session.accept({ sessionDescriptionHandlerOptions: mediaOptions(microphoneId) });
  }

  /** Sends the INVITE of an outgoing call; its final failure (busy, not found…) is kept for history. */
  async dial(microphoneId: string, speakerId: string): Promise<void> {
    if (this.session instanceof Invitation) return;
    await this.setSpeaker(speakerId);
    await this.session.invite({
      sessionDescriptionHandlerOptions: mediaOptions(microphoneId),
      requestDelegate: {
        onReject: (response) => {
          this.failure = {
            status: response.message.statusCode ?? 0,
            reason: response.message.reasonPhrase ?? '',
          };
        },
      },
    });
  }

  /** 603 Decline (RFC 3261 §21.6.2): this agent will not take it; the queue offers it elsewhere. */
  async decline(): Promise<void> {
    if (!(this.session instanceof Invitation)) return;
    this.declined = true;
    await this.session.reject({ statusCode: 603 });
  }

  async hangUp(): Promise<void> {
    const { session } = this;
    if (session.state === SessionState.Established) await session.bye();
    else if (session instanceof Invitation) {
      if (session.state === SessionState.Initial) await this.decline();
    } else if (session.state === SessionState.Initial || session.state === SessionState.Establishing) {
      // Still ringing at the other end: CANCEL (RFC 3261 §9).
      await session.cancel();
    }
  }

  /**
   * REFER the other party (RFC 3515): to a number (blind), or to the party of our other call
   * with Replaces naming that call's dialog (attended, RFC 3891 / RFC 5589 §7). Each NOTIFY is
   * accepted and its sipfrag status passed on.
   */
  async refer(target: string | CallSession, progress: ReferProgress): Promise<void> {
    const requestDelegate = {
      onReject: (response: { message: { statusCode?: number; reasonPhrase?: string } }) =>
        progress.onRejected({
          status: response.message.statusCode ?? 0,
          reason: response.message.reasonPhrase ?? '',
        }),
    };
    const onNotify = (notification: Notification): void => {
      void notification.accept();
      const status = parseSipfrag(notification.request.body);
      if (status) progress.onNotify(status);
    };
    if (typeof target === 'string') {
      const to = this.targetUri(target);
      if (!to) throw new Error(`Cannot transfer to ${target}`);
      await this.session.refer(to, { requestDelegate, onNotify });
      return;
    }
    if (this.session.state !== SessionState.Established) throw new Error('The call is not established');
    // sip.js's own refer(session) puts the target's Contact in Refer-To; the transferee (the
    // engine, on an office line) reaches phones only through the PBX, so the address of record
    // goes there instead: the PBX delivers the INVITE with Replaces to the phone holding that
    // dialog (RFC 5589 §7; other phones of the same user answer 481).
    await this.session._refer(onNotify, requestDelegate, {
      extraHeaders: [
        `Referred-By: <${this.session.userAgent.configuration.uri.toString()}>`,
        `Contact: ${this.session.userAgent.contact.toString()}`,
        `Refer-To: ${target.replacingAddress()}`,
      ],
    });
  }

  /** This call's other party by address of record, with Replaces naming this dialog (RFC 3891 §3). */
  private replacingAddress(): string {
    const dialog = this.session.dialog;
    if (!dialog) throw new Error('The consultation is not established');
    const { scheme, user, host, port } = this.session.remoteIdentity.uri;
    const replaces = encodeURIComponent(
      `${dialog.callId};to-tag=${dialog.remoteTag};from-tag=${dialog.localTag}`,
    );
    const hostPort = port === undefined ? host : `${host}:${port}`;
    return `<${scheme}:${user ? `${user}@` : ''}${hostPort}?Replaces=${replaces}>`;
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    this.handler()?.enableSenderTracks(!muted && !this.held);
  }

  /**
   * Hold by re-INVITE with a=sendonly, unhold with a=sendrecv (RFC 3264 §8.4); local tracks
   * stop too, so nothing leaks while held.
   */
  async setHeld(held: boolean): Promise<void> {
    const options: Web.SessionDescriptionHandlerOptions = {
      ...this.session.sessionDescriptionHandlerOptionsReInvite,
      hold: held,
    };
    this.session.sessionDescriptionHandlerOptionsReInvite = options;
    await new Promise<void>((resolve, reject) => {
      this.session
        .invite({
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) => reject(new Error(`hold refused (${response.message.statusCode})`)),
          },
        })
        .catch(reject);
    });
    this.held = held;
    const handler = this.handler();
    handler?.enableReceiverTracks(!held);
    handler?.enableSenderTracks(!held && !this.muted);
  }

  /** One key as RFC 4733 telephone-event packets, not SIP INFO. */
  sendDigit(digit: string): boolean {
    return this.handler()?.sendDtmf(digit, { duration: 160, interToneGap: 70 }) ?? false;
  }

  async setSpeaker(deviceId: string): Promise<void> {
    await this.audio.setSinkId(deviceId === 'default' ? '' : deviceId).catch(() => undefined);
  }

  async counters(): Promise<MediaCounters> {
    const stats = await this.handler()?.peerConnection?.getStats();
    const counters = { packetsSent: 0, packetsReceived: 0 };
    stats?.forEach(
      (report: { type: string; kind?: string; packetsSent?: number; packetsReceived?: number }) => {
        if (report.type === 'outbound-rtp' && report.kind === 'audio')
          counters.packetsSent += report.packetsSent ?? 0;
        if (report.type === 'inbound-rtp' && report.kind === 'audio')
          counters.packetsReceived += report.packetsReceived ?? 0;
      },
    );
    return counters;
  }

  private handler(): Web.SessionDescriptionHandler | undefined {
    const handler = this.session.sessionDescriptionHandler;
    return handler instanceof Web.SessionDescriptionHandler ? handler : undefined;
  }

  private playRemote(): void {
    const stream = this.remoteStream;
    if (!stream) return;
    this.audio.srcObject = stream;
    void this.audio.play().catch(() => undefined);
  }
}

/** The microphone to offer or answer with: the chosen one, or the system's. */
function mediaOptions(microphoneId: string): Web.SessionDescriptionHandlerOptions {
  return {
    constraints: {
      audio: microphoneId === 'default' ? true : { deviceId: { exact: microphoneId } },
      video: false,
    },
  };
}
