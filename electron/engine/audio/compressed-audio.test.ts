import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AudioFileError } from './audio-file-error.js';
import { sniffCompressedFormat } from './compressed-audio.js';
import { convertAudioToTelephone } from './prompt-converter.js';

/** test/fixtures/tone-1khz-1s.ogg: `sox -n -r 22050 -c 2 … synth 1.000 sine 1000 vol 0.5` (Vorbis, stereo). */
const ogg = new Uint8Array(
  readFileSync(join(import.meta.dirname, '../../../test/fixtures/tone-1khz-1s.ogg')),
);
/**
 * test/fixtures/tone-1khz-1s.mp3: 1 s of 1 kHz sine at half scale, 44.1 kHz mono, CBR 64 kbit/s,
 * encoded once by a throwaway script with @breezystack/lamejs 1.2.7 (not a project dependency).
 */
const mp3 = new Uint8Array(
  readFileSync(join(import.meta.dirname, '../../../test/fixtures/tone-1khz-1s.mp3')),
);

/** The tone's pitch from zero crossings over `body`, 8 kHz samples. */
function pitchHz(body: Int16Array): number {
  let crossings = 0;
  for (let i = 1; i < body.length; i++) if (body[i - 1]! < 0 !== body[i]! < 0) crossings++;
  return crossings / 2 / (body.length / 8000);
}

describe('compressed prompt uploads', () => {
  it('tells the formats apart by their first bytes', () => {
    expect(sniffCompressedFormat(ogg)).toBe('ogg');
    expect(sniffCompressedFormat(new TextEncoder().encode('ID3\u0004'))).toBe('mp3');
    expect(sniffCompressedFormat(new Uint8Array([0xff, 0xfb, 0x90, 0x00]))).toBe('mp3');
    expect(sniffCompressedFormat(new TextEncoder().encode('fLaC'))).toBe('flac');
    expect(sniffCompressedFormat(new TextEncoder().encode('RIFF'))).toBeUndefined();
  });

  it('converts an OGG Vorbis stereo 22.05 kHz tone to 8 kHz mono at the same length and pitch', async () => {
    const prompt = await convertAudioToTelephone(ogg, 'tone.ogg');
    expect(prompt.durationMs).toBeGreaterThan(990);
    expect(prompt.durationMs).toBeLessThan(1010);
    const hz = pitchHz(prompt.pcm.subarray(800, 7200));
    expect(hz).toBeGreaterThan(990);
    expect(hz).toBeLessThan(1010);
  });

  it('converts an MP3 mono 44.1 kHz tone to 8 kHz at the same pitch, ~1 s plus the codec’s padding', async () => {
    expect(sniffCompressedFormat(mp3)).toBe('mp3');
    const prompt = await convertAudioToTelephone(mp3, 'tone.mp3');
    // MP3 decodes in whole 1152-sample frames, behind the encoder's delay (576 + 529 samples,
    // ~25 ms of silence first), and this file has no LAME/Xing tag telling a decoder to trim
    // them: 40 frames, 1.045 s. The tone itself lasts 1 s.
    expect(prompt.durationMs).toBeGreaterThan(1000);
    expect(prompt.durationMs).toBeLessThan(1050);
    const loud = (x: number): boolean => Math.abs(x) > 2000;
    const first = prompt.pcm.findIndex(loud);
    const last = prompt.pcm.findLastIndex(loud);
    expect((last - first + 1) / 8).toBeGreaterThan(990);
    expect((last - first + 1) / 8).toBeLessThan(1010);
    const hz = pitchHz(prompt.pcm.subarray(first + 400, last - 400));
    expect(hz).toBeGreaterThan(990);
    expect(hz).toBeLessThan(1010);
  });

  it('names the file and the problem for a broken or unknown upload', async () => {
    const broken = ogg.slice(0, 200);
    await expect(convertAudioToTelephone(broken, 'cut.ogg')).rejects.toThrow(AudioFileError);
    await expect(
      convertAudioToTelephone(new TextEncoder().encode('....ftypM4A '), 'memo.m4a'),
    ).rejects.toThrow(/^memo\.m4a: not a WAV, MP3, OGG or FLAC file/);
    await expect(convertAudioToTelephone(ogg, 'long.ogg', { maxDurationSeconds: 0.5 })).rejects.toThrow(
      /long\.ogg: longer than 0\.5 s/,
    );
  });
});
