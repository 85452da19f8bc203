import type { Clock, TimerHandle } from '../clock.js';
import { doubledInterval, type SipTimerBase } from './sip-timers.js';

/**
 * The UAS core's 2xx retransmission (RFC 3261 §13.3.1.4). A 2xx to an INVITE travels end to end
 * (proxies forward it statelessly) and the INVITE server transaction stops caring once it is
 * sent, so the UAS core resends it until the ACK arrives: first after T1, the interval doubling
 * up to T2. This runs on reliable transports too, because a hop beyond the first may be UDP.
 *
 * If no ACK arrives within 64*T1 the dialog is still confirmed, but the session SHOULD end:
 * `onGiveUp` is where the UA sends BYE.
 *
 * ```
 *        start (the caller has sent the 2xx once)
 *             |
 *             V
 *     +----------------+  timer fires: resend, interval*2 (<= T2)
 *     | retransmitting |<---+
 *     |                |----+
 *     +----------------+
 *        |        |    \  stop()
 *   ACK  |  64*T1 |     +------------> stopped
 *        V        V
 *  acknowledged  gave-up (onGiveUp)
 * ```
 */
export type InviteOkRetransmitterState = 'retransmitting' | 'acknowledged' | 'gave-up' | 'stopped';

export interface InviteOkRetransmitterOptions {
  readonly clock: Clock;
  /** T1 and T2; a TransactionTimers fits. */
  readonly timers: Pick<SipTimerBase, 't1' | 't2'>;
  /** Passes the 2xx to the transport again (the first send is the caller's). */
  readonly resend: () => void;
  /** 64*T1 passed without an ACK: the UA should send BYE (§13.3.1.4). */
  readonly onGiveUp: () => void;
}

export class InviteOkRetransmitter {
  private current: InviteOkRetransmitterState = 'retransmitting';
  private interval: number;
  private retransmitTimer: TimerHandle | undefined;
  private giveUpTimer: TimerHandle | undefined;

  /** Starts at once: construct it right after sending the 2xx. */
  constructor(private readonly options: InviteOkRetransmitterOptions) {
    const { clock, timers } = options;
    this.interval = timers.t1;
    this.retransmitTimer = clock.setTimeout(this.onRetransmit, timers.t1);
    this.giveUpTimer = clock.setTimeout(this.onGiveUp, 64 * timers.t1);
  }

  get state(): InviteOkRetransmitterState {
    return this.current;
  }

  /** The ACK for the 2xx arrived: stop resending. */
  acknowledge(): void {
    if (this.current !== 'retransmitting') return;
    this.current = 'acknowledged';
    this.stopTimers();
  }

  /** Stops without an ACK (the call ended some other way, e.g. the caller sent BYE). */
  stop(): void {
    if (this.current !== 'retransmitting') return;
    this.current = 'stopped';
    this.stopTimers();
  }

  private readonly onRetransmit = (): void => {
    this.retransmitTimer = undefined;
    if (this.current !== 'retransmitting') return;
    this.interval = doubledInterval(this.interval, this.options.timers.t2);
    // Schedule before resending, so a resend that acknowledges or stops us cancels the timer.
    this.retransmitTimer = this.options.clock.setTimeout(this.onRetransmit, this.interval);
    this.options.resend();
  };

  private readonly onGiveUp = (): void => {
    this.giveUpTimer = undefined;
    if (this.current !== 'retransmitting') return;
    this.current = 'gave-up';
    this.stopTimers();
    this.options.onGiveUp();
  };

  private stopTimers(): void {
    const { clock } = this.options;
    if (this.retransmitTimer !== undefined) clock.clearTimeout(this.retransmitTimer);
    if (this.giveUpTimer !== undefined) clock.clearTimeout(this.giveUpTimer);
    this.retransmitTimer = undefined;
    this.giveUpTimer = undefined;
  }
}
