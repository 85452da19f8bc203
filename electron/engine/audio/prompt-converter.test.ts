import { describe, expect, it } from 'vitest';
import { fitTone } from '../../../test/support/tone-fit.js';
import { AudioFileError } from './audio-file-error.js';
import {
  MAX_PROMPT_SECONDS,
  TELEPHONE_SAMPLE_RATE,
  convertWavToTelephone,
  writeWav,
} from './prompt-converter.js';

/** A WAV file of 16-bit PCM or 32-bit float, interleaving the given channels. */
function wav(rate: number, encoding: 'pcm16' | 'float32', ...channels: Float32Array[]): Uint8Array {
  const frames = channels[0]?.length ?? 0;
  const width = encoding === 'pcm16' ? 2 : 4;
  const dataBytes = frames * channels.length * width;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string): void =>
    bytes.set(
      Array.from(text, (c) => c.charCodeAt(0)),
      at,
    );
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, encoding === 'pcm16' ? 1 : 3, true);
  view.setUint16(22, channels.length, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * channels.length * width, true);
  view.setUint16(32, channels.length * width, true);
  view.setUint16(34, width * 8, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  let at = 44;
  for (let i = 0; i < frames; i++) {
    for (const channel of channels) {
      const v = channel[i]!;
      if (encoding === 'pcm16') view.setInt16(at, Math.round(v * 32767), true);
      else view.setFloat32(at, v, true);
      at += width;
    }
  }
  return bytes;
}

function tone(frequency: number, rate: number, seconds: number, amplitude: number): Float32Array {
  const x = new Float32Array(Math.round(seconds * rate));
  for (let i = 0; i < x.length; i++) x[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / rate);
  return x;
}

/** Amplitude of one frequency in 8 kHz PCM (least-squares fit, skipping the filter's edges). */
function amplitudeAt(pcm: Int16Array, frequency: number): number {
  return fitTone(pcm, frequency, TELEPHONE_SAMPLE_RATE, 200, 1 / 32768).amplitude;
}

const dB = (ratio: number): number => 20 * Math.log10(ratio);

describe('convertWavToTelephone', () => {
  it('turns 44.1 kHz stereo into 8 kHz mono: speech kept, 11 kHz gone (no alias at 3 kHz)', () => {
    const left = tone(1000, 44100, 2.345, 0.45);
    const right = tone(11000, 44100, 2.345, 0.45);
    const { pcm, durationMs } = convertWavToTelephone(wav(44100, 'pcm16', left, right), 'music.wav');
    expect(durationMs).toBe(2345);
    expect(pcm).toHaveLength(18760);
    // Each channel carries 0.45; their average carries half of each.
    expect(Math.abs(dB(amplitudeAt(pcm, 1000) / 0.225))).toBeLessThan(0.1);
    expect(dB(amplitudeAt(pcm, 3000) / 0.225)).toBeLessThan(-80);
  });

  it('converts 48 kHz float, keeping the duration to the millisecond', () => {
    const { pcm, durationMs } = convertWavToTelephone(
      wav(48000, 'float32', tone(440, 48000, 59.999, 0.5)),
      'x.wav',
    );
    expect(Math.abs(durationMs - 59_999)).toBeLessThan(1);
    expect(pcm).toHaveLength(479_992);
    expect(Math.abs(dB(amplitudeAt(pcm, 440) / 0.5))).toBeLessThan(0.1);
  });

  it('upsamples 6 kHz to 8 kHz', () => {
    const { pcm, durationMs } = convertWavToTelephone(
      wav(6000, 'pcm16', tone(1000, 6000, 1, 0.5)),
      'low.wav',
    );
    expect(durationMs).toBe(1000);
    expect(Math.abs(dB(amplitudeAt(pcm, 1000) / 0.5))).toBeLessThan(0.1);
  });

  it('passes a file that is already 8 kHz mono 16-bit through bit for bit', () => {
    const pcm = Int16Array.from({ length: 8000 }, (_, i) => Math.round(Math.sin(i / 7) * 20000) + (i % 3));
    const converted = convertWavToTelephone(writeWav(pcm, 8000), 'ready.wav');
    expect(converted.pcm).toEqual(pcm);
    expect(converted.durationMs).toBe(1000);
  });

  it('reports a duration with the fraction of an 8 kHz sample', () => {
    expect(convertWavToTelephone(writeWav(new Int16Array(9), 8000), 'a.wav').durationMs).toBe(1.125);
  });

  it('leaves the uploaded bytes untouched', () => {
    const bytes = wav(22050, 'pcm16', tone(3000, 22050, 0.5, 0.9), tone(300, 22050, 0.5, 0.9));
    const before = bytes.slice();
    convertWavToTelephone(bytes, 'a.wav');
    expect(bytes).toEqual(before);
  });

  it('passes AudioFileError through for a file it cannot read', () => {
    const mp3 = Uint8Array.of(0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0);
    expect(() => convertWavToTelephone(mp3, 'song.mp3')).toThrow(
      new AudioFileError('song.mp3', 'not-wav', "not a WAV file (starts with 'ID3'; it looks like an MP3)"),
    );
  });

  it(`refuses files over ${MAX_PROMPT_SECONDS / 60} minutes by default, or over the caller's limit`, () => {
    // 3601 samples at 1 Hz: an hour and a second, in a few kilobytes.
    expect(() => convertWavToTelephone(wav(1, 'pcm16', new Float32Array(3601)), 'long.wav')).toThrow(
      'long.wav: too long (60 min 1 s; at most 60 min)',
    );
    const tenSeconds = wav(8000, 'pcm16', new Float32Array(80_000));
    expect(() => convertWavToTelephone(tenSeconds, 'ten.wav', { maxDurationSeconds: 5 })).toThrow(
      AudioFileError,
    );
    expect(convertWavToTelephone(tenSeconds, 'ten.wav').durationMs).toBe(10_000);
  });

  it('refuses a file too short to give one 8 kHz sample', () => {
    const error = (() => {
      try {
        convertWavToTelephone(wav(768000, 'pcm16', new Float32Array(1)), 'blip.wav');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(AudioFileError);
    expect(error).toMatchObject({
      code: 'no-audio',
      message: 'blip.wav: the audio is too short to play (1 sample at 768000 Hz)',
    });
  });
});
