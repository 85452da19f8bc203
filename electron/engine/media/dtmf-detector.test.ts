import { describe, expect, it } from 'vitest';
import type { DtmfDetection, DtmfDetectorOptions } from './dtmf-detector.js';
import { DtmfDetector } from './dtmf-detector.js';
import type { DtmfDigit } from './dtmf-digit.js';
import { DTMF_DIGITS, dtmfFrequencies } from './dtmf-digit.js';
import { decodeG711, encodeG711 } from './g711.js';

// ─── Test signals, all generated in code ─────────────────────────────────────────────────────

const RATE = 8000;
/** Peak of a 0 dBm0 sine in 16-bit PCM (G.711: a full-scale sine is +3.14 dBm0). */
const ZERO_DBM0_PEAK = 32768 * 10 ** (-3.14 / 20);

function peak(dbm0: number): number {
  return ZERO_DBM0_PEAK * 10 ** (dbm0 / 20);
}

/** Deterministic PRNG (mulberry32), so that every run hears the same noise and vowels. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

interface ToneOptions {
  /** Level of each tone, dBm0 (default −10). */
  readonly level?: number;
  /** Low group above high group, dB (negative: reverse twist). */
  readonly twistDb?: number;
  /** Relative frequency error of both tones, e.g. 0.015. */
  readonly offset?: number;
  /** Second harmonics of both tones, dB relative to each tone. */
  readonly harmonicsDb?: number;
}

class Signal {
  readonly samples: Float64Array;

  constructor(ms: number) {
    this.samples = new Float64Array(Math.round((ms * RATE) / 1000));
  }

  /** Adds a key's tone pair at `atMs` (fractional ms allowed: alignment matters). */
  tone(atMs: number, digit: DtmfDigit, ms: number, options: ToneOptions = {}): this {
    const [row, column] = dtmfFrequencies(digit);
    const level = options.level ?? -10;
    const twist = options.twistDb ?? 0;
    const scale = 1 + (options.offset ?? 0);
    const harmonic = options.harmonicsDb === undefined ? 0 : 10 ** (options.harmonicsDb / 20);
    const start = Math.round((atMs * RATE) / 1000);
    const n = Math.round((ms * RATE) / 1000);
    const parts: [frequency: number, amplitude: number, phase: number][] = [
      [row * scale, peak(level + twist / 2), start * 0.37],
      [column * scale, peak(level - twist / 2), start * 0.91],
    ];
    for (const [frequency, amplitude, phase] of parts) {
      for (let i = 0; i < n && start + i < this.samples.length; i++) {
        const w = (2 * Math.PI * frequency * i) / RATE + phase;
        this.samples[start + i] =
          (this.samples[start + i] ?? 0) + amplitude * (Math.sin(w) + harmonic * Math.sin(2 * w + 1));
      }
    }
    return this;
  }

  /** Adds white noise `snrDb` below the power of a tone pair at `level` dBm0 per tone. */
  noise(level: number, snrDb: number, random: () => number): this {
    const rms = peak(level) / 10 ** (snrDb / 20); // a pair of tones at A each has an RMS of A
    for (let i = 0; i < this.samples.length; i++)
      this.samples[i] = (this.samples[i] ?? 0) + rms * gaussian(random);
    return this;
  }

  pcm(): Int16Array {
    return Int16Array.from(this.samples, (x) => Math.max(-32768, Math.min(32767, Math.round(x))));
  }
}

type Formants = readonly [number, number, number];

/** F1–F3 of ten vowels (adult averages, Peterson & Barney style). */
const VOWELS: readonly Formants[] = [
  [730, 1090, 2440],
  [270, 2290, 3010],
  [300, 870, 2240],
  [530, 1840, 2480],
  [570, 840, 2410],
  [660, 1720, 2410],
  [640, 1190, 2390],
  [440, 1020, 2240],
  [390, 1990, 2550],
  [490, 1350, 1690],
];

/** Gain of a cascade of three formant resonances (bandwidths 80/100/140 Hz) at `f`. */
function formantGain(f: number, formants: Formants): number {
  const bandwidths = [80, 100, 140];
  let gain = 1;
  for (let i = 0; i < 3; i++) {
    const fi = formants[i] ?? 1000;
    const bi = bandwidths[i] ?? 100;
    gain *= (fi * fi) / Math.sqrt((fi * fi - f * f) ** 2 + (bi * f) ** 2);
  }
  return gain;
}

/**
 * Adds a voiced vowel: every harmonic of `f0(t)` below 3.8 kHz, falling 6 dB per octave (the
 * glottal source and lip radiation), shaped by the formants `formants(t)`, at an RMS of
 * `level` dBm0, with 20 ms onset and decay.
 */
function addVowel(
  signal: Signal,
  atMs: number,
  ms: number,
  f0: (t: number) => number,
  formants: (t: number) => Formants,
  level: number,
  random: () => number,
): void {
  const start = Math.round((atMs * RATE) / 1000);
  const n = Math.min(Math.round((ms * RATE) / 1000), signal.samples.length - start);
  const harmonics = 40;
  const phases = Float64Array.from({ length: harmonics }, () => random() * 2 * Math.PI);
  const gains = new Float64Array(harmonics);
  const out = new Float64Array(n);
  let base = 0;
  let frequency = 0;
  for (let i = 0; i < n; i++) {
    if (i % 40 === 0) {
      // Pitch and formants move slowly: update the harmonic amplitudes every 5 ms.
      const t = i / RATE;
      frequency = f0(t);
      const shape = formants(t);
      for (let h = 1; h < harmonics; h++)
        gains[h] = h * frequency < 3800 ? formantGain(h * frequency, shape) / h : 0;
    }
    base += (2 * Math.PI * frequency) / RATE;
    let x = 0;
    for (let h = 1; h < harmonics; h++) {
      const g = gains[h] ?? 0;
      if (g !== 0) x += g * Math.sin(h * base + (phases[h] ?? 0));
    }
    out[i] = x;
  }
  let power = 0;
  for (const x of out) power += x * x;
  const gain = peak(level) / Math.SQRT2 / Math.sqrt(power / n);
  for (let i = 0; i < n; i++) {
    const envelope = Math.min(1, i / 160, (n - i) / 160);
    signal.samples[start + i] = (signal.samples[start + i] ?? 0) + (out[i] ?? 0) * gain * envelope;
  }
}

function detect(pcm: Int16Array, options: Partial<DtmfDetectorOptions> = {}, chunk = 160): DtmfDetection[] {
  const found: DtmfDetection[] = [];
  const detector = new DtmfDetector({ ...options, onDigit: (d) => found.push(d) });
  for (let i = 0; i < pcm.length; i += chunk) detector.process(pcm.subarray(i, i + chunk));
  return found;
}

function digits(pcm: Int16Array, options: Partial<DtmfDetectorOptions> = {}): string {
  return detect(pcm, options)
    .map((d) => d.digit)
    .join('');
}

/** A dialled string: each key `toneMs` long, `pauseMs` apart, starting at 100 ms. */
function dialled(keys: string, toneMs: number, pauseMs: number, options: ToneOptions = {}): Signal {
  const signal = new Signal(200 + keys.length * (toneMs + pauseMs));
  [...keys].forEach((key, i) => signal.tone(100 + i * (toneMs + pauseMs), key as DtmfDigit, toneMs, options));
  return signal;
}

// ─── Tests ───────────────────────────────────────────────────────────────────────────────────

describe('DtmfDetector: detection', () => {
  it.each([-3, -10, -17, -25])('detects each of the 16 keys at %i dBm0, once, with its start', (level) => {
    for (const digit of DTMF_DIGITS) {
      const found = detect(new Signal(300).tone(100.3, digit, 50, { level }).pcm());
      expect(found.map((d) => d.digit)).toEqual([digit]);
      expect(Math.abs((found[0]?.startMs ?? 0) - 100.3)).toBeLessThanOrEqual(2.5);
    }
  });

  it.each(['PCMU', 'PCMA'] as const)('detects every key after a %s round trip, loud and quiet', (codec) => {
    for (const level of [-3, -25]) {
      const pcm = dialled(DTMF_DIGITS.join(''), 45, 45, { level }).pcm();
      expect(digits(decodeG711(codec, encodeG711(codec, pcm)))).toBe(DTMF_DIGITS.join(''));
    }
  });

  it('accepts 40 ms tones and rejects 30 ms ones, whatever their alignment to the analysis', () => {
    for (const digit of DTMF_DIGITS) {
      for (let shift = 0; shift < 2.5; shift += 0.25) {
        expect(digits(new Signal(200).tone(50 + shift, digit, 40).pcm())).toBe(digit);
        expect(digits(new Signal(200).tone(50 + shift, digit, 30).pcm())).toBe('');
      }
    }
  });

  it.each([
    [40, 40],
    [40, 50],
    [50, 40],
    [50, 50],
  ])('separates a dialled string of %i ms tones and %i ms pauses', (toneMs, pauseMs) => {
    const keys = '123A456B789C*0#D';
    expect(digits(dialled(keys, toneMs, pauseMs).pcm())).toBe(keys);
    // A repeated key is as many presses, when a 40 ms pause parts them.
    expect(digits(dialled('55500', toneMs, pauseMs).pcm())).toBe('55500');
  });

  it('bridges a dropout of 10 ms inside one press, and two keys with no pause between', () => {
    const dropout = new Signal(400).tone(100, '8', 60).tone(170, '8', 60).pcm();
    expect(digits(dropout)).toBe('8');
    expect(digits(new Signal(400).tone(100, '1', 60).tone(160, '2', 60).pcm())).toBe('12');
  });

  it('keeps twist within Q.24: 8 dB normal and 4 dB reverse pass, 10 and 6 dB do not', () => {
    const keys = DTMF_DIGITS.join('');
    expect(digits(dialled(keys, 50, 50, { twistDb: 8 }).pcm())).toBe(keys);
    expect(digits(dialled(keys, 50, 50, { twistDb: -4 }).pcm())).toBe(keys);
    expect(digits(dialled(keys, 50, 50, { twistDb: 10 }).pcm())).toBe('');
    expect(digits(dialled(keys, 50, 50, { twistDb: -6 }).pcm())).toBe('');
    // The limits are options.
    expect(digits(dialled(keys, 50, 50, { twistDb: -6 }).pcm(), { reverseTwistDb: 8 })).toBe(keys);
  });

  it.each([20, 15])('detects every key in white noise %i dB down, and nothing more', (snr) => {
    const random = randomSource(snr);
    const keys = DTMF_DIGITS.join('');
    for (const level of [-10, -20]) {
      for (const toneMs of [40, 50]) {
        const signal = dialled(keys, toneMs, 50, { level }).noise(level, snr, random);
        expect(digits(signal.pcm())).toBe(keys);
      }
    }
  });

  it('accepts a frequency error of ±1.5 % and rejects ±3.5 % (Q.24)', () => {
    const keys = DTMF_DIGITS.join('');
    for (const offset of [-0.015, 0.015]) expect(digits(dialled(keys, 45, 45, { offset }).pcm())).toBe(keys);
    for (const offset of [-0.035, 0.035]) expect(digits(dialled(keys, 45, 45, { offset }).pcm())).toBe('');
  });

  it('ignores tones below the minimum level', () => {
    const keys = DTMF_DIGITS.join('');
    expect(digits(dialled(keys, 50, 50, { level: -35 }).pcm())).toBe('');
    expect(digits(dialled(keys, 50, 50, { level: -35 }).pcm(), { minLevelDbm0: -40 })).toBe(keys);
  });

  it('honours longer minimum tone and pause options', () => {
    expect(digits(dialled('123', 50, 50).pcm(), { minToneMs: 70 })).toBe('');
    expect(digits(dialled('11', 50, 40).pcm(), { minPauseMs: 60 })).toBe('1');
  });

  it('gives the same result whatever the frame size, and starts over on reset', () => {
    const pcm = dialled('90#*', 45, 45).noise(-10, 20, randomSource(1)).pcm();
    const expected = detect(pcm);
    expect(expected.map((d) => d.digit).join('')).toBe('90#*');
    for (const chunk of [1, 7, 20, 333, pcm.length]) expect(detect(pcm, {}, chunk)).toEqual(expected);

    const found: DtmfDetection[] = [];
    const detector = new DtmfDetector({ onDigit: (d) => found.push(d) });
    detector.process(pcm.subarray(0, 800));
    detector.reset();
    detector.process(pcm);
    expect(found).toEqual(expected);
  });
});

describe('DtmfDetector: talk-off', () => {
  it('hears no key in a minute of synthetic speech: vowels on 100–250 Hz voices, gliding', () => {
    const random = randomSource(42);
    const signal = new Signal(60_000);
    let at = 0;
    let vowels = 0;
    while (at < 59_000) {
      const ms = 150 + random() * 350;
      const f0a = 100 + random() * 150;
      const f0b = 100 + random() * 150;
      const vibrato = random() * 6;
      const from = VOWELS[Math.floor(random() * VOWELS.length)] ?? [500, 1500, 2500];
      const to = VOWELS[Math.floor(random() * VOWELS.length)] ?? [500, 1500, 2500];
      const steady = random() < 0.3;
      const seconds = ms / 1000;
      addVowel(
        signal,
        at,
        ms,
        (t) => (steady ? f0a : f0a + ((f0b - f0a) * t) / seconds + vibrato * Math.sin(2 * Math.PI * 5 * t)),
        (t) => {
          const k = steady ? 0 : t / seconds;
          return [
            from[0] + (to[0] - from[0]) * k,
            from[1] + (to[1] - from[1]) * k,
            from[2] + (to[2] - from[2]) * k,
          ];
        },
        -8 - random() * 20,
        random,
      );
      at += ms + random() * 50;
      vowels++;
    }
    expect(vowels).toBeGreaterThan(150);
    expect(detect(signal.pcm())).toEqual([]);
  });

  it('hears no key in vowels tuned to each key: two harmonics within 1.2 % of its pair, under F1 and F2', () => {
    const random = randomSource(7);
    let seconds = 0;
    for (const digit of DTMF_DIGITS) {
      const [row, column] = dtmfFrequencies(digit);
      const voices: number[] = [];
      for (let f0 = 100; f0 <= 250; f0 += 0.25) {
        const nearRow = Math.abs(Math.round(row / f0) * f0 - row) / row < 0.012;
        const nearColumn = Math.abs(Math.round(column / f0) * f0 - column) / column < 0.012;
        if (nearRow && nearColumn && f0 - (voices.at(-1) ?? 0) > 1) voices.push(f0);
      }
      if (voices.length === 0) continue;
      const signal = new Signal(voices.length * 900);
      voices.forEach((f0, i) => {
        // Held steady (a sung vowel, 0.3 % vibrato), then gliding 8 % through the pair.
        addVowel(
          signal,
          i * 900,
          400,
          (t) => f0 * (1 + 0.003 * Math.sin(2 * Math.PI * 5 * t)),
          () => [row, column, 2500],
          -10,
          random,
        );
        addVowel(
          signal,
          i * 900 + 450,
          400,
          (t) => f0 * (0.96 + 0.2 * t),
          () => [row, column, 2500],
          -10,
          random,
        );
      });
      seconds += signal.samples.length / RATE;
      expect(detect(signal.pcm())).toEqual([]);
    }
    expect(seconds).toBeGreaterThan(20);
  });

  it('rejects a tone pair rich in second harmonics, as a voice or an overdriven line makes', () => {
    const keys = DTMF_DIGITS.join('');
    expect(digits(dialled(keys, 60, 60, { harmonicsDb: -12 }).pcm())).toBe('');
    expect(digits(dialled(keys, 60, 60, { harmonicsDb: -25 }).pcm())).toBe(keys);
  });
});
