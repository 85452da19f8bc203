import { describe, expect, it } from 'vitest';
import { waveformPeaks } from './waveform-peaks.js';

describe('waveform peaks', () => {
  it('gives the loudest sample of each slice, either sign, as a fraction of full scale', () => {
    const samples = Int16Array.from([0, 100, -200, 50, 32767, 0, -32768, 16384]);
    expect(waveformPeaks(samples, 4)).toEqual([100 / 32767, 200 / 32767, 1, 1]);
  });

  it('shows silence as flat and a quiet recording as quiet', () => {
    expect(waveformPeaks(new Int16Array(800), 8)).toEqual(Array(8).fill(0));
    const quiet = Int16Array.from({ length: 800 }, (_, i) => (i % 2 ? 328 : -328));
    for (const peak of waveformPeaks(quiet, 8)) expect(peak).toBeCloseTo(0.01, 3);
  });

  it('spreads samples that do not divide evenly over every bar', () => {
    const samples = Int16Array.from({ length: 10 }, (_, i) => i * 1000);
    const peaks = waveformPeaks(samples, 3);
    expect(peaks).toHaveLength(3);
    expect(peaks.map((p) => Math.round(p * 32767))).toEqual([2000, 5000, 9000]);
  });

  it('gives one bar per sample when there are fewer samples than bars, and none for nothing', () => {
    expect(waveformPeaks(Int16Array.from([32767, 0]), 100)).toEqual([1, 0]);
    expect(waveformPeaks(new Int16Array(0), 100)).toEqual([]);
    expect(waveformPeaks(Int16Array.from([1, 2]), 0)).toEqual([]);
  });
});
