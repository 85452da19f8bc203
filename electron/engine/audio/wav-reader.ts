/**
 * A RIFF/WAVE parser for uploaded prompts: any sample rate and channel count; PCM 8-bit unsigned,
 * 16/24/32-bit signed; IEEE float 32/64; G.711 A-law and µ-law (telephony tools write these);
 * plain or WAVE_FORMAT_EXTENSIBLE headers.
 *
 * Sources:
 * - Microsoft/IBM, "Multimedia Programming Interface and Data Specifications 1.0" (1991), RIFF
 *   chunks and their word alignment ("pad byte"), and the WAVE `fmt `/`data` chunks.
 * - Microsoft, "WAVEFORMATEXTENSIBLE structure" (mmreg.h / ksmedia.h), the sub-format GUIDs
 *   `0000xxxx-0000-0010-8000-00AA00389B71`, and the format tags in mmreg.h.
 * - EBU Tech 3306, "MBWF / RF64" (only to recognise and refuse it).
 *
 * Nothing here trusts a size from the header: every read is bounded by the bytes actually
 * present, and memory is only ever allocated in proportion to them, so a hostile or broken file
 * costs no more than its own length and always ends in an {@link AudioFileError}.
 */
import g711 from 'alawmulaw';
import { AudioFileError, type AudioFileErrorCode } from './audio-file-error.js';

export type WavEncoding = 'pcm' | 'float' | 'alaw' | 'mulaw';

/** Decoded audio. Planar (one array per channel) because every consumer here works per channel. */
export interface WavAudio {
  readonly sampleRate: number;
  /**
   * One array per channel, all the same length. Integer PCM is scaled to [-1, 1) (full scale
   * is 2^(bits-1), so 16-bit values survive a round trip exactly); float samples pass through
   * unclipped, except that NaN and ±Infinity become 0 so they cannot poison a filter.
   */
  readonly channels: Float32Array[];
  readonly encoding: WavEncoding;
  /** Bits per stored sample (the container size for WAVE_FORMAT_EXTENSIBLE). */
  readonly bitsPerSample: number;
  /** The data chunk claimed more bytes than the file holds; what was there was kept. */
  readonly isTruncated: boolean;
}

export interface ReadWavOptions {
  /** Refuse longer files before decoding a single sample (default: no limit). */
  maxDurationSeconds?: number;
}

/** Highest rate we accept: 768 kHz is the highest in use, and it bounds the resampler's work. */
export const MAX_WAV_SAMPLE_RATE = 768_000;

const WAVE_FORMAT_PCM = 0x0001;
const WAVE_FORMAT_IEEE_FLOAT = 0x0003;
const WAVE_FORMAT_ALAW = 0x0006;
const WAVE_FORMAT_MULAW = 0x0007;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/** Bytes 4..15 of every KSDATAFORMAT_SUBTYPE_* GUID built on a format tag (ksmedia.h). */
const SUBTYPE_GUID_TAIL = [0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

/** Names people know, for the format tags they are likely to upload (mmreg.h). */
const FORMAT_NAMES: Readonly<Record<number, string>> = {
  0x0002: 'Microsoft ADPCM',
  0x0011: 'IMA ADPCM',
  0x0022: 'TrueSpeech',
  0x0031: 'GSM 6.10',
  0x0040: 'G.721 ADPCM',
  0x0050: 'MPEG',
  0x0055: 'MP3',
  0x0064: 'G.726 ADPCM',
  0x0092: 'AC-3',
  0x0161: 'WMA',
  0x1610: 'AAC',
};

interface FormatChunk {
  encoding: WavEncoding;
  channelCount: number;
  sampleRate: number;
  bitsPerSample: number;
}

interface DataChunk {
  start: number;
  size: number;
  isTruncated: boolean;
}

/**
 * Decodes a WAV file held in memory.
 * @param name the file's name, used only in error messages.
 * @throws AudioFileError for anything that is not a WAV file we can decode.
 */
export function readWav(bytes: Uint8Array, name: string, options: ReadWavOptions = {}): WavAudio {
  const fail = (code: AudioFileErrorCode, reason: string): AudioFileError =>
    new AudioFileError(name, code, reason);

  if (bytes.length === 0) throw fail('not-wav', 'the file is empty');
  const magic = fourCc(bytes, 0);
  if (magic === 'RF64' || magic === 'BW64') {
    throw fail(
      'unsupported-container',
      'RF64 WAV files (the format for recordings over 4 GB) are not supported; export it as a plain WAV',
    );
  }
  if (magic === 'RIFX') {
    throw fail('unsupported-container', 'big-endian (RIFX) WAV files are not supported');
  }
  if (magic !== 'RIFF') throw fail('not-wav', `not a WAV file (${describeStart(bytes)})`);
  if (bytes.length < 12) {
    throw fail('truncated', `the file is cut short (${bytes.length} bytes, not even a WAV header)`);
  }
  const form = fourCc(bytes, 8);
  if (form !== 'WAVE') throw fail('not-wav', `not a WAV file (a RIFF '${printable(form)}' file)`);

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const riffSize = view.getUint32(4, true);
  // Streaming writers leave 0 or 0xFFFFFFFF in the size fields until they know the length.
  const hasPlaceholderSizes = riffSize === 0 || riffSize === 0xffffffff;

  let format: FormatChunk | undefined;
  let data: DataChunk | undefined;
  let cutShort: string | undefined;
  // Every step advances at least 8 bytes, so the scan ends within length / 8 steps.
  for (let offset = 12; offset + 8 <= bytes.length && !(format && data);) {
    const id = fourCc(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    const available = bytes.length - body;
    if (id === 'data' && data === undefined) {
      const isPlaceholder = size === 0xffffffff || (size === 0 && hasPlaceholderSizes);
      data =
        isPlaceholder || size > available
          ? { start: body, size: available, isTruncated: !isPlaceholder }
          : { start: body, size, isTruncated: false };
    } else if (id === 'fmt ' && format === undefined && size <= available) {
      format = parseFormat(view, body, size, fail);
    }
    // RIFF chunks are word aligned: an odd-sized chunk is followed by one pad byte.
    const next = body + size + (size & 1);
    if (next > bytes.length) {
      if (!(id === 'data' && data?.start === body)) {
        cutShort = `the '${printable(id)}' chunk claims ${size} bytes, only ${available} remain`;
      }
      break;
    }
    offset = next;
  }

  if (format === undefined) {
    if (cutShort !== undefined) {
      throw fail('truncated', `the file is cut short before its format description (${cutShort})`);
    }
    throw fail('bad-header', "the format description ('fmt ' chunk) is missing");
  }
  if (data === undefined) {
    if (cutShort !== undefined) {
      throw fail('truncated', `the file is cut short before its audio data (${cutShort})`);
    }
    throw fail('no-audio', "no audio data (there is no 'data' chunk)");
  }

  const bytesPerSample = format.bitsPerSample / 8;
  const frameBytes = format.channelCount * bytesPerSample;
  // A partial last frame (a cut-off stream) is dropped rather than half decoded.
  const frameCount = Math.floor(data.size / frameBytes);
  if (frameCount === 0) {
    throw fail(
      'no-audio',
      data.size === 0
        ? 'no audio data (the data chunk is empty)'
        : `no audio data (the data chunk holds ${data.size} bytes, less than one ${frameBytes}-byte frame)`,
    );
  }
  const seconds = frameCount / format.sampleRate;
  const maxSeconds = options.maxDurationSeconds ?? Number.POSITIVE_INFINITY;
  if (seconds > maxSeconds) {
    throw fail(
      'too-long',
      `too long (${formatDuration(seconds, true)}; at most ${formatDuration(maxSeconds)})`,
    );
  }

  const channels: Float32Array[] = [];
  for (let c = 0; c < format.channelCount; c++) {
    channels.push(
      decodeChannel(view, format, data.start + c * bytesPerSample, frameBytes, frameCount, bytesPerSample),
    );
  }
  return {
    sampleRate: format.sampleRate,
    channels,
    encoding: format.encoding,
    bitsPerSample: format.bitsPerSample,
    isTruncated: data.isTruncated,
  };
}

function parseFormat(
  view: DataView,
  body: number,
  size: number,
  fail: (code: 'bad-header' | 'unsupported-format', reason: string) => AudioFileError,
): FormatChunk {
  if (size < 16) {
    throw fail('bad-header', `the format description is too short (${size} bytes, at least 16 expected)`);
  }
  let tag = view.getUint16(body, true);
  const channelCount = view.getUint16(body + 2, true);
  const sampleRate = view.getUint32(body + 4, true);
  // Block align (body + 12) is not used: the frame size follows from channels and bits, and
  // writers that get the two out of step get block align wrong, not the samples.
  const bitsPerSample = view.getUint16(body + 14, true);

  if (tag === WAVE_FORMAT_EXTENSIBLE) {
    if (size < 40) {
      throw fail('bad-header', `the extensible format description is too short (${size} bytes, 40 expected)`);
    }
    const subFormat = view.getUint32(body + 24, true);
    const isKnownFamily =
      subFormat <= 0xffff && SUBTYPE_GUID_TAIL.every((b, i) => view.getUint8(body + 28 + i) === b);
    if (!isKnownFamily) {
      throw fail('unsupported-format', `the sub-format ${guidText(view, body + 24)} is not supported`);
    }
    // The valid-bits field (body + 18) only says how many of the container's top bits carry
    // signal; decoding the whole container gives the same value, so it needs no handling.
    tag = subFormat;
  }

  const encoding = encodingOf(tag);
  if (encoding === undefined) {
    const known = FORMAT_NAMES[tag];
    const what = known ?? `format 0x${tag.toString(16).padStart(4, '0')}`;
    throw fail('unsupported-format', `${what} audio is not supported (save the prompt as 16-bit PCM WAV)`);
  }
  if (channelCount === 0) throw fail('bad-header', 'the header says the file has 0 channels');
  if (sampleRate === 0) throw fail('bad-header', 'the header says the sample rate is 0 Hz');
  if (sampleRate > MAX_WAV_SAMPLE_RATE) {
    throw fail(
      'unsupported-format',
      `a sample rate of ${sampleRate} Hz is not supported (at most ${MAX_WAV_SAMPLE_RATE} Hz)`,
    );
  }
  const allowedBits = { pcm: [8, 16, 24, 32], float: [32, 64], alaw: [8], mulaw: [8] }[encoding];
  if (!allowedBits.includes(bitsPerSample)) {
    const kind = { pcm: '', float: ' floating-point', alaw: ' A-law', mulaw: ' µ-law' }[encoding];
    throw fail('unsupported-format', `${bitsPerSample}-bit${kind} samples are not supported`);
  }
  return { encoding, channelCount, sampleRate, bitsPerSample };
}

function encodingOf(tag: number): WavEncoding | undefined {
  switch (tag) {
    case WAVE_FORMAT_PCM:
      return 'pcm';
    case WAVE_FORMAT_IEEE_FLOAT:
      return 'float';
    case WAVE_FORMAT_ALAW:
      return 'alaw';
    case WAVE_FORMAT_MULAW:
      return 'mulaw';
    default:
      return undefined;
  }
}

/** G.711 decoding tables, built once: 256 entries each, scaled like 16-bit PCM. */
const alawTable = g711Table((code) => g711.alaw.decodeSample(code));
const mulawTable = g711Table((code) => g711.mulaw.decodeSample(code));

function g711Table(decode: (code: number) => number): Float32Array {
  const table = new Float32Array(256);
  for (let code = 0; code < 256; code++) table[code] = decode(code) / 32768;
  return table;
}

function decodeChannel(
  view: DataView,
  format: FormatChunk,
  first: number,
  stride: number,
  frameCount: number,
  bytesPerSample: number,
): Float32Array {
  const out = new Float32Array(frameCount);
  const end = first + frameCount * stride;
  let i = 0;
  switch (`${format.encoding}${bytesPerSample * 8}`) {
    case 'pcm8':
      // 8-bit WAV is the one unsigned format: 128 is silence.
      for (let at = first; at < end; at += stride) out[i++] = (view.getUint8(at) - 128) / 128;
      break;
    case 'pcm16':
      for (let at = first; at < end; at += stride) out[i++] = view.getInt16(at, true) / 32768;
      break;
    case 'pcm24':
      for (let at = first; at < end; at += stride) {
        // The top byte is read signed, which sign-extends the 24-bit value.
        const value = (view.getInt8(at + 2) << 16) | (view.getUint8(at + 1) << 8) | view.getUint8(at);
        out[i++] = value / 8388608;
      }
      break;
    case 'pcm32':
      for (let at = first; at < end; at += stride) out[i++] = view.getInt32(at, true) / 2147483648;
      break;
    case 'float32':
      for (let at = first; at < end; at += stride) out[i++] = finite(view.getFloat32(at, true));
      break;
    case 'float64':
      // A double beyond the float range becomes Infinity here, and so 0: it was garbage anyway.
      for (let at = first; at < end; at += stride) out[i++] = finite(Math.fround(view.getFloat64(at, true)));
      break;
    case 'alaw8':
      for (let at = first; at < end; at += stride) out[i++] = alawTable[view.getUint8(at)] ?? 0;
      break;
    case 'mulaw8':
      for (let at = first; at < end; at += stride) out[i++] = mulawTable[view.getUint8(at)] ?? 0;
      break;
  }
  return out;
}

function finite(x: number): number {
  return Number.isFinite(x) ? x : 0;
}

function fourCc(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + 4));
}

function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?');
}

/** What the first bytes say, with a hint for the formats people mistake for WAV. */
function describeStart(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 4);
  const ascii = String.fromCharCode(...head);
  const readable = /^[\x20-\x7e]*/.exec(ascii)?.[0] ?? '';
  const shown =
    readable.length >= 2
      ? `'${readable}'`
      : [...head].map((b) => `0x${b.toString(16).padStart(2, '0').toUpperCase()}`).join(' ');
  const first = bytes[0] ?? 0;
  const second = bytes[1] ?? 0;
  let hint = '';
  if (ascii.startsWith('ID3') || (first === 0xff && (second & 0xe0) === 0xe0)) hint = 'it looks like an MP3';
  else if (ascii === 'OggS') hint = 'it looks like an Ogg (Vorbis or Opus) file';
  else if (ascii === 'fLaC') hint = 'it looks like a FLAC file';
  else if (ascii === 'FORM') hint = 'it looks like an AIFF file';
  else if (String.fromCharCode(...bytes.subarray(4, 8)) === 'ftyp') hint = 'it looks like an MP4/M4A file';
  return hint ? `starts with ${shown}; ${hint}` : `starts with ${shown}`;
}

function guidText(view: DataView, at: number): string {
  const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0').toUpperCase();
  const tail = Array.from({ length: 8 }, (_, i) => hex(view.getUint8(at + 8 + i), 2)).join('');
  return `{${hex(view.getUint32(at, true), 8)}-${hex(view.getUint16(at + 4, true), 4)}-${hex(
    view.getUint16(at + 6, true),
    4,
  )}-${tail.slice(0, 4)}-${tail.slice(4)}}`;
}

/** "1.5 s", "3 min 20 s"; rounded up for a file's length, so it never reads as equal to the limit. */
function formatDuration(seconds: number, roundUp = false): string {
  const round = roundUp ? Math.ceil : Math.round;
  if (seconds < 60) return `${round(seconds * 100) / 100} s`;
  const whole = round(seconds);
  const rest = whole % 60;
  return rest === 0 ? `${whole / 60} min` : `${Math.floor(whole / 60)} min ${rest} s`;
}
