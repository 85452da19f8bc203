import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
// The worker thread loads compiled JavaScript, so this test drives the build output.
import { MediaHost } from '../../build/electron/engine/media/media-host.js';
import { decodeG711 } from '../../electron/engine/media/g711.js';
import {
  parseRtpPacket,
  isRtpParseError,
  serializeRtpPacket,
  type RtpPacket,
} from '../../electron/engine/media/rtp-packet.js';
import { encodeG711 } from '../../electron/engine/media/g711.js';
import { planTelephoneEvent, serializeTelephoneEvent } from '../../electron/engine/media/telephone-event.js';
import { readWav } from '../../electron/engine/audio/wav-reader.js';

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function tone(hz: number, ms: number): Int16Array {
  const pcm = new Int16Array((8000 * ms) / 1000);
  for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / 8000));
  return pcm;
}

describe('media worker: paced G.711 RTP', () => {
  let media: MediaHost;
  let receiver: Socket;
  const packets: { at: number; packet: RtpPacket; from: number }[] = [];

  beforeAll(async () => {
    media = new MediaHost(logger);
    receiver = createSocket('udp4');
    receiver.on('message', (data, rinfo) => {
      const packet = parseRtpPacket(new Uint8Array(data));
      if (!isRtpParseError(packet))
        packets.push({
          at: performance.now(),
          packet: { ...packet, payload: packet.payload.slice() },
          from: rinfo.port,
        });
    });
    await new Promise<void>((resolve) => receiver.bind(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await media.shutdown();
    receiver.close();
  });

  it('plays a prompt as 20 ms packets at real-time speed, then keeps sending silence', async () => {
    const stream = await media.open('127.0.0.1');
    stream.configure({
      remoteAddress: '127.0.0.1',
      remotePort: receiver.address().port,
      codec: 'PCMA',
      payloadType: 8,
      telephoneEventPayloadType: undefined,
    });
    const started = performance.now();
    const result = await stream.play(tone(1000, 1000));
    const elapsed = performance.now() - started;
    expect(result.interrupted).toBe(false);
    // One second of audio takes one second to send: not faster, not slower.
    expect(elapsed).toBeGreaterThan(950);
    expect(elapsed).toBeLessThan(1150);
    await new Promise((r) => setTimeout(r, 100));
    const sent = packets.filter((p) => p.from === stream.port);
    // A frame may fall between the configure and play commands: it carries silence.
    const isSilence = (p: (typeof sent)[number]) => p.packet.payload.every((b) => b === 0xd5);
    const firstTone = sent.findIndex((p) => !isSilence(p));
    expect(firstTone).toBeGreaterThanOrEqual(0);
    expect(firstTone).toBeLessThanOrEqual(2);
    const firstSilence = sent.findIndex((p, i) => i > firstTone && isSilence(p));
    expect(firstSilence - firstTone).toBeGreaterThanOrEqual(50);
    for (let i = 1; i < sent.length; i++) {
      expect((sent[i]!.packet.sequenceNumber - sent[i - 1]!.packet.sequenceNumber) & 0xffff).toBe(1);
      expect((sent[i]!.packet.timestamp - sent[i - 1]!.packet.timestamp) >>> 0).toBe(160);
    }
    // The audio is the tone: 1 kHz = 2000 zero crossings per second.
    const pcm = sent
      .slice(firstTone, firstTone + 50)
      .flatMap((p) => Array.from(decodeG711('PCMA', p.packet.payload)));
    let crossings = 0;
    for (let i = 1; i < pcm.length; i++) if (pcm[i - 1]! < 0 !== pcm[i]! < 0) crossings++;
    expect(crossings).toBeGreaterThan(1980);
    expect(crossings).toBeLessThan(2020);
    await stream.close();
  });

  it('follows the peer to the address its packets come from (symmetric RTP)', async () => {
    const stream = await media.open('127.0.0.1');
    stream.configure({
      remoteAddress: '127.0.0.1',
      remotePort: 9,
      codec: 'PCMU',
      payloadType: 0,
      telephoneEventPayloadType: undefined,
    });
    const peer = createSocket('udp4');
    await new Promise<void>((resolve) => peer.bind(0, '127.0.0.1', resolve));
    const heard: number[] = [];
    peer.on('message', () => heard.push(performance.now()));
    const hello = new Uint8Array(172);
    hello[0] = 0x80;
    peer.send(hello, stream.port, '127.0.0.1');
    await vi.waitFor(() => expect(heard.length).toBeGreaterThan(5), { timeout: 2000 });
    const closed = await stream.close();
    expect(closed.packetsReceived).toBe(1);
    peer.close();
  });

  it('reports each key press once: RFC 4733 events, duplicates and all, and in-band tones', async () => {
    const digits: [string, string][] = [];
    const stream = await media.open('127.0.0.1', {
      digit: (digit, via) => digits.push([digit, via]),
      digitStarted: () => undefined,
    });
    stream.configure({
      remoteAddress: '127.0.0.1',
      remotePort: 9,
      codec: 'PCMU',
      payloadType: 0,
      telephoneEventPayloadType: 101,
    });
    const peer = createSocket('udp4');
    await new Promise<void>((resolve) => peer.bind(0, '127.0.0.1', resolve));
    let sequence = 1;
    const send = (payloadType: number, timestamp: number, payload: Uint8Array, marker = false) =>
      peer.send(
        serializeRtpPacket({ payloadType, sequenceNumber: sequence++, timestamp, ssrc: 7, marker, payload }),
        stream.port,
        '127.0.0.1',
      );

    // In-band first: a 100 ms '5' (770 + 1336 Hz) in G.711 audio, then silence.
    const five = new Int16Array(800);
    for (let i = 0; i < five.length; i++) {
      five[i] = Math.round(
        5000 * (Math.sin((2 * Math.PI * 770 * i) / 8000) + Math.sin((2 * Math.PI * 1336 * i) / 8000)),
      );
    }
    const audio = [
      ...Array.from({ length: 5 }, (_, k) => five.subarray(k * 160, (k + 1) * 160)),
      ...Array.from({ length: 5 }, () => new Int16Array(160)),
    ];
    audio.forEach((frame, k) => send(0, 1000 + k * 160, encodeG711('PCMU', frame)));
    await vi.waitFor(() => expect(digits).toEqual([['5', 'inband']]), { timeout: 2000 });

    // Then '1', '2' by RFC 4733, every packet sent twice (a lossy path's duplicates).
    let timestamp = 50_000;
    for (const digit of ['1', '2'] as const) {
      for (const packet of planTelephoneEvent({ digit, durationMs: 100, timestamp })) {
        const payload = serializeTelephoneEvent(packet.payload);
        send(101, packet.timestamp, payload, packet.marker);
        send(101, packet.timestamp, payload, packet.marker);
      }
      timestamp += 2000;
    }
    await vi.waitFor(
      () =>
        expect(digits).toEqual([
          ['5', 'inband'],
          ['1', 'rfc4733'],
          ['2', 'rfc4733'],
        ]),
      { timeout: 2000 },
    );
    // Once the peer sends events, tones in its audio are no longer digits (no double report).
    audio.forEach((frame, k) => send(0, 90_000 + k * 160, encodeG711('PCMU', frame)));
    await new Promise((r) => setTimeout(r, 300));
    expect(digits).toHaveLength(3);
    await stream.close();
    peer.close();
  });
});

/** Sends frame k at start + 20k ms on an absolute clock (a phone's pacing), until told to stop. */
async function paced(frames: number, send: (k: number) => boolean | void): Promise<void> {
  const start = performance.now();
  for (let k = 0; k < frames; k++) {
    const wait = start + k * 20 - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (send(k) === false) return;
  }
}

function rms(samples: Float32Array): number {
  let sum = 0;
  for (const x of samples) sum += x * x;
  return Math.sqrt(sum / samples.length);
}

function zeroCrossings(samples: Float32Array): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) if (samples[i - 1]! < 0 !== samples[i]! < 0) crossings++;
  return crossings;
}

describe('media worker: recording the caller (voicemail)', () => {
  let media: MediaHost;
  let peer: Socket;
  let dir: string;
  const digits: string[] = [];

  beforeAll(async () => {
    media = new MediaHost(logger);
    peer = createSocket('udp4');
    await new Promise<void>((resolve) => peer.bind(0, '127.0.0.1', resolve));
    dir = mkdtempSync(join(tmpdir(), 'media-worker-recording-'));
  });
  afterAll(async () => {
    await media.shutdown();
    peer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function openStream() {
    const stream = await media.open('127.0.0.1', {
      digit: (digit) => digits.push(digit),
      digitStarted: () => undefined,
    });
    stream.configure({
      remoteAddress: '127.0.0.1',
      remotePort: peer.address().port,
      codec: 'PCMU',
      payloadType: 0,
      telephoneEventPayloadType: 101,
    });
    let sequence = 100;
    const send = (payloadType: number, timestamp: number, payload: Uint8Array, marker = false) =>
      peer.send(
        serializeRtpPacket({
          payloadType,
          sequenceNumber: sequence++,
          timestamp,
          ssrc: 0x5eed,
          marker,
          payload,
        }),
        stream.port,
        '127.0.0.1',
      );
    return { stream, send };
  }

  it('ends on silence after 1.5 s of 440 Hz, lost packets kept as silence, file complete', async () => {
    const { stream, send } = await openStream();
    const path = join(dir, 'silence.wav');
    const started = performance.now();
    const recording = stream.record({ path, maxMs: 10_000, silenceMs: 1000 });
    let done = false;
    void recording.finally(() => (done = true));
    const audio = tone(440, 1500);
    const quiet = encodeG711('PCMU', new Int16Array(160));
    const ts0 = 0xffff_0000; // wraps during the call
    await new Promise((r) => setTimeout(r, 20));
    // 1.5 s of tone (frames 40–44 lost on the way), then silence until the recording ends.
    await paced(200, (k) => {
      if (done) return false;
      if (k >= 40 && k < 45) return;
      const frame = k < 75 ? encodeG711('PCMU', audio.subarray(k * 160, (k + 1) * 160)) : quiet;
      send(0, (ts0 + k * 160) >>> 0, frame);
    });
    const result = await recording;
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ path, reason: 'silence', heardSound: true });
    // 1.5 s of tone and 0.5 s of the silence after it; the recording ended 1 s into the silence.
    expect(result.durationMs).toBeGreaterThanOrEqual(1500);
    expect(result.durationMs).toBeLessThanOrEqual(2020);
    expect(elapsed).toBeGreaterThan(2400);

    const bytes = new Uint8Array(readFileSync(path));
    expect(bytes.length).toBe(result.bytes);
    const wav = readWav(bytes, path);
    expect(wav).toMatchObject({ sampleRate: 8000, encoding: 'pcm', bitsPerSample: 16, isTruncated: false });
    const samples = wav.channels[0]!;
    expect(samples.length).toBe(result.durationMs * 8);
    // Loud (8000/32768 peak: RMS −15 dBFS, far above the −45 dBFS floor) and 440 Hz: 880
    // zero crossings per second, counted over 0.1–0.7 s, before the lost packets.
    expect(rms(samples.subarray(0, 6400))).toBeGreaterThan(0.15);
    expect(zeroCrossings(samples.subarray(800, 5600))).toBeGreaterThan(528 - 6);
    expect(zeroCrossings(samples.subarray(800, 5600))).toBeLessThan(528 + 6);
    // The lost 100 ms are silence in their place, so the tone after them is where it belongs.
    expect(rms(samples.subarray(6400, 7200))).toBe(0);
    expect(rms(samples.subarray(7200, 12000))).toBeGreaterThan(0.15);
    expect(rms(samples.subarray(12000))).toBeLessThan(0.001);
    console.log(
      `recording (silence): ${result.durationMs} ms of audio, recordDone ${Math.round(elapsed)} ms after record()`,
    );
    await stream.close();
  });

  it("ends on '#' sent by RFC 4733 as 'key', the tone left in the audio cut", async () => {
    const { stream, send } = await openStream();
    const path = join(dir, 'key.wav');
    const recording = stream.record({ path, maxMs: 10_000, silenceMs: 3000 });
    let done = false;
    void recording.finally(() => (done = true));
    const audio = tone(440, 500);
    // '#' is 941 + 1477 Hz; this phone leaves it in its audio as well as sending the event.
    const hash = new Int16Array(800);
    for (let i = 0; i < hash.length; i++) {
      hash[i] = Math.round(
        5000 * (Math.sin((2 * Math.PI * 941 * i) / 8000) + Math.sin((2 * Math.PI * 1477 * i) / 8000)),
      );
    }
    const ts0 = 123_456;
    const events = planTelephoneEvent({
      digit: '#',
      durationMs: 100,
      timestamp: ts0 + 25 * 160,
      intervalMs: 20,
    });
    await new Promise((r) => setTimeout(r, 20));
    await paced(100, (k) => {
      if (done) return false;
      const pcm =
        k < 25 ? audio.subarray(k * 160, (k + 1) * 160) : hash.subarray((k % 5) * 160, (k % 5) * 160 + 160);
      send(0, ts0 + k * 160, encodeG711('PCMU', pcm));
      for (const event of events.filter((e) => k >= 25 && e.offsetMs === (k - 25) * 20)) {
        send(101, event.timestamp, serializeTelephoneEvent(event.payload), event.marker);
      }
    });
    const result = await recording;
    expect(result).toMatchObject({ reason: 'key', heardSound: true });
    // The 500 ms before the key, give or take the first packet racing the record command.
    expect(result.durationMs).toBeGreaterThanOrEqual(480);
    expect(result.durationMs).toBeLessThanOrEqual(500);
    const samples = readWav(new Uint8Array(readFileSync(path)), path).channels[0]!;
    expect(samples.length).toBe(result.durationMs * 8);
    const tail = samples.subarray(samples.length - 800);
    expect(zeroCrossings(tail)).toBeGreaterThan(88 - 4);
    expect(zeroCrossings(tail)).toBeLessThan(88 + 4); // 440 Hz to the end: none of the '#' tone
    await vi.waitFor(() => expect(digits).toContain('#'), { timeout: 2000 });
    console.log(`recording (key): ${result.durationMs} ms of audio`);
    await stream.close();
  });

  it("ends on an in-band '#' as 'key' when the phone sends no events, the tone cut", async () => {
    const { stream, send } = await openStream();
    stream.configure({
      remoteAddress: '127.0.0.1',
      remotePort: peer.address().port,
      codec: 'PCMU',
      payloadType: 0,
      telephoneEventPayloadType: undefined,
    });
    const path = join(dir, 'inband.wav');
    const recording = stream.record({ path, maxMs: 10_000, silenceMs: 3000 });
    let done = false;
    void recording.finally(() => (done = true));
    const audio = tone(440, 500);
    const hash = new Int16Array(160);
    await new Promise((r) => setTimeout(r, 20));
    await paced(100, (k) => {
      if (done) return false;
      for (let i = 0; i < 160; i++) {
        const t = k * 160 + i;
        hash[i] = Math.round(
          5000 * (Math.sin((2 * Math.PI * 941 * t) / 8000) + Math.sin((2 * Math.PI * 1477 * t) / 8000)),
        );
      }
      send(0, 5000 + k * 160, encodeG711('PCMU', k < 25 ? audio.subarray(k * 160, (k + 1) * 160) : hash));
    });
    const result = await recording;
    expect(result.reason).toBe('key');
    // Cut where the detector says the tone began (±2.5 ms).
    expect(result.durationMs).toBeGreaterThanOrEqual(480);
    expect(result.durationMs).toBeLessThanOrEqual(503);
    const samples = readWav(new Uint8Array(readFileSync(path)), path).channels[0]!;
    expect(zeroCrossings(samples.subarray(samples.length - 800))).toBeLessThan(88 + 4);
    console.log(`recording (in-band key): ${result.durationMs} ms of audio`);
    await stream.close();
  });

  it("ends as 'hangup' when the stream closes, the file still complete", async () => {
    const { stream, send } = await openStream();
    const path = join(dir, 'hangup.wav');
    const recording = stream.record({ path, maxMs: 10_000, silenceMs: 0, finishOnKey: '' });
    const audio = tone(440, 300);
    await new Promise((r) => setTimeout(r, 20));
    await paced(
      15,
      (k) => void send(0, 777 + k * 160, encodeG711('PCMU', audio.subarray(k * 160, (k + 1) * 160))),
    );
    await new Promise((r) => setTimeout(r, 30));
    await stream.close();
    const result = await recording;
    expect(result.reason).toBe('hangup');
    expect(result.durationMs).toBeGreaterThanOrEqual(280);
    expect(result.durationMs).toBeLessThanOrEqual(300);
    const bytes = readFileSync(path);
    expect([bytes.readUInt32LE(4), bytes.readUInt32LE(40)]).toEqual([bytes.length - 8, bytes.length - 44]);
    await expect(stream.record({ path: join(dir, 'late.wav'), maxMs: 1000, silenceMs: 0 })).rejects.toThrow(
      /the call has ended/,
    );
  });

  it('ends at the maximum length, following wall time while the caller sends nothing', async () => {
    const { stream } = await openStream();
    const path = join(dir, 'max.wav');
    const started = performance.now();
    const result = await stream.record({ path, maxMs: 800, silenceMs: 500 });
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ reason: 'max-length', durationMs: 800, heardSound: false });
    // No packet at all: the tick pads silence to wall time, 100 ms behind it.
    expect(elapsed).toBeGreaterThan(880);
    expect(elapsed).toBeLessThan(1100);
    console.log(`recording (max-length, no packets): 800 ms of audio after ${Math.round(elapsed)} ms`);
    await stream.close();
  });
});
