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
    const body = prompt.pcm.subarray(800, 7200);
    let crossings = 0;
    for (let i = 1; i < body.length; i++) if (body[i - 1]! < 0 !== body[i]! < 0) crossings++;
    const hz = crossings / 2 / (body.length / 8000);
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
