import { describe, expect, it } from 'vitest';
import { readWav } from './wav-reader.js';
import { writeWav } from './wav-writer.js';

describe('writeWav', () => {
  it('writes the canonical 44-byte header of a 16-bit mono PCM file', () => {
    const bytes = writeWav(Int16Array.of(1, -2, 0x1234), 8000);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const text = (at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
    expect(bytes).toHaveLength(44 + 6);
    expect([text(0), view.getUint32(4, true), text(8), text(12), view.getUint32(16, true)]).toEqual([
      'RIFF',
      36 + 6,
      'WAVE',
      'fmt ',
      16,
    ]);
    expect({
      format: view.getUint16(20, true),
      channels: view.getUint16(22, true),
      rate: view.getUint32(24, true),
      byteRate: view.getUint32(28, true),
      blockAlign: view.getUint16(32, true),
      bits: view.getUint16(34, true),
    }).toEqual({ format: 1, channels: 1, rate: 8000, byteRate: 16000, blockAlign: 2, bits: 16 });
    expect([text(36), view.getUint32(40, true)]).toEqual(['data', 6]);
    // Little-endian samples.
    expect(Array.from(bytes.subarray(44))).toEqual([0x01, 0x00, 0xfe, 0xff, 0x34, 0x12]);
  });

  it('round-trips through readWav, including a view into a larger array', () => {
    const all = Int16Array.from({ length: 1001 }, (_, i) => (i * 65.5 - 32768) | 0);
    const pcm = all.subarray(1);
    const audio = readWav(writeWav(pcm, 16000), 'r.wav');
    expect(audio.sampleRate).toBe(16000);
    expect(Array.from(audio.channels[0] ?? [], (v) => v * 32768)).toEqual(Array.from(pcm));
  });

  it('writes a header-only file for no samples', () => {
    expect(writeWav(new Int16Array(0), 8000)).toHaveLength(44);
  });

  it('refuses a sample rate that is not a positive whole number', () => {
    for (const rate of [0, -8000, 8000.5, Number.NaN, 2 ** 32]) {
      expect(() => writeWav(new Int16Array(1), rate)).toThrow(RangeError);
    }
  });
});
