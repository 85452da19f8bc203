import decodeAudio from 'audio-decode';
import { AudioFileError } from './audio-file-error.js';

/** Decoded audio: one array per channel, samples in [-1, 1]. */
export interface DecodedAudio {
  sampleRate: number;
  channels: Float32Array[];
}

/**
 * The part of the Web Audio AudioBuffer that audio-decode returns and we read (its typings name
 * the DOM type, which the engine compiles without).
 */
interface DecodedBuffer {
  readonly numberOfChannels: number;
  readonly sampleRate: number;
  readonly length: number;
  getChannelData(channel: number): Float32Array;
}

/** The compressed formats an upload may be, by their first bytes. */
export type CompressedFormat = 'mp3' | 'ogg' | 'flac';

export function sniffCompressedFormat(bytes: Uint8Array): CompressedFormat | undefined {
  const ascii = (from: number, length: number): string =>
    String.fromCharCode(...bytes.subarray(from, from + length));
  if (ascii(0, 3) === 'ID3') return 'mp3';
  // An MPEG audio frame starts with 11 set sync bits (ISO/IEC 11172-3 §2.4.2.3).
  if (bytes.length > 1 && bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0) return 'mp3';
  if (ascii(0, 4) === 'OggS') return 'ogg';
  if (ascii(0, 4) === 'fLaC') return 'flac';
  return undefined;
}

/**
 * MP3, OGG (Vorbis or Opus) and FLAC through audio-decode (WebAssembly decoders, nothing
 * native to build). Any failure becomes an {@link AudioFileError} that names the file.
 */
export async function decodeCompressedAudio(
  bytes: Uint8Array,
  name: string,
  maxDurationSeconds: number,
): Promise<DecodedAudio> {
  const format = sniffCompressedFormat(bytes);
  if (!format) {
    const start = Array.from(bytes.subarray(0, 4), (b) =>
      b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.',
    ).join('');
    throw new AudioFileError(
      name,
      'unsupported-container',
      `not a WAV, MP3, OGG or FLAC file (starts with '${start}')`,
    );
  }
  let buffer: DecodedBuffer;
  try {
    buffer = await decodeAudio(bytes);
  } catch (error) {
    throw new AudioFileError(
      name,
      'undecodable',
      `the ${format.toUpperCase()} data cannot be decoded (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!buffer || buffer.length === 0 || buffer.numberOfChannels === 0) {
    throw new AudioFileError(name, 'no-audio', `the ${format.toUpperCase()} file holds no audio`);
  }
  if (buffer.length / buffer.sampleRate > maxDurationSeconds) {
    throw new AudioFileError(name, 'too-long', `longer than ${maxDurationSeconds} s`);
  }
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, i) => buffer.getChannelData(i));
  return { sampleRate: buffer.sampleRate, channels };
}
