import { describe, expect, it } from 'vitest';
import { wavBytes, wavSamples } from './prompt-audio.js';

/** A WAV with the given chunks after the RIFF header, each padded to a word as RIFF requires. */
function riff(chunks: [id: string, body: Uint8Array][]): Uint8Array {
  const parts = chunks.map(([id, body]) => {
    const chunk = new Uint8Array(8 + body.length + (body.length & 1));
    const view = new DataView(chunk.buffer);
    chunk.set(new TextEncoder().encode(id), 0);
    view.setUint32(4, body.length, true);
    chunk.set(body, 8);
    return chunk;
  });
  const size = parts.reduce((sum, part) => sum + part.length, 0);
  const bytes = new Uint8Array(12 + size);
  bytes.set(new TextEncoder().encode('RIFF'), 0);
  new DataView(bytes.buffer).setUint32(4, 4 + size, true);
  bytes.set(new TextEncoder().encode('WAVE'), 8);
  let at = 12;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

function format(channels: number, bits: number): Uint8Array {
  const body = new Uint8Array(16);
  const view = new DataView(body.buffer);
  view.setUint16(0, 1, true);
  view.setUint16(2, channels, true);
  view.setUint32(4, 8000, true);
  view.setUint32(8, 8000 * channels * (bits / 8), true);
  view.setUint16(12, channels * (bits / 8), true);
  view.setUint16(14, bits, true);
  return body;
}

const pcm = (...samples: number[]) => new Uint8Array(Int16Array.from(samples).buffer);

describe('preview WAV samples', () => {
  it('reads the 16-bit mono samples, past other chunks of odd size', () => {
    const wav = riff([
      ['fmt ', format(1, 16)],
      ['LIST', new Uint8Array(3)],
      ['data', pcm(0, 1000, -32768, 32767)],
    ]);
    expect(Array.from(wavSamples(wav))).toEqual([0, 1000, -32768, 32767]);
  });

  it('reads a WAV that sits at an odd offset of a larger buffer', () => {
    const wav = riff([
      ['fmt ', format(1, 16)],
      ['data', pcm(-5, 5)],
    ]);
    const larger = new Uint8Array(wav.length + 1);
    larger.set(wav, 1);
    expect(Array.from(wavSamples(larger.subarray(1)))).toEqual([-5, 5]);
  });

  it('reads the samples of a WAV that came as base64', () => {
    const wav = riff([
      ['fmt ', format(1, 16)],
      ['data', pcm(7, -7)],
    ]);
    const base64 = btoa(String.fromCharCode(...wav));
    expect(Array.from(wavSamples(wavBytes(base64)))).toEqual([7, -7]);
  });

  it('refuses what is not a 16-bit mono WAV rather than misread it', () => {
    expect(() => wavSamples(new TextEncoder().encode('RIFF....junk'))).toThrow(/not a WAV/);
    expect(() =>
      wavSamples(
        riff([
          ['fmt ', format(2, 16)],
          ['data', pcm(1, 2)],
        ]),
      ),
    ).toThrow(/mono/);
    expect(() => wavSamples(riff([['data', pcm(1, 2)]]))).toThrow(/mono/);
    expect(() => wavSamples(riff([['fmt ', format(1, 16)]]))).toThrow(/no audio/);
  });
});
