import { describe, expect, it } from 'vitest';
import { floatToInt16, mixToMono } from './mixdown.js';

describe('mixToMono', () => {
  it('averages the channels', () => {
    const left = Float32Array.of(1, 0.5, -1, 0);
    const right = Float32Array.of(1, -0.5, -1, 0.25);
    expect(Array.from(mixToMono([left, right]))).toEqual([1, 0, -1, 0.125]);
    const six = [0, 1, 2, 3, 4, 5].map((c) => Float32Array.of(c / 8));
    expect(mixToMono(six)[0]).toBeCloseTo(2.5 / 8, 7);
  });

  it('never clips: full-scale channels in phase stay at full scale', () => {
    const peak = Float32Array.of(1, -1, 1, -1);
    expect(Array.from(mixToMono([peak, peak, peak]))).toEqual([1, -1, 1, -1]);
  });

  it('returns a copy for one channel, and leaves its input untouched', () => {
    const left = Float32Array.of(0.1, 0.2);
    const right = Float32Array.of(0.3, 0.4);
    const mono = mixToMono([left]);
    expect(mono).not.toBe(left);
    expect(mono).toEqual(left);
    mixToMono([left, right]);
    expect(Array.from(left)).toEqual([Math.fround(0.1), Math.fround(0.2)]);
    expect(Array.from(right)).toEqual([Math.fround(0.3), Math.fround(0.4)]);
  });

  it('refuses no channels, or channels of different lengths', () => {
    expect(() => mixToMono([])).toThrow(RangeError);
    expect(() => mixToMono([new Float32Array(2), new Float32Array(3)])).toThrow(RangeError);
  });
});

describe('floatToInt16 without dither', () => {
  it('round-trips every 16-bit value exactly (full scale 32768)', () => {
    const all = new Float32Array(65536);
    for (let i = 0; i < 65536; i++) all[i] = (i - 32768) / 32768;
    const back = floatToInt16(all, { dither: 'none' });
    for (let i = 0; i < 65536; i++) if (back[i] !== i - 32768) expect(back[i]).toBe(i - 32768);
  });

  it('rounds to nearest, halves away from zero, so rounding adds no DC', () => {
    const lsb = 1 / 32768;
    const input = Float32Array.of(
      0.4 * lsb,
      0.5 * lsb,
      0.6 * lsb,
      -0.4 * lsb,
      -0.5 * lsb,
      -0.6 * lsb,
      2.5 * lsb,
    );
    expect(Array.from(floatToInt16(input, { dither: 'none' }))).toEqual([0, 1, 1, 0, -1, -1, 3]);
  });

  it('clips to the 16-bit range and turns NaN into silence', () => {
    const input = Float32Array.of(
      1,
      -1,
      1.5,
      -7,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NaN,
    );
    expect(Array.from(floatToInt16(input, { dither: 'none' }))).toEqual([
      32767, -32768, 32767, -32768, 32767, -32768, 0,
    ]);
  });
});

describe('floatToInt16 with TPDF dither (the default)', () => {
  const n = 200_000;

  it('adds error within ±1 LSB before rounding, of mean 0 and power 1/4 LSB²', () => {
    // A level between two codes: plain rounding would always give 0 (an error of 0.3 LSB, i.e.
    // distortion); dither makes the average output equal the input.
    const input = new Float32Array(n).fill(0.3 / 32768);
    const out = floatToInt16(input);
    let sum = 0;
    let power = 0;
    let worst = 0;
    for (const v of out) {
      worst = Math.max(worst, Math.abs(v - 0.3));
      sum += v;
      power += (v - 0.3) ** 2;
    }
    // Dither within (−1, 1) LSB, then rounding by at most ½.
    expect(worst).toBeLessThan(1.5);
    expect(sum / n).toBeCloseTo(0.3, 2);
    // Rounding (1/12) plus triangular dither (1/6): 1/4 LSB², as Lipshitz et al. (1992) give.
    expect(power / n).toBeCloseTo(0.25, 2);
  });

  it('is reproducible: the same input and seed give the same bytes', () => {
    const input = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i / 10) * 0.5);
    expect(floatToInt16(input)).toEqual(floatToInt16(input));
    expect(floatToInt16(input, { seed: 1 })).not.toEqual(floatToInt16(input, { seed: 2 }));
  });

  it('still clips, and leaves its input untouched', () => {
    const input = Float32Array.of(1, -1, 2, -2);
    const out = floatToInt16(input);
    expect(out[2]).toBe(32767);
    expect(out[3]).toBe(-32768);
    expect(out[0]).toBeGreaterThanOrEqual(32766);
    expect(out[1]).toBeLessThanOrEqual(-32767);
    expect(Array.from(input)).toEqual([1, -1, 2, -2]);
  });
});
