import { describe, expect, it } from 'vitest';
import { ManualClock } from '../manual-clock.js';
import { InviteOkRetransmitter } from './invite-ok-retransmitter.js';
import { DEFAULT_SIP_TIMER_BASE, transactionTimers } from './sip-timers.js';

function setup(timers: { t1: number; t2: number } = DEFAULT_SIP_TIMER_BASE) {
  const clock = new ManualClock();
  const resends: number[] = [];
  const gaveUp: number[] = [];
  const retransmitter = new InviteOkRetransmitter({
    clock,
    timers,
    resend: () => resends.push(clock.now()),
    onGiveUp: () => gaveUp.push(clock.now()),
  });
  return { clock, resends, gaveUp, retransmitter };
}

describe('InviteOkRetransmitter (RFC 3261 §13.3.1.4)', () => {
  it('resends at T1 doubling up to T2 and gives up at 64*T1', () => {
    const { clock, resends, gaveUp, retransmitter } = setup();
    clock.advance(31_999);
    expect(resends).toEqual([500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500]);
    expect(gaveUp).toEqual([]);
    clock.advance(1);
    expect(gaveUp).toEqual([32_000]);
    expect(retransmitter.state).toBe('gave-up');
    expect(clock.pendingTimers).toBe(0);
  });

  it('stops on the ACK', () => {
    const { clock, resends, gaveUp, retransmitter } = setup();
    clock.advance(2000);
    retransmitter.acknowledge();
    clock.advance(60_000);
    expect(resends).toEqual([500, 1500]);
    expect(gaveUp).toEqual([]);
    expect(retransmitter.state).toBe('acknowledged');
    expect(clock.pendingTimers).toBe(0);
  });

  it('stop() ends it without giving up, and later calls change nothing', () => {
    const { clock, gaveUp, retransmitter } = setup();
    retransmitter.stop();
    retransmitter.acknowledge();
    clock.advance(60_000);
    expect(retransmitter.state).toBe('stopped');
    expect(gaveUp).toEqual([]);
  });

  it('takes T1 and T2 from a TransactionTimers, TCP included (a later hop may be UDP)', () => {
    const { clock, resends, gaveUp } = setup(transactionTimers(true, { t1: 1000, t2: 2000 }));
    clock.advance(64_000);
    expect(resends.slice(0, 4)).toEqual([1000, 3000, 5000, 7000]);
    expect(gaveUp).toEqual([64_000]);
  });
});
