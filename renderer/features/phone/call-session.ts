import { SessionState, Web, type Invitation } from 'sip.js';

/** The softphone's call, from the agent's side. */
export type CallPhase = 'ringing' | 'connecting' | 'talking' | 'ended';

export interface CallSessionEvents {
  onPhase(phase: CallPhase): void;
}

/** Packet counters of the call's audio (RTCPeerConnection getStats). */
export interface MediaCounters {
  packetsSent: number;
  packetsReceived: number;
}

/**
 * One incoming call on the agent's phone: answer or decline it, then mute, hold, send keys
 * and hang up. Media stays in sip.js's session description handler (WebRTC).
 */
export class CallSession {
  /** The engine's id of the call (X-Switchboard-Call-Id), which is the conversation's id. */
  readonly conversationId: string | undefined;
  readonly remoteIdentity: string;
  private held = false;
  private muted = false;
  private readonly audio = new Audio();

  constructor(
    private readonly invitation: Invitation,
    events: CallSessionEvents,
  ) {
    this.conversationId = invitation.request.getHeader('X-Switchboard-Call-Id')?.trim() || undefined;
    this.remoteIdentity =
      invitation.remoteIdentity.displayName || invitation.remoteIdentity.uri.user || 'unknown';
    invitation.stateChange.addListener((state) => {
      if (state === SessionState.Establishing) events.onPhase('connecting');
      if (state === SessionState.Established) {
        this.playRemote();
        events.onPhase('talking');
      }
      if (state === SessionState.Terminated) {
        this.audio.srcObject = null;
        events.onPhase('ended');
      }
    });
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
    await this.setSpeaker(speakerId);
    await this.invitation.accept({
      sessionDescriptionHandlerOptions: {
        constraints: {
          audio: microphoneId === 'default' ? true : { deviceId: { exact: microphoneId } },
          video: false,
        },
      },
    });
  }

  /** 603 Decline (RFC 3261 §21.6.2): this agent will not take it; the queue offers it elsewhere. */
  async decline(): Promise<void> {
    await this.invitation.reject({ statusCode: 603 });
  }

  async hangUp(): Promise<void> {
    if (this.invitation.state === SessionState.Established) await this.invitation.bye();
    else if (this.invitation.state === SessionState.Initial) await this.decline();
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
      ...this.invitation.sessionDescriptionHandlerOptionsReInvite,
      hold: held,
    };
    this.invitation.sessionDescriptionHandlerOptionsReInvite = options;
    await new Promise<void>((resolve, reject) => {
      this.invitation
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
    const handler = this.invitation.sessionDescriptionHandler;
    return handler instanceof Web.SessionDescriptionHandler ? handler : undefined;
  }

  private playRemote(): void {
    const stream = this.remoteStream;
    if (!stream) return;
    this.audio.srcObject = stream;
    void this.audio.play().catch(() => undefined);
  }
}
