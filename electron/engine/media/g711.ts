/**
 * G.711 μ-law (PCMU, static payload type 0) and A-law (PCMA, 8), RFC 3551 §4.5.14 and table 4,
 * over alawmulaw (DESIGN.md's choice).
 *
 * alawmulaw's array functions allocate a new array per call; the media worker converts 160
 * samples per packet per call, so this wrapper instead fills lookup tables once from alawmulaw's
 * per-sample functions (64 KiB to encode, 512 B to decode, per codec, built on first use) and
 * writes into buffers the caller keeps. The output is alawmulaw's, bit for bit.
 */
// Node's ESM loader sees only a default export in this UMD bundle (its named exports are not
// statically detectable), so the default import is the one that works at run time.
import alawmulaw from 'alawmulaw';

export type G711Codec = 'PCMU' | 'PCMA';

/** RFC 3551 table 4: the static payload types. */
export const G711_PAYLOAD_TYPE: Readonly<Record<G711Codec, number>> = { PCMU: 0, PCMA: 8 };

/**
 * The code for digital silence: μ-law 0xFF decodes to 0; A-law has no zero code, and 0xD5
 * (0x80 with the even bits inverted, G.711 §3) decodes to +8 of 32767, the closest to it.
 */
export const G711_SILENCE: Readonly<Record<G711Codec, number>> = { PCMU: 0xff, PCMA: 0xd5 };

/** G.711 runs at 8000 samples/s: one octet per sample (RFC 3551 §4.5.14). */
export const G711_CLOCK_RATE = 8000;

export function g711CodecForPayloadType(payloadType: number): G711Codec | undefined {
  if (payloadType === 0) return 'PCMU';
  if (payloadType === 8) return 'PCMA';
  return undefined;
}

interface Tables {
  /** Indexed by the sample's 16 bits as unsigned (sample & 0xffff). */
  readonly encode: Uint8Array;
  readonly decode: Int16Array;
}

const tables: Partial<Record<G711Codec, Tables>> = {};

function tablesFor(codec: G711Codec): Tables {
  const cached = tables[codec];
  if (cached !== undefined) return cached;
  const lib = codec === 'PCMU' ? alawmulaw.mulaw : alawmulaw.alaw;
  const encode = new Uint8Array(0x10000);
  for (let i = 0; i < 0x10000; i++) {
    // alawmulaw's μ-law encodeSample returns ~x, a negative number: keep the low 8 bits.
    encode[i] = lib.encodeSample((i << 16) >> 16) & 0xff;
  }
  const decode = new Int16Array(256);
  for (let i = 0; i < 256; i++) decode[i] = lib.decodeSample(i);
  const built = { encode, decode };
  tables[codec] = built;
  return built;
}

/**
 * Encodes 16-bit linear PCM. Writes into `target` from `targetOffset` (e.g. straight behind an
 * RTP header) and returns the written region, or a new array when no target is given.
 */
export function encodeG711(
  codec: G711Codec,
  pcm: Int16Array,
  target?: Uint8Array,
  targetOffset = 0,
): Uint8Array {
  const out = target ?? new Uint8Array(pcm.length);
  if (targetOffset < 0 || targetOffset + pcm.length > out.length) {
    throw new RangeError(
      `G.711 encode needs ${pcm.length} octets at ${targetOffset}; the buffer has ${out.length}`,
    );
  }
  const table = tablesFor(codec).encode;
  for (let i = 0; i < pcm.length; i++) out[targetOffset + i] = table[(pcm[i] ?? 0) & 0xffff] ?? 0;
  return out.subarray(targetOffset, targetOffset + pcm.length);
}

/** Decodes to 16-bit linear PCM, into `target` from `targetOffset` when given. */
export function decodeG711(
  codec: G711Codec,
  data: Uint8Array,
  target?: Int16Array,
  targetOffset = 0,
): Int16Array {
  const out = target ?? new Int16Array(data.length);
  if (targetOffset < 0 || targetOffset + data.length > out.length) {
    throw new RangeError(
      `G.711 decode needs ${data.length} samples at ${targetOffset}; the buffer has ${out.length}`,
    );
  }
  const table = tablesFor(codec).decode;
  for (let i = 0; i < data.length; i++) out[targetOffset + i] = table[data[i] ?? 0] ?? 0;
  return out.subarray(targetOffset, targetOffset + data.length);
}

/** Fills `target` with the codec's silence code (comfort for a muted or idle leg). */
export function fillG711Silence(codec: G711Codec, target: Uint8Array): Uint8Array {
  return target.fill(G711_SILENCE[codec]);
}
