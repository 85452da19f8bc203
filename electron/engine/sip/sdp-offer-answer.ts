import { parse, write, type MediaDescription, type SessionDescription } from 'sdp-transform';

/**
 * SDP offer/answer for one audio stream (RFC 3264, SDP per RFC 4566). The engine speaks
 * G.711 μ-law and A-law (RFC 3551 static payload types 0 and 8) and RFC 4733 telephone-event.
 */

export type AudioCodec = 'PCMU' | 'PCMA';
export type MediaDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

/** What the two sides agreed for the call's RTP. */
export interface NegotiatedAudio {
  codec: AudioCodec;
  payloadType: number;
  /** RFC 4733 payload type when the peer offered telephone-event/8000. */
  telephoneEventPayloadType: number | undefined;
  /** Where to send RTP (until symmetric RTP learns better). */
  remoteAddress: string;
  remotePort: number;
  /** Our direction as written in our SDP. */
  direction: MediaDirection;
  /** The peer put us on hold (sendonly/inactive offer, or c=0.0.0.0 per RFC 2543). */
  onHold: boolean;
  /** Packetisation the peer asked to receive, in ms (a=ptime), default 20. */
  ptimeMs: number;
}

export interface LocalMedia {
  address: string;
  port: number;
  /** o= session id, stable for the dialog; the version goes up with each new SDP (RFC 3264 §8). */
  sessionId: number;
  sessionVersion: number;
}

export class SdpNegotiationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SdpNegotiationError';
  }
}

const STATIC_PAYLOAD: Readonly<Record<AudioCodec, number>> = { PCMU: 0, PCMA: 8 };
const DEFAULT_TELEPHONE_EVENT_PT = 101;

function codecOf(media: MediaDescription, payloadType: number): AudioCodec | 'telephone-event' | undefined {
  const rtpmap = media.rtp.find((r) => r.payload === payloadType);
  if (!rtpmap) {
    // Static payload types need no rtpmap (RFC 3551 §6).
    if (payloadType === 0) return 'PCMU';
    if (payloadType === 8) return 'PCMA';
    return undefined;
  }
  const name = rtpmap.codec.toUpperCase();
  if (rtpmap.rate !== 8000) return undefined;
  if (name === 'PCMU' || name === 'PCMA') return name;
  if (name === 'TELEPHONE-EVENT') return 'telephone-event';
  return undefined;
}

function payloadTypes(media: MediaDescription): number[] {
  return String(media.payloads ?? '')
    .split(/\s+/)
    .filter((p) => p !== '')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 0 && n <= 127);
}

function directionOf(media: MediaDescription, session: SessionDescription): MediaDirection {
  return media.direction ?? session.direction ?? 'sendrecv';
}

/** RFC 3264 §6.1: the answer's direction mirrors the offer's. */
const answerDirection: Readonly<Record<MediaDirection, MediaDirection>> = {
  sendrecv: 'sendrecv',
  sendonly: 'recvonly',
  recvonly: 'sendonly',
  inactive: 'inactive',
};

function isAcceptableAudio(media: MediaDescription): boolean {
  return media.type === 'audio' && media.port !== 0 && media.protocol.toUpperCase() === 'RTP/AVP';
}

/**
 * Answers an offer. Throws {@link SdpNegotiationError} when no audio stream uses a codec we
 * speak: the caller then answers 488 Not Acceptable Here (RFC 3261 §21.4.26). Streams we do not
 * take are kept with port 0, as RFC 3264 §6 requires the answer to have as many m= lines.
 */
export function answerOffer(
  offerSdp: string,
  local: LocalMedia,
  preference: readonly AudioCodec[] = ['PCMU', 'PCMA'],
): { answerSdp: string; negotiated: NegotiatedAudio } {
  let offer: SessionDescription;
  try {
    offer = parse(offerSdp);
  } catch (error) {
    throw new SdpNegotiationError(
      `Unreadable SDP: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!Array.isArray(offer.media) || offer.media.length === 0) {
    throw new SdpNegotiationError('The offer has no media stream');
  }
  let negotiated: NegotiatedAudio | undefined;
  const answerMedia: MediaDescription[] = offer.media.map((media) => {
    const rejected: MediaDescription = {
      type: media.type,
      port: 0,
      protocol: media.protocol,
      payloads: String(media.payloads ?? '').split(/\s+/)[0] ?? '0',
      rtp: [],
      fmtp: [],
    };
    if (negotiated || !isAcceptableAudio(media)) return rejected;
    const offered = payloadTypes(media);
    // The offerer's order is its preference (RFC 3264 §6.1); among the codecs we speak, take the
    // first it lists, falling back on our own order only for ties that cannot happen here.
    const chosen = offered
      .map((pt) => ({ pt, codec: codecOf(media, pt) }))
      .filter((c): c is { pt: number; codec: AudioCodec } => c.codec === 'PCMU' || c.codec === 'PCMA')
      .sort(
        (a, b) =>
          offered.indexOf(a.pt) - offered.indexOf(b.pt) ||
          preference.indexOf(a.codec) - preference.indexOf(b.codec),
      )[0];
    if (!chosen) return rejected;
    const telephoneEvent = offered.find((pt) => codecOf(media, pt) === 'telephone-event');
    const connection = media.connection ?? offer.connection;
    if (!connection?.ip) throw new SdpNegotiationError('The offer has no connection address (c=)');
    const offerDirection = directionOf(media, offer);
    const heldByZeroAddress = connection.ip === '0.0.0.0';
    const direction =
      heldByZeroAddress && offerDirection === 'sendrecv' ? 'recvonly' : answerDirection[offerDirection];
    negotiated = {
      codec: chosen.codec,
      payloadType: chosen.pt,
      telephoneEventPayloadType: telephoneEvent,
      remoteAddress: connection.ip,
      remotePort: media.port,
      direction,
      onHold: heldByZeroAddress || offerDirection === 'sendonly' || offerDirection === 'inactive',
      ptimeMs: media.ptime ?? 20,
    };
    return audioMedia(local.port, chosen, telephoneEvent, direction);
  });
  if (!negotiated) {
    throw new SdpNegotiationError('No common audio codec: this line speaks PCMU and PCMA (G.711) only');
  }
  return { answerSdp: sessionSdp(local, answerMedia), negotiated };
}

/** An offer for a leg we start (agent calls, callbacks): G.711 both laws and telephone-event. */
export function createOffer(local: LocalMedia, preference: readonly AudioCodec[] = ['PCMU', 'PCMA']): string {
  const rtp = preference.map((codec) => ({ payload: STATIC_PAYLOAD[codec], codec, rate: 8000 }));
  const media: MediaDescription = {
    type: 'audio',
    port: local.port,
    protocol: 'RTP/AVP',
    payloads: [...rtp.map((r) => r.payload), DEFAULT_TELEPHONE_EVENT_PT].join(' '),
    rtp: [...rtp, { payload: DEFAULT_TELEPHONE_EVENT_PT, codec: 'telephone-event', rate: 8000 }],
    fmtp: [{ payload: DEFAULT_TELEPHONE_EVENT_PT, config: '0-16' }],
    ptime: 20,
    direction: 'sendrecv',
  };
  return sessionSdp(local, [media]);
}

/** Reads the answer to our offer (RFC 3264 §7): the codec it chose and where to send. */
export function readAnswer(answerSdp: string): NegotiatedAudio {
  let answer: SessionDescription;
  try {
    answer = parse(answerSdp);
  } catch (error) {
    throw new SdpNegotiationError(
      `Unreadable SDP: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const media = (answer.media ?? []).find(isAcceptableAudio);
  if (!media) throw new SdpNegotiationError('The answer accepted no audio stream');
  const offered = payloadTypes(media);
  const first = offered
    .map((pt) => ({ pt, codec: codecOf(media, pt) }))
    .find((c) => c.codec === 'PCMU' || c.codec === 'PCMA');
  if (!first || (first.codec !== 'PCMU' && first.codec !== 'PCMA')) {
    throw new SdpNegotiationError('The answer chose a codec we did not offer');
  }
  const connection = media.connection ?? answer.connection;
  if (!connection?.ip) throw new SdpNegotiationError('The answer has no connection address (c=)');
  const direction = directionOf(media, answer);
  return {
    codec: first.codec,
    payloadType: first.pt,
    telephoneEventPayloadType: offered.find((pt) => codecOf(media, pt) === 'telephone-event'),
    remoteAddress: connection.ip,
    remotePort: media.port,
    direction: answerDirection[direction],
    onHold: connection.ip === '0.0.0.0' || direction === 'sendonly' || direction === 'inactive',
    ptimeMs: media.ptime ?? 20,
  };
}

function audioMedia(
  port: number,
  chosen: { pt: number; codec: AudioCodec },
  telephoneEvent: number | undefined,
  direction: MediaDirection,
): MediaDescription {
  const rtp: MediaDescription['rtp'] = [{ payload: chosen.pt, codec: chosen.codec, rate: 8000 }];
  const fmtp: MediaDescription['fmtp'] = [];
  if (telephoneEvent !== undefined) {
    rtp.push({ payload: telephoneEvent, codec: 'telephone-event', rate: 8000 });
    fmtp.push({ payload: telephoneEvent, config: '0-16' });
  }
  return {
    type: 'audio',
    port,
    protocol: 'RTP/AVP',
    payloads: rtp.map((r) => r.payload).join(' '),
    rtp,
    fmtp,
    ptime: 20,
    direction,
  };
}

function sessionSdp(local: LocalMedia, media: MediaDescription[]): string {
  const ipVer = local.address.includes(':') ? 6 : 4;
  const session: SessionDescription = {
    version: 0,
    origin: {
      username: 'switchboard',
      sessionId: local.sessionId,
      sessionVersion: local.sessionVersion,
      netType: 'IN',
      ipVer,
      address: local.address,
    },
    name: 'Switchboard',
    connection: { version: ipVer, ip: local.address },
    timing: { start: 0, stop: 0 },
    media,
  };
  return write(session);
}
