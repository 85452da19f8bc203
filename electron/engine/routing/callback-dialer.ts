import { MusicOnHold } from '../call/music-on-hold.js';
import type { OutgoingCall, OutgoingOutcome } from '../call/outgoing-call.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { MediaHost } from '../media/media-host.js';
import { CALL_ID_HEADER } from './call-queues.js';

export interface CallbackDialerDeps {
  /** Places a call through an office line; `target` builds the URI from the line's registrar. */
  dial(
    lineId: string | null,
    target: (registrar: string) => string,
    headers: [string, string][],
  ): OutgoingCall;
  media: MediaHost;
  clock: Clock;
  logger: Logger;
}

/** How returning a call went, in the words the callback list shows. */
export type CallbackAttempt =
  | { kind: 'talking'; ended: Promise<void>; answeredAt: Date }
  | { kind: 'agent_unreachable'; why: string }
  | { kind: 'number_unreachable'; why: string };

/**
 * Returns a caller's call for an agent: the agent's phone rings first (so they are on the line
 * when the customer picks up, and hear the ringing), then the customer's number is dialled
 * through the office line, and the two legs are bridged (both legs are ours: a B2BUA).
 */
export class CallbackDialer {
  constructor(private readonly deps: CallbackDialerDeps) {}

  async call(request: {
    conversationId: string;
    lineId: string | null;
    agentUri: (registrar: string) => string;
    number: string;
    ringTimeoutMs: number;
    /** What the customer hears while the agent's phone holds the call (the team's). */
    holdAudio?: () => Promise<Int16Array>;
  }): Promise<CallbackAttempt> {
    const agentLeg = this.deps.dial(request.lineId, request.agentUri, [
      [CALL_ID_HEADER, request.conversationId],
    ]);
    const agentOutcome = await this.withTimeout(agentLeg, agentLeg.start(), request.ringTimeoutMs);
    if (agentOutcome.kind !== 'answered') return { kind: 'agent_unreachable', why: describe(agentOutcome) };
    const customerLeg = this.deps.dial(
      request.lineId,
      (registrar) => `sip:${request.number}@${registrar}`,
      [],
    );
    // The agent hanging up while the customer's phone rings stops it (CANCEL).
    void agentLeg.ended.then(() => customerLeg.hangup());
    const outcome = await this.withTimeout(customerLeg, customerLeg.start(), request.ringTimeoutMs);
    if (outcome.kind !== 'answered' || !agentLeg.media || !customerLeg.media) {
      await agentLeg.hangup();
      return { kind: 'number_unreachable', why: describe(outcome) };
    }
    const agentMedia = agentLeg.media;
    this.deps.media.bridge(agentMedia, customerLeg.media);
    // The agent's phone holding the call: the customer hears hold audio, not silence.
    const music = new MusicOnHold({
      media: this.deps.media,
      listener: customerLeg.media,
      ...(request.holdAudio ? { audio: request.holdAudio } : {}),
    });
    agentLeg.onHoldChange = (held) => music.follow(held, agentMedia);
    // Held already while the customer's phone rang.
    if (agentLeg.isHeld) music.start();
    void customerLeg.ended.then(() => agentLeg.hangup());
    const ended = Promise.race([agentLeg.ended, customerLeg.ended]);
    return { kind: 'talking', ended, answeredAt: new Date() };
  }

  /** A leg still ringing after `ms` is given up (CANCEL). */
  private withTimeout(
    leg: OutgoingCall,
    outcome: Promise<OutgoingOutcome>,
    ms: number,
  ): Promise<OutgoingOutcome> {
    const { clock } = this.deps;
    const timer = clock.setTimeout(() => void leg.hangup(), ms);
    return outcome.finally(() => clock.clearTimeout(timer));
  }
}

function describe(outcome: OutgoingOutcome): string {
  switch (outcome.kind) {
    case 'answered':
      return 'answered';
    case 'busy':
      return 'busy';
    case 'no-answer':
    case 'cancelled':
      return 'no answer';
    case 'declined':
      return `${outcome.status} ${outcome.reason}`;
    case 'failed':
      return outcome.message;
  }
}
