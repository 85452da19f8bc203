import { describe, expect, it } from 'vitest';
import type { Registration } from '../../../shared/domain/line.js';
import { ManualClock } from '../manual-clock.js';
import { LineRegistration, refreshDelayMs, type RegisterOutcome } from './registration.js';

/** A registrar whose answers the test scripts, recording each REGISTER's Expires and time. */
function scriptedRegistrar(clock: ManualClock, answers: RegisterOutcome[]) {
  const sent: { at: number; expires: number }[] = [];
  return {
    sent,
    exchange: {
      register: async (expiresSec: number): Promise<RegisterOutcome> => {
        sent.push({ at: clock.now(), expires: expiresSec });
        return answers.shift() ?? { kind: 'registered', expiresSec: 600 };
      },
    },
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('line registration', () => {
  it('registers, refreshes ahead of expiry, and un-registers on stop', async () => {
    const clock = new ManualClock();
    const statuses: Registration[] = [];
    const registrar = scriptedRegistrar(clock, [{ kind: 'registered', expiresSec: 120 }]);
    const line = new LineRegistration({
      clock,
      exchange: registrar.exchange,
      onStatus: (s) => statuses.push(s),
    });
    line.start();
    await flush();
    expect(statuses.map((s) => s.state)).toEqual(['registering', 'registered']);
    clock.advance(89_999);
    await flush();
    expect(registrar.sent).toHaveLength(1);
    clock.advance(1);
    await flush();
    expect(registrar.sent.map((s) => s.at)).toEqual([0, 90_000]);
    await line.stop();
    expect(registrar.sent.at(-1)?.expires).toBe(0);
    expect(statuses.at(-1)).toEqual({ state: 'not_registered' });
    clock.advance(10_000_000);
    await flush();
    expect(registrar.sent).toHaveLength(3);
  });

  it('says "wrong password" on 403 and retries with growing, bounded backoff', async () => {
    const clock = new ManualClock();
    const statuses: Registration[] = [];
    const rejected: RegisterOutcome = { kind: 'rejected', status: 403, reason: 'Forbidden' };
    const registrar = scriptedRegistrar(clock, Array<RegisterOutcome>(12).fill(rejected));
    const line = new LineRegistration({
      clock,
      exchange: registrar.exchange,
      onStatus: (s) => statuses.push(s),
      random: () => 0.5,
      retryMinMs: 2_000,
      retryMaxMs: 60_000,
    });
    line.start();
    await flush();
    for (let i = 0; i < 40; i++) {
      clock.advance(1_000);
      await flush();
    }
    expect(statuses.find((s) => s.state === 'failed')?.reason).toBe(
      'wrong password or account not allowed (403)',
    );
    const gaps = registrar.sent.slice(1).map((s, i) => s.at - (registrar.sent[i]?.at ?? 0));
    expect(gaps.slice(0, 4)).toEqual([2_000, 4_000, 8_000, 16_000]);
    await line.stop();
  });

  it('recovers after a timeout and reports it in words', async () => {
    const clock = new ManualClock();
    const statuses: Registration[] = [];
    const registrar = scriptedRegistrar(clock, [
      { kind: 'timeout' },
      { kind: 'registered', expiresSec: 3600 },
    ]);
    const line = new LineRegistration({
      clock,
      exchange: registrar.exchange,
      onStatus: (s) => statuses.push(s),
      random: () => 0.5,
    });
    line.start();
    await flush();
    expect(statuses.at(-1)?.reason).toMatch(/no answer from the registrar/);
    clock.advance(2_000);
    await flush();
    expect(statuses.at(-1)).toEqual({ state: 'registered' });
    await line.stop();
  });

  it('registers again at once when told the connection to the registrar broke', async () => {
    const clock = new ManualClock();
    const registrar = scriptedRegistrar(clock, []);
    const line = new LineRegistration({ clock, exchange: registrar.exchange, onStatus: () => undefined });
    line.start();
    await flush();
    clock.advance(5_000);
    line.refreshNow();
    await flush();
    expect(registrar.sent.map((s) => s.at)).toEqual([0, 5_000]);
    await line.stop();
  });

  it('refreshes halfway for short bindings and 30 s early for long ones', () => {
    expect(refreshDelayMs(60)).toBe(30_000);
    expect(refreshDelayMs(3600)).toBe(3_570_000);
  });
});
