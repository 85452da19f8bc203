import { describe, expect, it } from 'vitest';
import type { DtmfDigit } from './dtmf-digit.js';
import type {
  TelephoneEventPacket,
  TelephoneEventPress,
  TelephoneEventRtp,
  TelephoneEventStart,
} from './telephone-event.js';
import {
  TelephoneEventReceiver,
  parseTelephoneEvent,
  planTelephoneEvent,
  serializeTelephoneEvent,
  writeTelephoneEvent,
} from './telephone-event.js';

describe('telephone-event payload (RFC 4733 §2.3)', () => {
  it('reads and writes event, E bit, volume and duration', () => {
    // Digit 5, end, volume 10 (−10 dBm0), duration 800 (100 ms at 8 kHz).
    const bytes = serializeTelephoneEvent({ event: 5, end: true, volume: 10, duration: 800 });
    expect(Buffer.from(bytes).toString('hex')).toBe('058a0320');
    expect(parseTelephoneEvent(bytes)).toEqual({ event: 5, end: true, volume: 10, duration: 800 });
    expect(parseTelephoneEvent(Uint8Array.of(11, 0x3f, 0xff, 0xff))).toEqual({
      event: 11,
      end: false,
      volume: 63,
      duration: 65535,
    });
  });

  it('ignores the reserved bit and rejects a short payload', () => {
    expect(parseTelephoneEvent(Uint8Array.of(1, 0x40 | 0x80 | 7, 0, 160))).toEqual({
      event: 1,
      end: true,
      volume: 7,
      duration: 160,
    });
    expect(parseTelephoneEvent(Uint8Array.of(1, 0, 0))).toBeUndefined();
  });

  it('refuses values the format cannot carry', () => {
    const target = new Uint8Array(4);
    expect(() => writeTelephoneEvent(target, { event: 256, end: false, volume: 0, duration: 0 })).toThrow(
      RangeError,
    );
    expect(() => writeTelephoneEvent(target, { event: 1, end: false, volume: 64, duration: 0 })).toThrow(
      RangeError,
    );
    expect(() => writeTelephoneEvent(target, { event: 1, end: false, volume: 0, duration: 65536 })).toThrow(
      RangeError,
    );
    expect(() => writeTelephoneEvent(target, { event: 1, end: false, volume: 0, duration: 0 }, 1)).toThrow(
      RangeError,
    );
  });
});

describe('planTelephoneEvent (RFC 4733 §2.5.1)', () => {
  it('sends a marked start, updates every 50 ms on one timestamp, and the end three times', () => {
    const packets = planTelephoneEvent({ digit: '#', durationMs: 180, timestamp: 1000 });
    expect(packets.map((p) => [p.offsetMs, p.marker, p.payload.duration, p.payload.end])).toEqual([
      [0, true, 400, false],
      [50, false, 800, false],
      [100, false, 1200, false],
      [150, false, 1440, true],
      [200, false, 1440, true],
      [250, false, 1440, true],
    ]);
    expect(new Set(packets.map((p) => p.timestamp))).toEqual(new Set([1000]));
    expect(new Set(packets.map((p) => p.payload.event))).toEqual(new Set([11]));
    expect(new Set(packets.map((p) => p.payload.volume))).toEqual(new Set([10]));
  });

  it('follows the stream’s ptime when asked, and marks an end-only press', () => {
    const ptime20 = planTelephoneEvent({ digit: '1', durationMs: 60, timestamp: 0, intervalMs: 20 });
    expect(ptime20.map((p) => [p.offsetMs, p.payload.duration, p.payload.end])).toEqual([
      [0, 160, false],
      [20, 320, false],
      [40, 480, true],
      [60, 480, true],
      [80, 480, true],
    ]);
    const short = planTelephoneEvent({ digit: '1', durationMs: 40, timestamp: 0 });
    expect(short.map((p) => [p.marker, p.payload.end])).toEqual([
      [true, true],
      [false, true],
      [false, true],
    ]);
  });

  it('splits a press longer than 65535 units into segments (§2.5.1.3)', () => {
    const start = 2 ** 32 - 1000; // the timestamps wrap as well
    const packets = planTelephoneEvent({ digit: '0', durationMs: 10_000, timestamp: start });
    const first = packets.filter((p) => p.timestamp === start);
    const second = packets.filter((p) => p.timestamp === (start + 65535) >>> 0);
    expect(first.length + second.length).toBe(packets.length);
    expect(first.at(-1)?.payload).toMatchObject({ duration: 65535, end: false });
    expect(second.every((p) => !p.marker)).toBe(true);
    expect(second.at(-1)?.payload).toMatchObject({ duration: 80_000 - 65535, end: true });
    expect(packets.filter((p) => p.marker)).toHaveLength(1);
  });
});

// ─── Receiver ────────────────────────────────────────────────────────────────────────────────

interface Wire extends TelephoneEventRtp {
  readonly sequenceNumber: number;
  readonly sendAt: number;
}

/** The packets of one press as they leave the sender: sequence numbers and send times. */
function press(
  digit: DtmfDigit,
  durationMs: number,
  timestamp: number,
  firstSeq: number,
  sendAt: number,
  intervalMs = 50,
): Wire[] {
  return planTelephoneEvent({ digit, durationMs, timestamp, intervalMs }).map(
    (p: TelephoneEventPacket, i) => ({
      marker: p.marker,
      timestamp: p.timestamp,
      sequenceNumber: (firstSeq + i) & 0xffff,
      sendAt: sendAt + p.offsetMs,
      payload: serializeTelephoneEvent(p.payload),
    }),
  );
}

function receiver(timeoutMs?: number): {
  rx: TelephoneEventReceiver;
  presses: TelephoneEventPress[];
  starts: TelephoneEventStart[];
} {
  const presses: TelephoneEventPress[] = [];
  const starts: TelephoneEventStart[] = [];
  const rx = new TelephoneEventReceiver({
    onPress: (p) => presses.push(p),
    onStart: (s) => starts.push(s),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  return { rx, presses, starts };
}

function deliver(rx: TelephoneEventReceiver, packets: readonly Wire[], at?: (p: Wire) => number): void {
  for (const p of packets) rx.receive(p, at === undefined ? p.sendAt : at(p));
}

describe('TelephoneEventReceiver (RFC 4733 §2.5.2)', () => {
  it('reports a clean press once, when it ends, with its duration', () => {
    const { rx, presses, starts } = receiver();
    deliver(rx, press('7', 250, 16_000, 100, 0));
    expect(starts).toEqual([{ digit: '7', event: 7, timestamp: 16_000 }]);
    expect(presses).toEqual([
      {
        digit: '7',
        event: 7,
        timestamp: 16_000,
        durationSamples: 2000,
        durationMs: 250,
        volume: 10,
        ending: 'end',
      },
    ]);
    expect(rx.activeDigit).toBeUndefined();
  });

  it('tells which digit is down before the press ends', () => {
    const { rx, presses } = receiver();
    const packets = press('B', 300, 0, 0, 0);
    deliver(rx, packets.slice(0, 3));
    expect(rx.activeDigit).toBe('B');
    expect(presses).toEqual([]);
  });

  it('collapses duplicated updates and the three end packets into one press', () => {
    const { rx, presses, starts } = receiver();
    const packets = press('3', 200, 800, 7, 0).flatMap((p) => [p, p, p]);
    deliver(rx, packets);
    expect(starts).toHaveLength(1);
    expect(presses).toHaveLength(1);
    expect(presses[0]?.durationMs).toBe(200);
  });

  it('reports a press whose start packet was lost, once', () => {
    const { rx, presses, starts } = receiver();
    deliver(rx, press('9', 200, 800, 7, 0).slice(1));
    expect(starts).toHaveLength(1);
    expect(presses).toMatchObject([{ digit: '9', durationMs: 200, ending: 'end' }]);
  });

  it('reports a press of which only the last end packet arrived', () => {
    const { rx, presses, starts } = receiver();
    deliver(rx, press('*', 120, 800, 7, 0).slice(-1));
    expect(starts).toMatchObject([{ digit: '*' }]);
    expect(presses).toMatchObject([{ digit: '*', durationMs: 120, ending: 'end' }]);
  });

  it('ends a press whose end packets were all lost at the next press, or at the timeout', () => {
    const { rx, presses } = receiver();
    const first = press('1', 200, 0, 0, 0).filter((p) => !parseTelephoneEvent(p.payload)?.end);
    const second = press('2', 100, 4000, first.length + 3, 200);
    deliver(rx, first);
    deliver(rx, second);
    expect(presses).toMatchObject([
      { digit: '1', durationMs: 150, ending: 'next-event' },
      { digit: '2', durationMs: 100, ending: 'end' },
    ]);

    const alone = receiver(300);
    const third = press('3', 200, 0, 0, 0).filter((p) => !parseTelephoneEvent(p.payload)?.end);
    deliver(alone.rx, third);
    alone.rx.poll(third.at(-1)!.sendAt + 299);
    expect(alone.presses).toEqual([]);
    alone.rx.poll(third.at(-1)!.sendAt + 300);
    expect(alone.presses).toMatchObject([{ digit: '3', durationMs: 150, ending: 'timeout' }]);
  });

  it('takes the end packet’s duration even when updates arrive after it', () => {
    const { rx, presses } = receiver();
    const packets = press('4', 300, 0, 0, 0);
    const ends = packets.filter((p) => parseTelephoneEvent(p.payload)?.end);
    const updates = packets.filter((p) => !parseTelephoneEvent(p.payload)?.end);
    deliver(rx, [...ends.slice(0, 1), ...updates.reverse(), ...ends.slice(1)]);
    expect(presses).toMatchObject([{ digit: '4', durationMs: 300 }]);
    expect(presses).toHaveLength(1);
  });

  it('drops late packets of an earlier press that arrive during the next one', () => {
    const { rx, presses } = receiver();
    const first = press('5', 100, 0, 0, 0);
    const second = press('6', 100, 2400, first.length, 300);
    // The first press's last end packet is overtaken by the whole second press.
    deliver(rx, [...first.slice(0, -1), ...second.slice(0, 2), first.at(-1)!, ...second.slice(2)]);
    expect(presses.map((p) => p.digit)).toEqual(['5', '6']);
  });

  it('tells two presses of the same key apart by their timestamps', () => {
    const { rx, presses } = receiver();
    const first = press('0', 100, 8000, 0, 0);
    const second = press('0', 100, 8000 + 2400, first.length, 300);
    // Even with the first one's end packets all lost.
    deliver(rx, [...first.filter((p) => !parseTelephoneEvent(p.payload)?.end), ...second]);
    expect(presses.map((p) => [p.digit, p.timestamp])).toEqual([
      ['0', 8000],
      ['0', 10_400],
    ]);
  });

  it('is indifferent to sequence number and timestamp wrap-around', () => {
    const { rx, presses } = receiver();
    const ts = 2 ** 32 - 800;
    const first = press('A', 150, ts, 65534, 0);
    const second = press('D', 150, (ts + 2400) >>> 0, 65534 + first.length, 400);
    expect(second[0]?.sequenceNumber).toBeLessThan(first[0]?.sequenceNumber ?? 0);
    deliver(rx, [...first, ...second]);
    expect(presses.map((p) => [p.digit, p.timestamp, p.durationMs])).toEqual([
      ['A', ts, 150],
      ['D', 1600, 150],
    ]);
  });

  it('adds up the segments of a long press (§2.5.2.3), even with a segment boundary lost', () => {
    for (const lose of [false, true]) {
      const { rx, presses, starts } = receiver();
      let packets = press('8', 10_000, 1234, 0, 0);
      if (lose) packets = packets.filter((p) => parseTelephoneEvent(p.payload)?.duration !== 65535);
      deliver(rx, packets);
      expect(starts).toHaveLength(1);
      expect(presses).toMatchObject([{ digit: '8', timestamp: 1234, durationMs: 10_000, ending: 'end' }]);
    }
  });

  it('waits past an end packet at 65535: it may close a segment rather than the press', () => {
    const { rx, presses } = receiver(300);
    const packets = press('8', 10_000, 0, 0, 0);
    // A sender that sets E on its segment boundary: the press must still come out once, whole.
    const marked = packets.map((p) => {
      const payload = parseTelephoneEvent(p.payload);
      return payload?.duration === 65535
        ? { ...p, payload: serializeTelephoneEvent({ ...payload, end: true }) }
        : p;
    });
    deliver(rx, marked);
    expect(presses).toMatchObject([{ digit: '8', durationMs: 10_000 }]);
    expect(presses).toHaveLength(1);
  });

  it('ignores events that are not DTMF keys, and short payloads', () => {
    const { rx, presses, starts } = receiver();
    const flash = serializeTelephoneEvent({ event: 16, end: true, volume: 10, duration: 800 });
    rx.receive({ marker: true, timestamp: 0, payload: flash }, 0);
    rx.receive({ marker: true, timestamp: 0, payload: Uint8Array.of(1, 0x80) }, 0);
    expect(starts).toEqual([]);
    expect(presses).toEqual([]);
  });

  it('starts afresh for a new SSRC, whose timestamps have nothing to do with the old', () => {
    const { rx, presses } = receiver();
    const old = press('1', 300, 900_000, 0, 0)
      .slice(0, 2)
      .map((p) => ({ ...p, ssrc: 1 }));
    const fresh = press('2', 100, 50, 0, 100).map((p) => ({ ...p, ssrc: 2 }));
    deliver(rx, [...old, ...fresh]);
    expect(presses).toMatchObject([
      { digit: '1', ending: 'next-event' },
      { digit: '2', ending: 'end' },
    ]);
  });

  it('accepts a marked start far behind the latest press: the sender restarted its clock', () => {
    const { rx, presses } = receiver();
    deliver(rx, press('1', 100, 10_000_000, 0, 0));
    deliver(rx, press('2', 100, 5000, 6, 1000));
    expect(presses.map((p) => p.digit)).toEqual(['1', '2']);
  });

  it('reports every press exactly once through loss, duplication and reordering', () => {
    let seed = 99;
    const random = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const digits: DtmfDigit[] = [];
    const sent: Wire[] = [];
    let ts = 2 ** 32 - 20_000;
    let seq = 65_000;
    let time = 0;
    for (let i = 0; i < 200; i++) {
      const digit = '0123456789*#ABCD'[Math.floor(random() * 16)] as DtmfDigit;
      const durationMs = 40 + Math.floor(random() * 400);
      const packets = press(digit, durationMs, ts >>> 0, seq, time);
      digits.push(digit);
      sent.push(...packets);
      seq += packets.length;
      ts += 8 * (durationMs + 200);
      time += durationMs + 200;
    }
    // 15 % loss, but never a whole press (that press would be gone for any receiver);
    // 10 % duplicates; each packet delayed by up to 40 ms of network jitter.
    const byPress = new Map<number, Wire[]>();
    for (const p of sent) byPress.set(p.timestamp, [...(byPress.get(p.timestamp) ?? []), p]);
    const arrivals: { packet: Wire; at: number }[] = [];
    for (const packets of byPress.values()) {
      const keep = packets.filter(() => random() >= 0.15);
      if (keep.length === 0 && packets[0] !== undefined) keep.push(packets[0]);
      for (const packet of keep) {
        arrivals.push({ packet, at: packet.sendAt + random() * 40 });
        if (random() < 0.1) arrivals.push({ packet, at: packet.sendAt + random() * 40 });
      }
    }
    arrivals.sort((a, b) => a.at - b.at);
    const { rx, presses, starts } = receiver();
    for (const { packet, at } of arrivals) rx.receive(packet, at);
    rx.poll(time + 1000);
    expect(presses.map((p) => p.digit)).toEqual(digits);
    expect(starts.map((s) => s.digit)).toEqual(digits);
  });
});
