import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWav } from '../audio/wav-reader.js';
import { WavRecorder, type WavRecorderOptions } from './wav-recorder.js';

const SSRC = 0x1234;
const TS0 = 0xffff_f000; // wraps within the first second: timestamps are modulo 2^32

function tone(hz: number, ms: number, amplitude = 8000): Int16Array {
  const pcm = new Int16Array(ms * 8);
  for (let i = 0; i < pcm.length; i++)
    pcm[i] = Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / 8000));
  return pcm;
}

/** Feeds `pcm` as 20 ms packets starting at RTP timestamp `ts` and wall time `at` ms. */
function feed(
  recorder: WavRecorder,
  pcm: Int16Array,
  ts: number,
  at: number,
  options: { skip?: (index: number) => boolean; ssrc?: number } = {},
): void {
  for (let k = 0; k * 160 < pcm.length; k++) {
    if (options.skip?.(k)) continue;
    const now = at + k * 20;
    recorder.tick(now);
    recorder.write(pcm.subarray(k * 160, (k + 1) * 160), (ts + k * 160) >>> 0, options.ssrc ?? SSRC, now);
  }
}

function samplesOf(path: string): Int16Array {
  const audio = readWav(new Uint8Array(readFileSync(path)), path);
  expect(audio.sampleRate).toBe(8000);
  expect(audio.channels).toHaveLength(1);
  return Int16Array.from(audio.channels[0]!, (x) => Math.round(x * 32768));
}

describe('WavRecorder', () => {
  let dir: string;
  let path: string;
  const open = (options: Partial<WavRecorderOptions> = {}, at = 1000): WavRecorder =>
    WavRecorder.open(path, { maxMs: 60_000, silenceMs: 0, ...options }, at);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wav-recorder-'));
    path = join(dir, 'voicemail.wav');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a complete 16-bit 8 kHz mono WAV: header sizes patched, samples as received', () => {
    const recorder = open();
    const audio = tone(440, 1000);
    feed(recorder, audio, TS0, 1000);
    const result = recorder.finish();
    expect(result).toEqual({ path, durationMs: 1000, bytes: 44 + 16000, heardSound: true });
    const bytes = readFileSync(path);
    expect(bytes.length).toBe(44 + 16000);
    expect(bytes.toString('latin1', 0, 4)).toBe('RIFF');
    expect(bytes.readUInt32LE(4)).toBe(36 + 16000);
    expect(bytes.toString('latin1', 8, 16)).toBe('WAVEfmt ');
    expect([bytes.readUInt16LE(20), bytes.readUInt16LE(22), bytes.readUInt32LE(24)]).toEqual([1, 1, 8000]);
    expect([bytes.readUInt16LE(32), bytes.readUInt16LE(34)]).toEqual([2, 16]);
    expect(bytes.toString('latin1', 36, 40)).toBe('data');
    expect(bytes.readUInt32LE(40)).toBe(16000);
    expect(samplesOf(path)).toEqual(audio);
    expect(() => recorder.finish()).toThrow(/already finished/);
  });

  it('leaves a readable file while recording (placeholder sizes), so a crash loses at most 260 ms', () => {
    const recorder = open();
    feed(recorder, tone(440, 1000), TS0, 1000);
    const bytes = readFileSync(path);
    expect(bytes.readUInt32LE(4)).toBe(0);
    expect(bytes.readUInt32LE(40)).toBe(0);
    expect(samplesOf(path).length).toBeGreaterThanOrEqual(8000 - 260 * 8);
    recorder.abandon();
    expect(samplesOf(path).length).toBeGreaterThanOrEqual(8000 - 260 * 8);
  });

  it('fills lost packets with silence, so the recording keeps its length', () => {
    const recorder = open();
    const audio = tone(440, 1000);
    feed(recorder, audio, TS0, 1000, { skip: (k) => k >= 10 && k < 15 });
    expect(recorder.finish().durationMs).toBe(1000);
    const samples = samplesOf(path);
    expect(samples.subarray(1600, 2400).every((x) => x === 0)).toBe(true);
    expect(samples.subarray(2400)).toEqual(audio.subarray(2400));
    expect(samples.subarray(0, 1600)).toEqual(audio.subarray(0, 1600));
  });

  it('follows wall time while no packets come, and places the next by its timestamp', () => {
    const recorder = open();
    const audio = tone(440, 200);
    feed(recorder, audio, TS0, 1000);
    for (let at = 1200; at < 3200; at += 20) recorder.tick(at);
    // The wall-time padding lags 100 ms behind, leaving room for late packets.
    expect(recorder.length / 8).toBeGreaterThanOrEqual(2080);
    expect(recorder.length / 8).toBeLessThanOrEqual(2100);
    // Silence suppression: the timestamp jumped with the pause (RFC 3551 §4.1).
    feed(recorder, audio, TS0 + 3200 * 8 - 1000 * 8, 3200);
    expect(recorder.finish().durationMs).toBe(2400);
    const samples = samplesOf(path);
    expect(samples.subarray(1600, 17600).every((x) => x === 0)).toBe(true);
    expect(samples.subarray(17600)).toEqual(audio);
  });

  it('re-anchors when the timestamp jumps further than wall time allows, or back', () => {
    const recorder = open();
    const audio = tone(440, 200);
    feed(recorder, audio, TS0, 1000);
    feed(recorder, audio, TS0 + 8000 * 3600, 1200); // an hour ahead after 0 ms: not a gap
    feed(recorder, audio, TS0 - 8000 * 10, 1400); // ten seconds back: not a late packet
    feed(recorder, audio, TS0, 1600, { ssrc: 99 }); // another source
    expect(recorder.finish().durationMs).toBe(800);
    expect(samplesOf(path).subarray(600 * 8)).toEqual(audio);
  });

  it('puts a late packet in its place while it is still in memory', () => {
    const recorder = open();
    const audio = tone(440, 400);
    const order = [0, 1, 2, 3, 4, 6, 5, 7, 8, 9, 10, 12, 13, 11, 14, 15, 16, 17, 18, 19];
    for (const [i, k] of order.entries()) {
      recorder.write(audio.subarray(k * 160, (k + 1) * 160), TS0 + k * 160, SSRC, 1000 + i * 20);
    }
    recorder.finish();
    expect(samplesOf(path)).toEqual(audio);
  });

  it('ends on silence after speech and keeps 0.5 s of it', () => {
    const recorder = open({ silenceMs: 1000 });
    feed(recorder, new Int16Array(8000), TS0, 1000); // silence before speech does not count
    expect(recorder.ending).toBeUndefined();
    feed(recorder, tone(440, 1000), TS0 + 8000, 2000);
    feed(recorder, tone(440, 980, 50), TS0 + 16000, 3000); // −59 dBFS: line noise, not speech
    expect(recorder.ending).toBeUndefined();
    feed(recorder, new Int16Array(160), TS0 + 16000 + 980 * 8, 3980);
    expect(recorder.ending).toBe('silence');
    expect(recorder.finish()).toMatchObject({ durationMs: 2500, heardSound: true });
  });

  it('keeps a recording without any sound as it is, and says so', () => {
    const recorder = open({ silenceMs: 1000 });
    feed(recorder, tone(440, 1000, 50), TS0, 1000);
    feed(recorder, tone(440, 40), TS0 + 8000, 2000); // a click is not speech
    feed(recorder, tone(440, 1960, 50), TS0 + 8320, 2040);
    expect(recorder.ending).toBeUndefined();
    expect(recorder.finish()).toMatchObject({ durationMs: 3000, heardSound: false });
  });

  it('stops at the maximum length, to the sample', () => {
    const recorder = open({ maxMs: 510 });
    feed(recorder, tone(440, 1000), TS0, 1000);
    expect(recorder.ending).toBe('max-length');
    expect(recorder.length).toBe(510 * 8);
    expect(recorder.finish().durationMs).toBe(510);
    expect(samplesOf(path)).toHaveLength(510 * 8);
  });

  it("cuts a key's tone from where its timestamp falls, and the silence before it", () => {
    const recorder = open();
    feed(recorder, tone(440, 500), TS0, 1000);
    feed(recorder, new Int16Array(8000), TS0 + 4000, 1500);
    feed(recorder, tone(941, 100), TS0 + 12000, 2500); // the '#' as the phone left it in the audio
    const cutAt = recorder.positionOf(TS0 + 12000, SSRC);
    expect(cutAt).toBe(12000);
    expect(recorder.positionOf(TS0 + 12000, 77)).toBeUndefined();
    expect(recorder.positionOf(TS0 + 20000, SSRC)).toBeUndefined();
    // 1 s of silence before the key: 0.5 s of it stays.
    expect(recorder.finish(cutAt).durationMs).toBe(1000);
  });

  it('refuses to overwrite a file, to record into a missing folder, or bad limits', () => {
    writeFileSync(path, 'an earlier voicemail');
    expect(() => open()).toThrow(/EEXIST/);
    expect(readFileSync(path, 'utf8')).toBe('an earlier voicemail');
    expect(() => WavRecorder.open(join(dir, 'no', 'x.wav'), { maxMs: 1000, silenceMs: 0 }, 0)).toThrow(
      /ENOENT/,
    );
    expect(() => WavRecorder.open(join(dir, 'y.wav'), { maxMs: 0, silenceMs: 0 }, 0)).toThrow(RangeError);
    expect(() => WavRecorder.open(join(dir, 'y.wav'), { maxMs: 1000, silenceMs: -1 }, 0)).toThrow(RangeError);
  });
});
