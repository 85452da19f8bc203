import { createSocket, type Socket } from 'node:dgram';
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
    const firstSilence = sent.findIndex((p) => p.packet.payload.every((b) => b === 0xd5));
    expect(firstSilence).toBeGreaterThanOrEqual(50);
    for (let i = 1; i < sent.length; i++) {
      expect((sent[i]!.packet.sequenceNumber - sent[i - 1]!.packet.sequenceNumber) & 0xffff).toBe(1);
      expect((sent[i]!.packet.timestamp - sent[i - 1]!.packet.timestamp) >>> 0).toBe(160);
    }
    // The audio is the tone: 1 kHz = 2000 zero crossings per second.
    const pcm = sent.slice(0, 50).flatMap((p) => Array.from(decodeG711('PCMA', p.packet.payload)));
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
