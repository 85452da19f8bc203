import { describe, expect, it } from 'vitest';
import { RtpStreamStats } from './rtp-stream-stats.js';

/** A 20 ms G.711 stream: packet i has sequence first + i and timestamp 160 i. */
function feed(
  stats: RtpStreamStats,
  indices: Iterable<number>,
  firstSeq: number,
  arrival: (i: number) => number = (i) => i * 20,
): void {
  for (const i of indices) stats.update((firstSeq + i) & 0xffff, (i * 160) >>> 0, arrival(i));
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

describe('RtpStreamStats: loss (RFC 3550 A.1, A.3)', () => {
  it('counts an unbroken stream as nothing lost', () => {
    const stats = new RtpStreamStats({ clockRate: 8000, probation: 0 });
    feed(stats, range(500), 1000);
    expect([stats.received, stats.expected, stats.lost]).toEqual([500, 500, 0]);
    expect(stats.extendedHighestSequence).toBe(1499);
  });

  it('counts lost packets, and the fraction lost per report interval', () => {
    const stats = new RtpStreamStats({ clockRate: 8000, probation: 0 });
    feed(
      stats,
      range(100).filter((i) => i % 10 !== 5),
      0,
    );
    expect(stats.lost).toBe(10);
    expect(stats.takeInterval()).toEqual({ expected: 100, received: 90, lost: 10, fractionLost: 0.1 });
    feed(
      stats,
      range(50).map((i) => 100 + i),
      0,
    );
    expect(stats.takeInterval()).toEqual({ expected: 50, received: 50, lost: 0, fractionLost: 0 });
  });

  it('extends the sequence number across its wrap', () => {
    const stats = new RtpStreamStats({ clockRate: 8000, probation: 0 });
    feed(
      stats,
      range(1000).filter((i) => i !== 600),
      65_000,
    );
    expect(stats.extendedHighestSequence).toBe(65_000 + 999);
    expect([stats.expected, stats.lost]).toEqual([1000, 1]);
  });

  it('counts reordered packets without loss, and duplicates as negative loss', () => {
    const stats = new RtpStreamStats({ clockRate: 8000, probation: 0 });
    feed(stats, [0, 1, 3, 2, 4, 6, 5, 7, 7, 7], 65_534);
    expect(stats.expected).toBe(8);
    expect(stats.received).toBe(10);
    expect(stats.lost).toBe(-2);
  });

  it('waits for two packets in sequence before a source counts (probation, A.1)', () => {
    const stats = new RtpStreamStats({ clockRate: 8000 });
    expect(stats.update(10, 0, 0)).toBe(false);
    expect(stats.update(11, 160, 20)).toBe(true);
    feed(
      stats,
      range(8).map((i) => i + 2),
      10,
    );
    expect([stats.received, stats.expected, stats.lost]).toEqual([9, 9, 0]);
  });

  it('treats a far jump as a restart once a second packet confirms it', () => {
    const stats = new RtpStreamStats({ clockRate: 8000, probation: 0 });
    feed(stats, range(10), 100);
    expect(stats.update(40_000, 0, 500)).toBe(false); // a stray packet, or a restart?
    expect(stats.update(40_001, 160, 520)).toBe(true); // a restart: counting starts over
    feed(
      stats,
      range(4).map((i) => i + 2),
      40_000,
      (i) => 520 + i * 20,
    );
    expect([stats.received, stats.expected, stats.lost]).toEqual([5, 5, 0]);
  });
});

describe('RtpStreamStats: interarrival jitter (RFC 3550 §6.4.1, A.8)', () => {
  it('is zero for packets arriving exactly on their timestamps, also across the timestamp wrap', () => {
    const stats = new RtpStreamStats({ clockRate: 8000, probation: 0 });
    for (let i = 0; i < 200; i++) stats.update(i, (2 ** 32 - 16_000 + i * 160) >>> 0, 1000 + i * 20);
    expect(stats.jitter).toBe(0);
  });

  it('follows J += (|D| − J)/16 on a stream that alternates early and late', () => {
    const stats = new RtpStreamStats({ clockRate: 8000, probation: 0 });
    // ±2 ms around the nominal time: |D| is 4 ms = 32 timestamp units for every packet after the
    // first, so J approaches 32 as 32 · (1 − (15/16)^n).
    feed(stats, range(101), 0, (i) => i * 20 + (i % 2 === 0 ? 2 : -2));
    expect(stats.jitter).toBeCloseTo(32 * (1 - (15 / 16) ** 100), 9);
    expect(stats.jitterMs).toBeCloseTo(4, 1);
  });

  it('is measured in timestamp units of the clock rate', () => {
    const stats = new RtpStreamStats({ clockRate: 48_000, probation: 0 });
    for (let i = 0; i < 400; i++) stats.update(i, i * 960, i * 20 + (i % 2 === 0 ? 1 : 0));
    expect(stats.jitterMs).toBeCloseTo(1, 1);
    expect(stats.jitter).toBeCloseTo(48, 0);
  });
});
