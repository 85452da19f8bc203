import { describe, expect, it } from 'vitest';
import { fitTone } from '../../../test/support/tone-fit.js';
import { Resampler, resample } from './resampler.js';

// Measurements with pure tones: a tone's level is fitted by least squares (exact for a pure tone,
// whatever the window), and what is left after removing it is aliasing, imaging or distortion.
// Output samples within one filter half-length of either end are skipped: there the tone starts
// or stops abruptly, which is broadband by nature.

function tone(frequency: number, rate: number, length: number, amplitude = 0.5): Float32Array {
  const x = new Float32Array(length);
  for (let i = 0; i < length; i++) x[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / rate);
  return x;
}

function rms(y: Float32Array, skip: number): number {
  let sum = 0;
  for (let i = skip; i < y.length - skip; i++) sum += y[i]! ** 2;
  return Math.sqrt(sum / (y.length - 2 * skip));
}

const dB = (ratio: number): number => 20 * Math.log10(ratio);
const TONE_RMS = 0.5 / Math.SQRT2;

/** Output samples to ignore at each end. */
const edge = (r: Resampler): number => Math.ceil(((r.tapsPerPhase / 2) * r.outputRate) / r.inputRate) + 2;

const DOWN_RATES = [44100, 48000, 22050, 16000, 11025];

describe('Resampler to 8 kHz: passband', () => {
  it.each(DOWN_RATES)('%i Hz: 100 Hz to 3.4 kHz keep their level within ±0.1 dB, undelayed', (rate) => {
    const r = new Resampler(rate, 8000);
    for (const f of [100, 1000, 2000, 3000, 3400]) {
      const fit = fitTone(r.process(tone(f, rate, rate)), f, 8000, edge(r));
      expect(Math.abs(dB(fit.amplitude / 0.5)), `${f} Hz level`).toBeLessThan(0.1);
      expect(Math.abs(fit.phase), `${f} Hz phase`).toBeLessThan(1e-3);
      expect(dB(fit.residual / TONE_RMS), `${f} Hz residual`).toBeLessThan(-80);
    }
  });

  it('keeps a constant exactly constant (unit DC gain in every phase)', () => {
    const out = resample(new Float32Array(44100).fill(0.25), 44100, 8000);
    const r = new Resampler(44100, 8000);
    for (let i = edge(r); i < out.length - edge(r); i++) expect(out[i]).toBeCloseTo(0.25, 6);
  });
});

describe('Resampler to 8 kHz: stopband', () => {
  const cases: [rate: number, frequencies: number[]][] = [
    [44100, [4010, 4050, 4200, 5000, 6000, 8000, 10000, 15000, 20000, 22000]],
    [48000, [4010, 4050, 4200, 5000, 6000, 8000, 10000, 15000, 20000, 23900]],
    [22050, [4010, 4050, 5000, 6000, 7000, 10000]],
    [16000, [4010, 4050, 4500, 5000, 7000, 7900]],
    [11025, [4010, 4050, 4500, 5000, 5500]],
  ];
  // Not 4000 Hz itself: a zero-phase filter's output of a tone at exactly Nyquist is
  // sin(πm) = 0 whatever its gain, so that tone would prove nothing.
  it.each(cases)('%i Hz: tones from 4 kHz up are ≥ 80 dB down after resampling', (rate, frequencies) => {
    const r = new Resampler(rate, 8000);
    for (const f of frequencies) {
      const level = dB(rms(r.process(tone(f, rate, rate)), edge(r)) / TONE_RMS);
      expect(level, `${f} Hz`).toBeLessThan(-80);
    }
  });
});

describe('Resampler: upsampling 6 kHz → 8 kHz', () => {
  it('keeps tones up to 2.5 kHz within ±0.1 dB and their images ≥ 80 dB down', () => {
    const r = new Resampler(6000, 8000);
    for (const f of [100, 1000, 2000, 2500]) {
      // Imaging would put a copy of f at 6000 − f Hz, inside the 8 kHz band: the residual holds it.
      const fit = fitTone(r.process(tone(f, 6000, 6000)), f, 8000, edge(r));
      expect(Math.abs(dB(fit.amplitude / 0.5)), `${f} Hz level`).toBeLessThan(0.1);
      expect(dB(fit.residual / TONE_RMS), `${f} Hz residual`).toBeLessThan(-80);
    }
  });
});

describe('Resampler: arbitrary ratios', () => {
  it('interpolates between phases when the exact ones are too many, losing no quality', () => {
    // 96001 and 8000 share no factor: 8000 exact phases of 916 taps would not fit the table.
    const r = new Resampler(96001, 8000);
    expect(r.isInterpolated).toBe(true);
    const passed = fitTone(r.process(tone(3400, 96001, 96001)), 3400, 8000, edge(r));
    expect(Math.abs(dB(passed.amplitude / 0.5))).toBeLessThan(0.1);
    expect(dB(passed.residual / TONE_RMS)).toBeLessThan(-80);
    for (const f of [4010, 5000, 12345, 40000]) {
      expect(dB(rms(r.process(tone(f, 96001, 96001)), edge(r)) / TONE_RMS), `${f} Hz`).toBeLessThan(-80);
    }
  });

  it('gives the same output, within −100 dB, from exact and from interpolated phases', () => {
    const exact = new Resampler(44100, 8000);
    const interpolated = new Resampler(44100, 8000, { maxTableSize: 4096 });
    expect([exact.isInterpolated, interpolated.isInterpolated]).toEqual([false, true]);
    const input = tone(1234, 44100, 44100);
    const a = exact.process(input);
    const b = interpolated.process(input);
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
    expect(dB(worst / 0.5)).toBeLessThan(-100);
  });

  it('honours custom band edges (a 16 kHz wideband target)', () => {
    const r = new Resampler(48000, 16000, { passbandHz: 7000, stopbandHz: 8000 });
    const kept = fitTone(r.process(tone(7000, 48000, 48000)), 7000, 16000, edge(r));
    expect(Math.abs(dB(kept.amplitude / 0.5))).toBeLessThan(0.1);
    expect(dB(rms(r.process(tone(9000, 48000, 48000)), edge(r)) / TONE_RMS)).toBeLessThan(-80);
  });

  it('copies the input unchanged when the rates are equal', () => {
    const input = tone(1000, 8000, 100);
    const out = resample(input, 8000, 8000);
    expect(out).not.toBe(input);
    expect(out).toEqual(input);
  });

  it('refuses rates and band edges that make no sense', () => {
    expect(() => new Resampler(0, 8000)).toThrow(RangeError);
    expect(() => new Resampler(44100.5, 8000)).toThrow(RangeError);
    expect(() => new Resampler(44100, -8000)).toThrow(RangeError);
    expect(() => new Resampler(44100, Number.NaN)).toThrow(RangeError);
    expect(() => new Resampler(44100, 8000, { passbandHz: 4000, stopbandHz: 3400 })).toThrow(RangeError);
    expect(() => new Resampler(44100, 8000, { attenuationDb: 1000 })).toThrow(RangeError);
    // A ratio needing a filter longer than any real one is refused, not allocated.
    expect(() => new Resampler(100_000_000, 8000)).toThrow(RangeError);
  });
});

describe('Resampler: length and duration', () => {
  it.each([...DOWN_RATES, 6000])(
    '%i Hz: 1.000 s, 2.345 s and 59.999 s last as long at 8 kHz (±1 ms)',
    (rate) => {
      const r = new Resampler(rate, 8000);
      for (const seconds of [1, 2.345, 59.999]) {
        const length = Math.round(seconds * rate);
        const expected = Math.round((length * 8000) / rate);
        expect(r.outputLength(length)).toBe(expected);
        expect(Math.abs(expected / 8000 - length / rate)).toBeLessThan(0.001);
      }
      // And the arrays really are that long (one full run per rate; zeros are as costly as speech).
      const input = new Float32Array(Math.round(59.999 * rate));
      const output = r.process(input);
      expect(output.length).toBe(Math.round((input.length * 8000) / rate));
      expect(Math.abs(output.length / 8000 - 59.999)).toBeLessThan(0.001);
    },
  );

  it('rounds the length to the nearest output sample', () => {
    const r = new Resampler(44100, 8000);
    expect([0, 1, 2, 3, 5, 6, 441, 442].map((n) => r.outputLength(n))).toEqual([0, 0, 0, 1, 1, 1, 80, 80]);
    expect(resample(new Float32Array(0), 44100, 8000)).toHaveLength(0);
    expect(resample(new Float32Array(1), 6000, 8000)).toHaveLength(1);
  });
});

describe('Resampler: the caller’s array', () => {
  it('is never written to, and the output is a new array', () => {
    const input = tone(5000, 48000, 4800, 0.9);
    const before = input.slice();
    const out = resample(input, 48000, 8000);
    expect(input).toEqual(before);
    expect(out.buffer).not.toBe(input.buffer);
    const upsampled = resample(input, 48000, 96000);
    expect(input).toEqual(before);
    expect(upsampled).toHaveLength(9600);
  });
});
