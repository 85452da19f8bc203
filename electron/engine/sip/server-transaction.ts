import type { Clock, TimerHandle } from '../clock.js';
import { createResponse } from './response-builder.js';
import type { SipEndpoint, SipMessage, SipRequest, SipResponse } from './sip-message.js';
import { doubledInterval, type TransactionTimers } from './sip-timers.js';

/**
 * RFC 3261 §17.2 server transactions: the INVITE server transaction (§17.2.1, with the
 * Accepted state of RFC 6026 §7.1) and the non-INVITE server transaction (§17.2.2).
 *
 * Their job is to keep retransmitted requests away from the TU and to answer them from the
 * last response sent, so a retransmitted BYE gets the same 200 instead of a 481 from a dialog
 * that is already gone. The transaction sends responses to `replyTo`, the address the request
 * came from (the TCP connection's peer, or the UDP source as RFC 3581 rport wants); a transport
 * that must apply §18.2.2's Via rules instead does so when it sends.
 */

/** What a server transaction needs from its owner (the transaction layer). */
export interface ServerTransactionEnvironment {
  readonly clock: Clock;
  /** Hands a message to the transport; returns the error when the transport refused it (§17.2.4). */
  send(message: SipMessage, to: SipEndpoint): Error | undefined;
  /** Called once, when the transaction reaches Terminated, so the owner can forget it. */
  serverTerminated(transaction: ServerTransaction): void;
}

/** The TU's side of a server transaction; set `transaction.listener` to hear of failures. */
export interface ServerTransactionListener {
  /** Timer H: a non-2xx final to an INVITE was never ACKed (§17.2.1). */
  onTimeout?(transaction: InviteServerTransaction): void;
  /** §17.2.4: the transport could not send a response. */
  onTransportError?(error: Error, transaction: ServerTransaction): void;
}

export type ServerTransaction = InviteServerTransaction | NonInviteServerTransaction;

/** §17.2.1: send 100 Trying unless the TU answers within 200 ms. */
export const TRYING_DELAY_MS = 200;

/**
 * INVITE server transaction states (RFC 3261 §17.2.1, Figure 7, and RFC 6026 §7.1).
 *
 * ```
 *                                |INVITE
 *                                |pass INV to TU; 100 Trying after 200 ms if TU is silent
 *             INVITE             V
 *             send last 1xx +-----------+
 *                 +---------|           |
 *                 |         | Proceeding|---------------------+
 *                 +-------->|           | 2xx from TU         |
 *                           +-----------+ send response       |
 *                 1xx from TU  |  ^   |                       V
 *                 send 1xx     +--+   |              +-----------+  2xx from TU: send
 *                                     |              |           |  INVITE: absorb
 *                    300-699 from TU  |              | Accepted  |  ACK: to TU
 *                    send response    |              |           |
 *                                     V              +-----------+
 *             INVITE          +-----------+                |
 *             send response   |           |                | Timer L (64*T1)
 *                 +-----------|           |                |
 *                 |           | Completed |--------------->|
 *                 +---------->|           | Timer H:       |
 *             Timer G         |           | inform TU      |
 *             resend, G*2 <=T2+-----------+                |
 *                                 |  ACK                   |
 *                                 |  -                     |
 *                                 V                        |
 *                           +-----------+                  |
 *             ACK: absorb   |           |                  |
 *                 +---------| Confirmed |                  |
 *                 +-------->|           |                  |
 *                           +-----------+                  |
 *                                 | Timer I (T4 UDP, 0 TCP)|
 *                                 V                        |
 *                           +-----------+                  |
 *                           | Terminated|<-----------------+
 *                           +-----------+  (also: transport error, inform TU)
 * ```
 *
 * 2xx retransmission is not this transaction's job (§13.3.1.4): the UAS core resends the 2xx
 * (invite-ok-retransmitter.ts) through `respond()` while Accepted, or directly.
 */
export type InviteServerState = 'proceeding' | 'completed' | 'confirmed' | 'accepted' | 'terminated';

export class InviteServerTransaction {
  readonly kind = 'invite';
  listener: ServerTransactionListener | undefined;
  private current: InviteServerState = 'proceeding';
  /** Most recent response sent: resent for retransmitted INVITEs and on Timer G. */
  private last: SipResponse | undefined;
  /** The 200 ms Trying timer while Proceeding, then Timer G while Completed. */
  private retransmitTimer: TimerHandle | undefined;
  /** Timer H, I or L: only one runs at a time. */
  private lifetimeTimer: TimerHandle | undefined;
  private interval = 0;

  constructor(
    private readonly env: ServerTransactionEnvironment,
    readonly timers: TransactionTimers,
    /** The §17.2.3 key: branch, sent-by and method. */
    readonly key: string,
    readonly request: SipRequest,
    readonly replyTo: SipEndpoint,
  ) {
    this.retransmitTimer = env.clock.setTimeout(this.onTryingDue, TRYING_DELAY_MS);
  }

  get state(): InviteServerState {
    return this.current;
  }

  /** The last response passed to the transport, if any. */
  get lastResponse(): SipResponse | undefined {
    return this.last;
  }

  /**
   * Sends a response from the TU. Returns false when the state discards it (a second final,
   * anything after Completed) or the transport refused it.
   */
  respond(response: SipResponse): boolean {
    const status = response.status;
    if (this.current === 'accepted') {
      // RFC 6026 §7.1: the TU's own 2xx retransmissions pass straight through.
      return status >= 200 && status < 300 && this.transmit(response);
    }
    if (this.current !== 'proceeding') return false;
    this.stopRetransmitTimer();
    this.last = response;
    if (status >= 200 && status < 300) {
      this.current = 'accepted';
      this.lifetimeTimer = this.env.clock.setTimeout(this.onLifetimeOver, this.timers.l);
    } else if (status >= 300) {
      this.current = 'completed';
      const g = this.timers.g;
      if (g !== undefined) {
        this.interval = g;
        this.retransmitTimer = this.env.clock.setTimeout(this.onTimerG, g);
      }
      this.lifetimeTimer = this.env.clock.setTimeout(this.onTimerH, this.timers.h);
    }
    return this.transmit(response);
  }

  /** A retransmission of the INVITE (§17.2.1): answered from the last response, never passed on. */
  receiveRequest(_request: SipRequest): void {
    if ((this.current === 'proceeding' || this.current === 'completed') && this.last !== undefined)
      this.transmit(this.last);
  }

  /**
   * An ACK matching this transaction. Returns true when the TU should get it: in Accepted it
   * acknowledges the TU's 2xx (RFC 6026 §7.1); in Completed it ends Timer G and H; otherwise
   * it is a retransmission and is absorbed.
   */
  receiveAck(_ack: SipRequest): boolean {
    if (this.current === 'accepted') return true;
    if (this.current === 'completed') {
      this.stopTimers();
      this.current = 'confirmed';
      if (this.timers.i > 0)
        this.lifetimeTimer = this.env.clock.setTimeout(this.onLifetimeOver, this.timers.i);
      else this.finish();
    }
    return false;
  }

  /** §17.2.4: a transport failure reported after the send. */
  transportError(error: Error): void {
    if (this.current === 'terminated') return;
    this.finish();
    this.listener?.onTransportError?.(error, this);
  }

  /** Ends the transaction without a report. */
  terminate(): void {
    this.finish();
  }

  private readonly onTryingDue = (): void => {
    this.retransmitTimer = undefined;
    if (this.current !== 'proceeding' || this.last !== undefined) return;
    const trying = createResponse(this.request, 100);
    this.last = trying;
    this.transmit(trying);
  };

  private readonly onTimerG = (): void => {
    this.retransmitTimer = undefined;
    if (this.current !== 'completed' || this.last === undefined) return;
    this.interval = doubledInterval(this.interval, this.timers.t2);
    // Rescheduled before the send, so that an ACK or a transport error arriving from inside
    // send() finds the timer and stops it.
    this.retransmitTimer = this.env.clock.setTimeout(this.onTimerG, this.interval);
    this.transmit(this.last);
  };

  private readonly onTimerH = (): void => {
    this.lifetimeTimer = undefined;
    if (this.current !== 'completed') return;
    this.finish();
    this.listener?.onTimeout?.(this);
  };

  private readonly onLifetimeOver = (): void => {
    this.lifetimeTimer = undefined;
    this.finish();
  };

  private transmit(response: SipResponse): boolean {
    const error = this.env.send(response, this.replyTo);
    if (error === undefined) return true;
    this.transportError(error);
    return false;
  }

  private stopRetransmitTimer(): void {
    if (this.retransmitTimer !== undefined) this.env.clock.clearTimeout(this.retransmitTimer);
    this.retransmitTimer = undefined;
  }

  private stopTimers(): void {
    this.stopRetransmitTimer();
    if (this.lifetimeTimer !== undefined) this.env.clock.clearTimeout(this.lifetimeTimer);
    this.lifetimeTimer = undefined;
  }

  private finish(): void {
    if (this.current === 'terminated') return;
    this.stopTimers();
    this.current = 'terminated';
    this.env.serverTerminated(this);
  }
}

/**
 * Non-INVITE server transaction states (RFC 3261 §17.2.2, Figure 8).
 *
 * ```
 *                                   | Request received
 *                                   | pass to TU
 *                                   V
 *                             +-----------+
 *              Request        |           |
 *              (absorbed) +---|  Trying   |-------------+
 *                         +-->|           |             |
 *                             +-----------+             | 200-699 from TU
 *                                   |                   | send response
 *                                   | 1xx from TU       |
 *                                   | send response     |
 *                                   V                   |
 *                Request      +-----------+             |
 *                send 1xx +---|           |             |
 *                         |   | Proceeding|------------>|
 *             1xx from TU +-->|           | 200-699     |
 *             send 1xx        +-----------+ from TU     |
 *                                           send resp.  |
 *                                                       V
 *                Request      +-----------+
 *                resend final |           |  (other finals from the TU are discarded)
 *                         +---| Completed |
 *                         +-->|           |
 *                             +-----------+
 *                                   | Timer J (64*T1 UDP, 0 TCP)
 *                                   V
 *                             +-----------+
 *                             | Terminated|  (also: transport error, inform TU)
 *                             +-----------+
 * ```
 */
export type NonInviteServerState = 'trying' | 'proceeding' | 'completed' | 'terminated';

export class NonInviteServerTransaction {
  readonly kind = 'non-invite';
  listener: ServerTransactionListener | undefined;
  private current: NonInviteServerState = 'trying';
  /** Most recent response sent: the cache Timer J keeps alive for retransmitted requests. */
  private last: SipResponse | undefined;
  /** Timer J. */
  private lifetimeTimer: TimerHandle | undefined;

  constructor(
    private readonly env: ServerTransactionEnvironment,
    readonly timers: TransactionTimers,
    /** The §17.2.3 key: branch, sent-by and method. */
    readonly key: string,
    readonly request: SipRequest,
    readonly replyTo: SipEndpoint,
  ) {}

  get state(): NonInviteServerState {
    return this.current;
  }

  get lastResponse(): SipResponse | undefined {
    return this.last;
  }

  /** Sends a response from the TU; false when Completed discards it or the transport refused it. */
  respond(response: SipResponse): boolean {
    if (this.current !== 'trying' && this.current !== 'proceeding') return false;
    this.last = response;
    if (response.status < 200) {
      this.current = 'proceeding';
      return this.transmit(response);
    }
    this.current = 'completed';
    if (!this.transmit(response)) return false;
    if (this.timers.j > 0) this.lifetimeTimer = this.env.clock.setTimeout(this.onTimerJ, this.timers.j);
    else this.finish();
    return true;
  }

  /**
   * A retransmission of the request (§17.2.2): absorbed while Trying (the TU is still on it),
   * answered with the last response once there is one.
   */
  receiveRequest(_request: SipRequest): void {
    if (this.current !== 'trying' && this.current !== 'terminated' && this.last !== undefined)
      this.transmit(this.last);
  }

  /** §17.2.4: a transport failure reported after the send. */
  transportError(error: Error): void {
    if (this.current === 'terminated') return;
    this.finish();
    this.listener?.onTransportError?.(error, this);
  }

  /** Ends the transaction without a report. */
  terminate(): void {
    this.finish();
  }

  private readonly onTimerJ = (): void => {
    this.lifetimeTimer = undefined;
    this.finish();
  };

  private transmit(response: SipResponse): boolean {
    const error = this.env.send(response, this.replyTo);
    if (error === undefined) return true;
    this.transportError(error);
    return false;
  }

  private finish(): void {
    if (this.current === 'terminated') return;
    if (this.lifetimeTimer !== undefined) this.env.clock.clearTimeout(this.lifetimeTimer);
    this.lifetimeTimer = undefined;
    this.current = 'terminated';
    this.env.serverTerminated(this);
  }
}
