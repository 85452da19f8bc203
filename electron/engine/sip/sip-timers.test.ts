import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIP_TIMER_BASE,
  doubledInterval,
  isReliableTransport,
  SipTimerConfigError,
  transactionTimers,
} from './sip-timers.js';

describe('transactionTimers (RFC 3261 §A, Table 4)', () => {
  it('derives the UDP timers from T1 = 500 ms, T2 = 4 s, T4 = 5 s', () => {
    expect(DEFAULT_SIP_TIMER_BASE).toEqual({ t1: 500, t2: 4000, t4: 5000 });
    expect(transactionTimers(false)).toEqual({
      reliable: false,
      t1: 500,
      t2: 4000,
      t4: 5000,
      a: 500,
      b: 32_000,
      c: 180_000,
      d: 32_000,
      e: 500,
      f: 32_000,
      g: 500,
      h: 32_000,
      i: 5000,
      j: 32_000,
      k: 5000,
      l: 32_000,
      m: 32_000,
    });
  });

  it('on TCP drops A, E, G and zeroes the wait timers D, I, J, K', () => {
    const tcp = transactionTimers(true);
    expect([tcp.a, tcp.e, tcp.g]).toEqual([undefined, undefined, undefined]);
    expect([tcp.d, tcp.i, tcp.j, tcp.k]).toEqual([0, 0, 0, 0]);
    expect([tcp.b, tcp.f, tcp.h, tcp.l, tcp.m]).toEqual([32_000, 32_000, 32_000, 32_000, 32_000]);
    expect(tcp.reliable).toBe(true);
  });

  it('follows a raised T1, keeping Timer D at least 64*T1', () => {
    const slow = transactionTimers(false, { t1: 1000 });
    expect([slow.a, slow.b, slow.d, slow.f, slow.h, slow.j]).toEqual([
      1000, 64_000, 64_000, 64_000, 64_000, 64_000,
    ]);
    expect(slow.t2).toBe(4000);
    expect(transactionTimers(false, { t1: 250 }).d).toBe(32_000);
  });

  it('rejects values the state machines cannot run on', () => {
    expect(() => transactionTimers(false, { t1: 0 })).toThrow(SipTimerConfigError);
    expect(() => transactionTimers(false, { t4: Number.NaN })).toThrow(/T4/);
    expect(() => transactionTimers(false, { t1: 5000, t2: 4000 })).toThrow(/T2/);
  });

  it('is frozen, so one shared object serves every transaction', () => {
    expect(Object.isFrozen(transactionTimers(false))).toBe(true);
  });
});

describe('helpers', () => {
  it('doubles up to a cap', () => {
    expect(doubledInterval(500, 4000)).toBe(1000);
    expect(doubledInterval(2000, 4000)).toBe(4000);
    expect(doubledInterval(4000, 4000)).toBe(4000);
  });

  it('knows which transports are reliable', () => {
    expect(isReliableTransport('udp')).toBe(false);
    expect(isReliableTransport('tcp')).toBe(true);
  });
});
