/**
 * Reading back what a phone heard: WAV recordings (baresip's sndfile module writes the decoded
 * audio of each call) and where in them a tone of a given frequency sounds, to the millisecond.
 */
import { readFileSync } from 'node:fs';

export interface PcmRecording {
  sampleRate: number;
  /** Mono samples (the first channel, if there are more). */
  samples: Int16Array;
}

/** Reads a 16-bit PCM WAV file, walking its chunks (libsndfile may add some before `data`). */
export function readPcmWav(path: string): PcmRecording {
  const file = readFileSync(path);
  if (
    file.length < 12 ||
    file.toString('latin1', 0, 4) !== 'RIFF' ||
    file.toString('latin1', 8, 12) !== 'WAVE'
  ) {
    throw new Error(`${path}: not a RIFF/WAVE file`);
  }
  let format: { channels: number; sampleRate: number; bits: number; tag: number } | undefined;
  let offset = 12;
  while (offset + 8 <= file.length) {
    const id = file.toString('latin1', offset, offset + 4);
    const declared = file.readUInt32LE(offset + 4);
    const body = offset + 8;
    // A file still being written may declare 0 (or too much) for `data`: take what is there.
    const size =
      id === 'data' && (declared === 0 || body + declared > file.length) ? file.length - body : declared;
    if (id === 'fmt ') {
      format = {
        tag: file.readUInt16LE(body),
        channels: file.readUInt16LE(body + 2),
        sampleRate: file.readUInt32LE(body + 4),
        bits: file.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!format) throw new Error(`${path}: data chunk before fmt chunk`);
      // 1 = PCM; 0xfffe = WAVE_FORMAT_EXTENSIBLE (its sub-format is PCM for 16-bit integers).
      if ((format.tag !== 1 && format.tag !== 0xfffe) || format.bits !== 16) {
        throw new Error(`${path}: not 16-bit PCM (format ${format.tag}, ${format.bits} bits)`);
      }
      const frameBytes = 2 * format.channels;
      const samples = new Int16Array(Math.floor(size / frameBytes));
      for (let i = 0; i < samples.length; i++) samples[i] = file.readInt16LE(body + i * frameBytes);
      return { sampleRate: format.sampleRate, samples };
    }
    offset = body + size + (size % 2); // chunks are padded to an even length
  }
  throw new Error(`${path}: no data chunk`);
}

export interface ToneBurst {
  /** Where the tone starts and ends, ms from the start of the recording. */
  startMs: number;
  endMs: number;
  durationMs: number;
  /** Its frequency measured from zero crossings, Hz. */
  frequencyHz: number;
  /** Its amplitude (peak of the sine), in sample units. */
  amplitude: number;
  /** Set when the tone was already on when the recording began, or still on when it ended. */
  clipped?: 'start' | 'end';
}

export interface ToneSearchOptions {
  /** Analysis window, ms (default 10: whole periods of any multiple of 100 Hz at 8 kHz). */
  windowMs?: number;
  /** Hop between windows, ms (default 1). */
  hopMs?: number;
  /** Quietest tone that counts, as a sine's peak in sample units (default 500, about −36 dBFS). */
  minAmplitude?: number;
  /**
   * Share of the energy the tone must hold in every window well inside a burst (default 0.8): a
   * chord, speech or noise around the frequency is no tone.
   */
  minPurity?: number;
}

/**
 * Finds the bursts of a sine at `frequencyHz`. A Goertzel filter over a sliding window measures
 * the tone's amplitude every hop; a window is "on" when that reaches half the loudest amplitude
 * found, so a burst's edges sit where a window centred on them is half tone, half silence: within
 * about a hop of the true edges. (A window's purity falls with its share of silence, so it only
 * judges windows wholly inside a burst.) Gaps shorter than a window are bridged. A burst that
 * touches an end of the recording is cut there and marked `clipped`.
 */
export function findToneBursts(
  recording: PcmRecording,
  frequencyHz: number,
  options: ToneSearchOptions = {},
): ToneBurst[] {
  const { sampleRate, samples } = recording;
  const window = Math.round(((options.windowMs ?? 10) * sampleRate) / 1000);
  const hop = Math.max(1, Math.round(((options.hopMs ?? 1) * sampleRate) / 1000));
  const minAmplitude = options.minAmplitude ?? 500;
  const minPurity = options.minPurity ?? 0.8;
  const coefficient = 2 * Math.cos((2 * Math.PI * frequencyHz) / sampleRate);

  const centres: number[] = [];
  const amplitudes: number[] = [];
  const purities: number[] = [];
  for (let start = 0; start + window <= samples.length; start += hop) {
    let s1 = 0;
    let s2 = 0;
    let energy = 0;
    for (let i = start; i < start + window; i++) {
      const x = samples[i] ?? 0;
      const s0 = x + coefficient * s1 - s2;
      s2 = s1;
      s1 = s0;
      energy += x * x;
    }
    const power = s1 * s1 + s2 * s2 - coefficient * s1 * s2; // |X(k)|²
    const amplitude = (2 * Math.sqrt(Math.max(power, 0))) / window;
    // A sine of amplitude A holds energy A²·N/2 in the window.
    const toneEnergy = (amplitude * amplitude * window) / 2;
    centres.push(start + window / 2);
    amplitudes.push(amplitude);
    purities.push(energy > 0 ? toneEnergy / energy : 0);
  }
  let loudest = 0;
  amplitudes.forEach((a, i) => {
    if ((purities[i] ?? 0) >= minPurity && a > loudest) loudest = a;
  });
  if (loudest < minAmplitude) return [];
  const on = amplitudes.map((a) => a >= loudest / 2);

  const bursts: ToneBurst[] = [];
  const maxGap = Math.ceil(window / hop);
  const margin = Math.ceil(window / hop / 2); // windows at an edge are partly silence
  let i = 0;
  while (i < on.length) {
    if (!on[i]) {
      i++;
      continue;
    }
    const first = i;
    let last = i;
    for (let j = i + 1; j < on.length && j - last <= maxGap; j++) if (on[j]) last = j;
    i = last + 1;
    const inner = purities.slice(first + margin, last - margin + 1);
    if (inner.length === 0 || inner.some((p) => p < minPurity)) continue; // not a clean tone
    const clipped = first === 0 ? 'start' : last === on.length - 1 ? 'end' : undefined;
    const startSample = first === 0 ? 0 : (centres[first] ?? 0);
    const endSample = last === on.length - 1 ? samples.length : (centres[last] ?? 0);
    bursts.push({
      startMs: (startSample * 1000) / sampleRate,
      endMs: (endSample * 1000) / sampleRate,
      durationMs: ((endSample - startSample) * 1000) / sampleRate,
      frequencyHz: zeroCrossingFrequency(samples.subarray(startSample, endSample), sampleRate),
      amplitude: Math.max(...amplitudes.slice(first, last + 1)),
      ...(clipped ? { clipped } : {}),
    });
  }
  return bursts;
}
/** Frequency from the time between the first and last upward zero crossing, Hz. */
function zeroCrossingFrequency(samples: Int16Array, sampleRate: number): number {
  let first: number | undefined;
  let last = 0;
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) {
    const before = samples[i - 1] ?? 0;
    const now = samples[i] ?? 0;
    if (before < 0 && now >= 0) {
      // Interpolate where the sine crosses zero between the two samples.
      const at = i - 1 + -before / (now - before);
      first ??= at;
      last = at;
      crossings++;
    }
  }
  if (first === undefined || crossings < 2) return 0;
  return ((crossings - 1) * sampleRate) / (last - first);
}
