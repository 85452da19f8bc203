import alawmulaw from 'alawmulaw';
import { describe, expect, it } from 'vitest';
import type { G711Codec } from './g711.js';
import {
  G711_PAYLOAD_TYPE,
  G711_SILENCE,
  decodeG711,
  encodeG711,
  fillG711Silence,
  g711CodecForPayloadType,
} from './g711.js';

const codecs: readonly G711Codec[] = ['PCMU', 'PCMA'];

function everySample(): Int16Array {
  const all = new Int16Array(0x10000);
  for (let i = 0; i < all.length; i++) all[i] = i - 0x8000;
  return all;
}

describe('G.711 over alawmulaw', () => {
  it('maps the static payload types of RFC 3551', () => {
    expect(G711_PAYLOAD_TYPE).toEqual({ PCMU: 0, PCMA: 8 });
    expect(g711CodecForPayloadType(0)).toBe('PCMU');
    expect(g711CodecForPayloadType(8)).toBe('PCMA');
    expect(g711CodecForPayloadType(18)).toBeUndefined();
  });

  it('decodes each codec’s silence code to (about) zero, and encodes zero to it', () => {
    expect(G711_SILENCE).toEqual({ PCMU: 0xff, PCMA: 0xd5 });
    expect(decodeG711('PCMU', Uint8Array.of(0xff))[0]).toBe(0);
    expect(Math.abs(decodeG711('PCMA', Uint8Array.of(0xd5))[0] ?? 99)).toBeLessThanOrEqual(8);
    for (const codec of codecs) expect(encodeG711(codec, Int16Array.of(0))[0]).toBe(G711_SILENCE[codec]);
    expect([...fillG711Silence('PCMA', new Uint8Array(3))]).toEqual([0xd5, 0xd5, 0xd5]);
  });

  it('encodes known values', () => {
    const samples = Int16Array.of(-1, 100, 1000, 32767, -32768);
    expect([...encodeG711('PCMU', samples)]).toEqual([0x7f, 0xf2, 0xce, 0x80, 0x00]);
    expect([...encodeG711('PCMA', samples)]).toEqual([0x55, 0xd3, 0xfa, 0xaa, 0x2a]);
    expect([...decodeG711('PCMU', Uint8Array.of(0x80, 0x00))]).toEqual([32124, -32124]);
    expect([...decodeG711('PCMA', Uint8Array.of(0xaa, 0x2a))]).toEqual([32256, -32256]);
  });

  it.each(codecs)('%s is alawmulaw, bit for bit, over every sample and every code', (codec) => {
    const lib = codec === 'PCMU' ? alawmulaw.mulaw : alawmulaw.alaw;
    const all = everySample();
    expect(Buffer.compare(encodeG711(codec, all), lib.encode(all))).toBe(0);
    const codes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...decodeG711(codec, codes)]).toEqual([...lib.decode(codes)]);
  });

  it.each(codecs)(
    '%s round trip stays within the companding step: 8, or a twentieth of the sample',
    (codec) => {
      const all = everySample();
      const back = decodeG711(codec, encodeG711(codec, all));
      const clip = codec === 'PCMU' ? 32124 : 32256;
      const outside: number[] = [];
      for (let i = 0; i < all.length; i++) {
        const x = all[i] ?? 0;
        const error = Math.abs((back[i] ?? 0) - Math.max(-clip, Math.min(clip, x)));
        if (error > Math.max(8, Math.abs(x) / 20)) outside.push(x);
      }
      expect(outside).toEqual([]);
    },
  );

  it.each(codecs)('%s carries a −10 dBm0 1 kHz sine at better than 35 dB SNR', (codec) => {
    const amplitude = 32768 * 10 ** (-13.14 / 20);
    const pcm = Int16Array.from({ length: 8000 }, (_, n) =>
      Math.round(amplitude * Math.sin((2 * Math.PI * 1000 * n) / 8000 + 0.3)),
    );
    const back = decodeG711(codec, encodeG711(codec, pcm));
    let signal = 0;
    let noise = 0;
    for (let i = 0; i < pcm.length; i++) {
      signal += (pcm[i] ?? 0) ** 2;
      noise += ((back[i] ?? 0) - (pcm[i] ?? 0)) ** 2;
    }
    expect(10 * Math.log10(signal / noise)).toBeGreaterThan(35);
  });

  it('writes into a caller’s buffer at an offset, allocating nothing else', () => {
    const packet = new Uint8Array(12 + 4).fill(1);
    const written = encodeG711('PCMU', Int16Array.of(0, 0, 0, 0), packet, 12);
    expect(written.buffer).toBe(packet.buffer);
    expect([...packet]).toEqual([...new Array<number>(12).fill(1), 0xff, 0xff, 0xff, 0xff]);
    const pcm = new Int16Array(6);
    decodeG711('PCMA', Uint8Array.of(0xaa, 0x2a), pcm, 4);
    expect([...pcm]).toEqual([0, 0, 0, 0, 32256, -32256]);
    expect(() => encodeG711('PCMU', new Int16Array(5), new Uint8Array(4))).toThrow(RangeError);
    expect(() => decodeG711('PCMU', new Uint8Array(5), new Int16Array(8), 4)).toThrow(RangeError);
  });
});
