/**
 * Uploaded WAV → what the engine plays: 8 kHz mono 16-bit PCM, ready for G.711 (ITU-T G.711
 * samples at 8000 Hz). Prompts are converted once, when saved, and stored with {@link writeWav};
 * the engine never converts during a call.
 *
 * Order of the steps, and why: mix down first (resampling one channel costs half of two), then
 * resample with the anti-alias filter (resampler.ts), then quantise to 16 bits last so that
 * rounding happens once.
 */
import { AudioFileError } from './audio-file-error.js';
import { decodeCompressedAudio, type DecodedAudio } from './compressed-audio.js';
import { floatToInt16, mixToMono } from './mixdown.js';
import { Resampler } from './resampler.js';
import { readWav, type WavAudio } from './wav-reader.js';

// Re-exported so that code storing prompts and recordings finds the writer beside the converter.
export { writeWav } from './wav-writer.js';

export const TELEPHONE_SAMPLE_RATE = 8000;

/** Longest prompt accepted by default: hold music runs minutes, nothing needs an hour. */
export const MAX_PROMPT_SECONDS = 60 * 60;

export interface TelephonePrompt {
  /** 8 kHz mono 16-bit PCM. */
  pcm: Int16Array;
  /** pcm.length / 8, exact (an 8 kHz sample is 0.125 ms, so this may have a fraction). */
  durationMs: number;
}

export interface ConvertOptions {
  /** Refuse longer files (default {@link MAX_PROMPT_SECONDS}). */
  maxDurationSeconds?: number;
}

/**
 * Decodes a WAV file of any rate, channel count and sample format, and converts it for the phone.
 * The input bytes are only read.
 * @param name the file's name, used only in error messages.
 * @throws AudioFileError when the file cannot be used, with a message fit for the user.
 */
export function convertWavToTelephone(
  bytes: Uint8Array,
  name: string,
  options: ConvertOptions = {},
): TelephonePrompt {
  const audio = readWav(bytes, name, {
    maxDurationSeconds: options.maxDurationSeconds ?? MAX_PROMPT_SECONDS,
  });
  // Dither only what leaves the 16-bit grid: a file that is already 8 kHz mono 16-bit (or 8-bit,
  // or G.711) must come out bit for bit as it went in.
  const isOnGrid =
    audio.sampleRate === TELEPHONE_SAMPLE_RATE && audio.channels.length === 1 && isAtMost16BitPcm(audio);
  return toTelephone(audio, name, isOnGrid);
}

/**
 * Any upload: WAV through our reader, MP3/OGG/Opus/FLAC through their decoders, then the same
 * mixdown, low-pass resampling and quantisation.
 */
export async function convertAudioToTelephone(
  bytes: Uint8Array,
  name: string,
  options: ConvertOptions = {},
): Promise<TelephonePrompt> {
  const isWav = String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF';
  if (isWav) return convertWavToTelephone(bytes, name, options);
  const audio = await decodeCompressedAudio(bytes, name, options.maxDurationSeconds ?? MAX_PROMPT_SECONDS);
  return toTelephone(audio, name, false);
}

function toTelephone(audio: DecodedAudio, name: string, isOnGrid: boolean): TelephonePrompt {
  const mono = mixToMono(audio.channels);
  const isResampled = audio.sampleRate !== TELEPHONE_SAMPLE_RATE;
  const telephone = isResampled ? new Resampler(audio.sampleRate, TELEPHONE_SAMPLE_RATE).process(mono) : mono;
  const pcm = floatToInt16(telephone, { dither: isOnGrid ? 'none' : 'tpdf' });
  if (pcm.length === 0) {
    const frames = audio.channels[0]?.length ?? 0;
    throw new AudioFileError(
      name,
      'no-audio',
      `the audio is too short to play (${frames} sample${frames === 1 ? '' : 's'} at ${audio.sampleRate} Hz)`,
    );
  }
  return { pcm, durationMs: (pcm.length * 1000) / TELEPHONE_SAMPLE_RATE };
}

function isAtMost16BitPcm(audio: WavAudio): boolean {
  return audio.encoding !== 'float' && audio.bitsPerSample <= 16;
}
