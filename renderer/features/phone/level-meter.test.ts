import { describe, expect, it } from 'vitest';
import { levelOf, meterLevel } from './level-meter.js';

describe('levelOf', () => {
  it('maps silence to 0, full scale to 1 and -30 dBFS to the middle', () => {
    expect(levelOf(new Float32Array(480))).toBe(0);
    expect(levelOf(new Float32Array(480).fill(1))).toBe(1);
    expect(levelOf(new Float32Array(480).fill(10 ** (-30 / 20)))).toBeCloseTo(0.5, 5);
    expect(levelOf(new Float32Array(0))).toBe(0);
  });
});

describe('meterLevel', () => {
  it('jumps up to a peak and falls back over about three seconds', () => {
    expect(meterLevel(0.2, 0.9)).toBe(0.9);
    let shown = 0.9;
    for (let frame = 0; frame < 60; frame++) shown = meterLevel(shown, 0);
    expect(shown).toBeCloseTo(0.9 - 1 / 3, 5);
  });
});
