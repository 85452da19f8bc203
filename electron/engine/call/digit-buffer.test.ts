import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock.js';
import { DigitBuffer, type CollectedDigits } from './digit-buffer.js';

function setup() {
  const clock = new ManualClock();
  const buffer = new DigitBuffer(clock);
  let result: CollectedDigits | undefined;
  const collect = (options: Parameters<DigitBuffer['collect']>[0]) => {
    result = undefined;
    void buffer.collect(options).then((r) => (result = r));
  };
  // Promise callbacks run on the microtask queue: let them settle before looking.
  const settled = async () => {
    await Promise.resolve();
    await Promise.resolve();
    return result;
  };
  return { clock, buffer, collect, settled };
}

describe('collecting digits', () => {
  it('ends at max digits', async () => {
    const { buffer, collect, settled } = setup();
    collect({ max: 3, firstDigitTimeoutMs: 5000 });
    for (const digit of '1234') buffer.push(digit);
    expect(await settled()).toEqual({ digits: '123', status: 'ok' });
  });

  it('ends on the terminator, which is not part of the entry', async () => {
    const { buffer, collect, settled } = setup();
    collect({ min: 2, max: 11, firstDigitTimeoutMs: 5000 });
    for (const digit of '010#') buffer.push(digit);
    expect(await settled()).toEqual({ digits: '010', status: 'ok' });
  });

  it('reports too few digits before the terminator as too-short', async () => {
    const { buffer, collect, settled } = setup();
    collect({ min: 10, max: 11, firstDigitTimeoutMs: 5000 });
    for (const digit of '010#') buffer.push(digit);
    expect(await settled()).toEqual({ digits: '010', status: 'too-short' });
  });

  it('times out when no key comes, after the first-digit timeout and not before', async () => {
    const { clock, collect, settled } = setup();
    collect({ max: 1, firstDigitTimeoutMs: 5000 });
    clock.advance(4999);
    expect(await settled()).toBeUndefined();
    clock.advance(1);
    expect(await settled()).toEqual({ digits: '', status: 'timeout' });
  });

  it('ends an entry on a pause longer than the inter-digit timeout', async () => {
    const { clock, buffer, collect, settled } = setup();
    collect({ min: 2, max: 11, firstDigitTimeoutMs: 5000, interDigitTimeoutMs: 3000 });
    clock.advance(4000);
    buffer.push('1');
    clock.advance(2000);
    buffer.push('2');
    clock.advance(2999);
    expect(await settled()).toBeUndefined();
    clock.advance(1);
    expect(await settled()).toEqual({ digits: '12', status: 'ok' });
  });

  it('reports a pause after too few digits as too-short', async () => {
    const { clock, buffer, collect, settled } = setup();
    collect({ min: 4, max: 4, firstDigitTimeoutMs: 5000, interDigitTimeoutMs: 3000 });
    buffer.push('1');
    clock.advance(3000);
    expect(await settled()).toEqual({ digits: '1', status: 'too-short' });
  });

  it('takes keys pressed during the prompt first (type-ahead), then waits for the rest', async () => {
    const { buffer, collect, settled } = setup();
    buffer.push('0');
    buffer.push('1');
    collect({ max: 3, firstDigitTimeoutMs: 5000 });
    expect(await settled()).toBeUndefined();
    buffer.push('0');
    expect(await settled()).toEqual({ digits: '010', status: 'ok' });
  });

  it('leaves type-ahead beyond one entry for the next one', async () => {
    const { buffer, collect, settled } = setup();
    for (const digit of '23') buffer.push(digit);
    collect({ max: 1, firstDigitTimeoutMs: 5000 });
    expect(await settled()).toEqual({ digits: '2', status: 'ok' });
    collect({ max: 1, firstDigitTimeoutMs: 5000 });
    expect(await settled()).toEqual({ digits: '3', status: 'ok' });
  });

  it('forgets type-ahead when cleared', async () => {
    const { clock, buffer, collect, settled } = setup();
    buffer.push('#');
    buffer.clear();
    collect({ max: 1, firstDigitTimeoutMs: 1000 });
    clock.advance(1000);
    expect(await settled()).toEqual({ digits: '', status: 'timeout' });
  });

  it('treats the terminator as a digit when there is none', async () => {
    const { buffer, collect, settled } = setup();
    collect({ max: 2, terminator: '', firstDigitTimeoutMs: 1000 });
    buffer.push('#');
    buffer.push('1');
    expect(await settled()).toEqual({ digits: '#1', status: 'ok' });
  });

  it('resolves as hangup when the call ends, now or later, and leaves no timer behind', async () => {
    const { clock, buffer, collect, settled } = setup();
    collect({ max: 4, firstDigitTimeoutMs: 5000 });
    buffer.push('1');
    buffer.hangup();
    expect(await settled()).toEqual({ digits: '1', status: 'hangup' });
    expect(clock.pendingTimers).toBe(0);
    collect({ max: 4, firstDigitTimeoutMs: 5000 });
    expect(await settled()).toEqual({ digits: '', status: 'hangup' });
  });

  it('refuses two collections at once and impossible limits', () => {
    const { buffer } = setup();
    void buffer.collect({ max: 1, firstDigitTimeoutMs: 1000 });
    expect(() => buffer.collect({ max: 1, firstDigitTimeoutMs: 1000 })).toThrow(/already/);
    expect(() =>
      new DigitBuffer(new ManualClock()).collect({ min: 3, max: 2, firstDigitTimeoutMs: 1 }),
    ).toThrow(RangeError);
  });

  it('keeps a bounded type-ahead', async () => {
    const { buffer, collect, settled } = setup();
    for (let i = 0; i < 100; i++) buffer.push('5');
    collect({ max: 40, terminator: '', firstDigitTimeoutMs: 1, interDigitTimeoutMs: 1 });
    buffer.hangup();
    expect((await settled())?.digits).toHaveLength(32);
  });
});
