/**
 * RTP fixed header, CSRC list, header extension and padding (RFC 3550 §5.1, §5.3.1).
 *
 * The parser runs once per received datagram on every call (50 packets/s × 1000 calls), so it
 * never copies: the payload and the extension data are `subarray` views over the datagram, and
 * a packet without CSRCs shares one frozen empty list. It never throws: anything that is not a
 * well-formed RTP packet comes back as an {@link RtpParseError} string, for the caller to count
 * and drop (DESIGN.md: the engine never crashes on a bad packet).
 */

/** RFC 3550 §5.1: the fixed header is 12 octets. */
export const RTP_HEADER_SIZE = 12;
/** RFC 3550 §5.1: V is always 2. */
export const RTP_VERSION = 2;

/** RFC 3550 §5.3.1: profile-defined header extension; `data` is a multiple of 4 octets. */
export interface RtpHeaderExtension {
  /** The 16-bit "defined by profile" field (0xBEDE for RFC 8285 one-byte headers). */
  readonly profile: number;
  readonly data: Uint8Array;
}

export interface RtpPacket {
  readonly marker: boolean;
  readonly payloadType: number;
  readonly sequenceNumber: number;
  /** Unsigned 32-bit. */
  readonly timestamp: number;
  /** Unsigned 32-bit. */
  readonly ssrc: number;
  /** Contributing sources (unsigned 32-bit); the shared empty list when CC = 0. */
  readonly csrcs: readonly number[];
  readonly extension: RtpHeaderExtension | undefined;
  /** A view into the datagram, padding excluded: copy it before the datagram buffer is reused. */
  readonly payload: Uint8Array;
  /** Octets of padding removed from the end (RFC 3550 §5.1, P bit), 0 when P is clear. */
  readonly paddingLength: number;
}

/** Why a datagram is not an RTP packet we can use. */
export type RtpParseError =
  | 'too-short' // under the 12-octet fixed header
  | 'bad-version' // V ≠ 2 (e.g. STUN or a stray protocol on the port)
  | 'rtcp' // second octet 192–223: an RTCP packet on a muxed port (RFC 5761 §4)
  | 'truncated-csrc' // CC announces more CSRCs than the datagram holds
  | 'truncated-extension' // X set, but the extension header or its data runs past the end
  | 'bad-padding'; // P set, but the padding count is 0 or longer than what follows the header

export function isRtpParseError(result: RtpPacket | RtpParseError): result is RtpParseError {
  return typeof result === 'string';
}

const NO_CSRCS: readonly number[] = Object.freeze([]);

function readUint32(data: Uint8Array, at: number): number {
  // `>>> 0` keeps the top bit from turning the value negative.
  return (
    (((data[at] ?? 0) << 24) |
      ((data[at + 1] ?? 0) << 16) |
      ((data[at + 2] ?? 0) << 8) |
      (data[at + 3] ?? 0)) >>>
    0
  );
}

/**
 * Parses one datagram. The result borrows `datagram`: its payload and extension are views into
 * it, valid only as long as the caller keeps the buffer unchanged.
 */
export function parseRtpPacket(datagram: Uint8Array): RtpPacket | RtpParseError {
  const length = datagram.length;
  if (length < RTP_HEADER_SIZE) return 'too-short';
  const b0 = datagram[0] ?? 0;
  const b1 = datagram[1] ?? 0;
  if (b0 >> 6 !== RTP_VERSION) return 'bad-version';
  // RFC 5761 §4: RTCP packet types 192–223 occupy the M bit + PT octet; RTP must not use those.
  if (b1 >= 192 && b1 <= 223) return 'rtcp';

  const csrcCount = b0 & 0x0f;
  let offset = RTP_HEADER_SIZE + csrcCount * 4;
  if (offset > length) return 'truncated-csrc';

  let csrcs = NO_CSRCS;
  if (csrcCount > 0) {
    const list = new Array<number>(csrcCount);
    for (let i = 0; i < csrcCount; i++) list[i] = readUint32(datagram, RTP_HEADER_SIZE + i * 4);
    csrcs = list;
  }

  let extension: RtpHeaderExtension | undefined;
  if ((b0 & 0x10) !== 0) {
    // RFC 3550 §5.3.1: 16-bit profile field, 16-bit length in 32-bit words not counting this header.
    if (offset + 4 > length) return 'truncated-extension';
    const profile = ((datagram[offset] ?? 0) << 8) | (datagram[offset + 1] ?? 0);
    const words = ((datagram[offset + 2] ?? 0) << 8) | (datagram[offset + 3] ?? 0);
    const dataStart = offset + 4;
    const dataEnd = dataStart + words * 4;
    if (dataEnd > length) return 'truncated-extension';
    extension = { profile, data: datagram.subarray(dataStart, dataEnd) };
    offset = dataEnd;
  }

  let paddingLength = 0;
  if ((b0 & 0x20) !== 0) {
    // RFC 3550 §5.1: the last octet counts the padding octets, itself included, so 0 is invalid.
    paddingLength = datagram[length - 1] ?? 0;
    if (paddingLength === 0 || offset + paddingLength > length) return 'bad-padding';
  }

  return {
    marker: (b1 & 0x80) !== 0,
    payloadType: b1 & 0x7f,
    sequenceNumber: ((datagram[2] ?? 0) << 8) | (datagram[3] ?? 0),
    timestamp: readUint32(datagram, 4),
    ssrc: readUint32(datagram, 8),
    csrcs,
    extension,
    payload: datagram.subarray(offset, length - paddingLength),
    paddingLength,
  };
}

/** The header fields a sender sets; sequence number and timestamp wrap (mod 2^16, 2^32). */
export interface RtpHeaderInit {
  readonly marker?: boolean;
  readonly payloadType: number;
  /** Taken modulo 2^16, so a sender may simply keep counting. */
  readonly sequenceNumber: number;
  /** Taken modulo 2^32, so a sender may simply keep adding samples. */
  readonly timestamp: number;
  readonly ssrc: number;
  readonly csrcs?: readonly number[];
  readonly extension?: RtpHeaderExtension;
}

export interface RtpPacketInit extends RtpHeaderInit {
  readonly payload?: Uint8Array;
  /** Octets of padding to append (1–255), for the P bit; 0 or absent for none. */
  readonly paddingLength?: number;
}

/** Octets the header of `init` takes: fixed header, CSRCs and extension. */
export function rtpHeaderSize(init: RtpHeaderInit): number {
  const csrcs = init.csrcs?.length ?? 0;
  const extension = init.extension === undefined ? 0 : 4 + init.extension.data.length;
  return RTP_HEADER_SIZE + csrcs * 4 + extension;
}

function writeUint32(target: Uint8Array, at: number, value: number): void {
  target[at] = (value >>> 24) & 0xff;
  target[at + 1] = (value >>> 16) & 0xff;
  target[at + 2] = (value >>> 8) & 0xff;
  target[at + 3] = value & 0xff;
}

function checkHeader(init: RtpHeaderInit): void {
  // These are the sender's own values: a bad one is a bug here, not a bad packet from outside.
  if (!Number.isInteger(init.payloadType) || init.payloadType < 0 || init.payloadType > 127) {
    throw new RangeError(`RTP payload type must be 0–127, got ${init.payloadType}`);
  }
  if (!Number.isInteger(init.sequenceNumber) || !Number.isInteger(init.timestamp)) {
    throw new RangeError('RTP sequence number and timestamp must be integers');
  }
  if (!Number.isInteger(init.ssrc) || init.ssrc < 0 || init.ssrc > 0xffffffff) {
    throw new RangeError(`RTP SSRC must be an unsigned 32-bit integer, got ${init.ssrc}`);
  }
  if ((init.csrcs?.length ?? 0) > 15) throw new RangeError('RTP allows at most 15 CSRCs');
  const ext = init.extension;
  if (ext !== undefined && (ext.data.length % 4 !== 0 || ext.data.length > 0xffff * 4)) {
    throw new RangeError('RTP header extension data must be a multiple of 4 octets, at most 262140');
  }
}

/**
 * Writes the header of `init` at `offset` and returns its size. A pacer keeps one buffer per
 * stream, writes the header, then encodes the next 20 ms of audio straight behind it.
 * `padding` only sets the P bit: the caller appends the padding, its count in the last octet.
 */
export function writeRtpHeader(target: Uint8Array, init: RtpHeaderInit, offset = 0, padding = false): number {
  checkHeader(init);
  const size = rtpHeaderSize(init);
  if (offset < 0 || offset + size > target.length) {
    throw new RangeError(`RTP header needs ${size} octets at ${offset}; the buffer has ${target.length}`);
  }
  const csrcs = init.csrcs ?? NO_CSRCS;
  const ext = init.extension;
  target[offset] =
    (RTP_VERSION << 6) | (padding ? 0x20 : 0) | (ext === undefined ? 0 : 0x10) | (csrcs.length & 0x0f);
  target[offset + 1] = (init.marker === true ? 0x80 : 0) | init.payloadType;
  const seq = init.sequenceNumber & 0xffff;
  target[offset + 2] = seq >> 8;
  target[offset + 3] = seq & 0xff;
  writeUint32(target, offset + 4, init.timestamp >>> 0);
  writeUint32(target, offset + 8, init.ssrc >>> 0);
  let at = offset + RTP_HEADER_SIZE;
  for (const csrc of csrcs) {
    writeUint32(target, at, csrc >>> 0);
    at += 4;
  }
  if (ext !== undefined) {
    const words = ext.data.length / 4;
    target[at] = (ext.profile >> 8) & 0xff;
    target[at + 1] = ext.profile & 0xff;
    target[at + 2] = words >> 8;
    target[at + 3] = words & 0xff;
    target.set(ext.data, at + 4);
  }
  return size;
}

/** Octets `init` takes on the wire. */
export function rtpPacketSize(init: RtpPacketInit): number {
  return rtpHeaderSize(init) + (init.payload?.length ?? 0) + (init.paddingLength ?? 0);
}

/**
 * Serialises a whole packet. With `target` (a buffer kept per stream) nothing is allocated
 * except the returned view: `target.subarray(0, size)`. Without it, a new buffer is made.
 */
export function serializeRtpPacket(init: RtpPacketInit, target?: Uint8Array): Uint8Array {
  const padding = init.paddingLength ?? 0;
  if (!Number.isInteger(padding) || padding < 0 || padding > 255) {
    throw new RangeError(`RTP padding must be 0–255 octets, got ${padding}`);
  }
  const size = rtpPacketSize(init);
  const out = target ?? new Uint8Array(size);
  if (out.length < size)
    throw new RangeError(`RTP packet needs ${size} octets; the buffer has ${out.length}`);
  let at = writeRtpHeader(out, init, 0, padding > 0);
  if (init.payload !== undefined) {
    out.set(init.payload, at);
    at += init.payload.length;
  }
  if (padding > 0) {
    out.fill(0, at, at + padding - 1);
    out[at + padding - 1] = padding;
    at += padding;
  }
  return out.length === size ? out : out.subarray(0, size);
}
