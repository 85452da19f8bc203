import type { Clock, TimerHandle } from '../clock.js';
import {
  SipHeaders,
  type SipEndpoint,
  type SipMessage,
  type SipRequest,
  type SipResponse,
} from './sip-message.js';
import { doubledInterval, type TransactionTimers } from './sip-timers.js';
import { readCSeq, topViaElement } from './transaction-fields.js';

/**
 * RFC 3261 §17.1 client transactions: the INVITE client transaction (§17.1.1, with the Accepted
 * state of RFC 6026 §7.2) and the non-INVITE client transaction (§17.1.2).
 *
 * A transaction owns its retransmissions and timeouts only; building requests, dialogs and the
 * ACK to a 2xx are the TU's (§17.1.1.3, §13.2.2.4). Each transaction holds two timer handles at
 * most and allocates its timer callbacks once, so thousands can run side by side cheaply.
 */

/** What a client transaction needs from its owner (the transaction layer). */
export interface ClientTransactionEnvironment {
  readonly clock: Clock;
  /** Hands a message to the transport; returns the error when the transport refused it (§17.1.4). */
  send(message: SipMessage, to: SipEndpoint): Error | undefined;
  /** Called once, when the transaction reaches Terminated, so the owner can forget it. */
  clientTerminated(transaction: ClientTransaction): void;
}

/**
 * The TU's side of a client transaction. Every call comes after the state change it reports,
 * so `transaction.state` is already the new state; a report may come from inside `start()` (a
 * transport that refuses the first send).
 */
export interface ClientTransactionListener {
  /** A 1xx: the far end is working on it. */
  onProvisional?(response: SipResponse, transaction: ClientTransaction): void;
  /**
   * A final response. For an INVITE, every 2xx is reported, retransmissions and other forks
   * included (RFC 6026 Accepted state): the TU ACKs each one (§13.2.2.4). A non-2xx final is
   * reported once; its ACK is sent by the transaction.
   */
  onFinal(response: SipResponse, transaction: ClientTransaction): void;
  /** Timer B or F: no final response within 64*T1 (the TU treats it as 408, §8.1.3.1). */
  onTimeout(transaction: ClientTransaction): void;
  /** §17.1.4: the transport could not send the request (or the ACK). */
  onTransportError(error: Error, transaction: ClientTransaction): void;
}

export type ClientTransaction = InviteClientTransaction | NonInviteClientTransaction;

/**
 * INVITE client transaction states (RFC 3261 §17.1.1.2, Figure 5, and RFC 6026 §7.2).
 *
 * ```
 *                                | INVITE from TU
 *              Timer A fires     | INVITE sent
 *              INVITE resent,    V
 *              A doubled   +-----------+  Timer B fires or transport error:
 *                  +-------|           |  inform TU
 *                  |       |  Calling  |--------------------------------+
 *                  +------>|           |                                |
 *                          +-----------+                                |
 *             300-699        |   |   |  2xx: to TU                      |
 *             ACK sent, to TU|   |   +--------------------+             |
 *           +----------------+   | 1xx: to TU             |             |
 *           |                    V                        V             |
 *           |  1xx: to TU  +-----------+ 2xx: to TU  +----------+       |
 *           |  +-----------|           |------------>|          |<--+   |
 *           |  |           | Proceeding|             | Accepted |   |   |
 *           |  +---------->|           |             |          |---+   |
 *           |              +-----------+             +----------+       |
 *           |  300-699           |                        |             |
 *           |  ACK sent, to TU   |                        | Timer M     |
 *           V                    V                        | (64*T1)     |
 *         +------------------------+                      |             |
 *         |                        |<--+ 300-699:         |             |
 *         |       Completed        |   | ACK resent,      |             |
 *         |                        |---+ not to TU        |             |
 *         +------------------------+                      |             |
 *                    | Timer D (32 s UDP, 0 TCP)          |             |
 *                    V                                    V             |
 *         +-----------------------------------------------------+       |
 *         |                      Terminated                     |<------+
 *         +-----------------------------------------------------+
 * ```
 *
 * In Accepted every 2xx goes to the TU (which ACKs each one); anything else is absorbed.
 */
export type InviteClientState = 'calling' | 'proceeding' | 'completed' | 'accepted' | 'terminated';

export class InviteClientTransaction {
  readonly kind = 'invite';
  private current: InviteClientState = 'calling';
  private started = false;
  /** The ACK for a non-2xx final, built once and resent for each retransmitted final. */
  private ack: SipRequest | undefined;
  /** Timer A. */
  private retransmitTimer: TimerHandle | undefined;
  /** Timer B, D or M: only one runs at a time. */
  private lifetimeTimer: TimerHandle | undefined;
  private interval = 0;

  constructor(
    private readonly env: ClientTransactionEnvironment,
    readonly timers: TransactionTimers,
    /** The §17.1.3 key: branch and method. */
    readonly key: string,
    readonly request: SipRequest,
    readonly destination: SipEndpoint,
    private readonly listener: ClientTransactionListener,
  ) {}

  get state(): InviteClientState {
    return this.current;
  }

  /** Sends the INVITE and starts Timer A (unreliable transports only) and Timer B. */
  start(): void {
    if (this.started || this.current !== 'calling') return;
    this.started = true;
    // Timers first: a response (or a transport error) delivered from inside send() then finds
    // them and stops them, instead of their being started after the transaction moved on.
    const a = this.timers.a;
    if (a !== undefined) {
      this.interval = a;
      this.retransmitTimer = this.env.clock.setTimeout(this.onTimerA, a);
    }
    this.lifetimeTimer = this.env.clock.setTimeout(this.onTimerB, this.timers.b);
    this.transmit(this.request);
  }

  /** A response matched to this transaction (§17.1.3). */
  receive(response: SipResponse): void {
    const status = response.status;
    switch (this.current) {
      case 'calling':
      case 'proceeding':
        if (status < 200) {
          // §17.1.1.2: a provisional response stops retransmissions and Timer B; from here
          // the TU decides how long to wait (CANCEL, §9.1).
          if (this.current === 'calling') {
            this.stopTimers();
            this.current = 'proceeding';
          }
          this.listener.onProvisional?.(response, this);
        } else if (status < 300) {
          this.stopTimers();
          this.current = 'accepted';
          this.lifetimeTimer = this.env.clock.setTimeout(this.onLifetimeOver, this.timers.m);
          this.listener.onFinal(response, this);
        } else {
          this.stopTimers();
          this.current = 'completed';
          const ack = buildNon2xxAck(this.request, response);
          this.ack = ack;
          const error = this.env.send(ack, this.destination);
          if (error === undefined) this.linger(this.timers.d);
          else this.finish();
          this.listener.onFinal(response, this);
          if (error !== undefined) this.listener.onTransportError(error, this);
        }
        return;
      case 'completed':
        // §17.1.1.2: a retransmitted final means our ACK was lost; resend it, tell no one.
        if (status >= 300 && this.ack !== undefined) this.transmit(this.ack);
        return;
      case 'accepted':
        if (status >= 200 && status < 300) this.listener.onFinal(response, this);
        return;
      case 'terminated':
        return;
    }
  }

  /** §17.1.4: a transport failure reported after the send (a TCP connection that broke). */
  transportError(error: Error): void {
    if (this.current === 'terminated') return;
    this.finish();
    this.listener.onTransportError(error, this);
  }

  /**
   * Ends the transaction without a report: the TU gave up, e.g. 64*T1 after a CANCEL that got
   * no final response (§9.1).
   */
  terminate(): void {
    this.finish();
  }

  private readonly onTimerA = (): void => {
    this.retransmitTimer = undefined;
    if (this.current !== 'calling') return;
    this.interval *= 2; // §17.1.1.2: no cap for INVITE; Timer B ends it.
    this.retransmitTimer = this.env.clock.setTimeout(this.onTimerA, this.interval);
    this.transmit(this.request);
  };

  private readonly onTimerB = (): void => {
    this.lifetimeTimer = undefined;
    if (this.current !== 'calling') return;
    this.finish();
    this.listener.onTimeout(this);
  };

  private readonly onLifetimeOver = (): void => {
    this.lifetimeTimer = undefined;
    this.finish();
  };

  /** Stays to absorb retransmissions for `ms`, or terminates at once when `ms` is 0 (TCP). */
  private linger(ms: number): void {
    if (ms > 0) this.lifetimeTimer = this.env.clock.setTimeout(this.onLifetimeOver, ms);
    else this.finish();
  }

  private transmit(message: SipMessage): void {
    const error = this.env.send(message, this.destination);
    if (error !== undefined) this.transportError(error);
  }

  private stopTimers(): void {
    if (this.retransmitTimer !== undefined) this.env.clock.clearTimeout(this.retransmitTimer);
    if (this.lifetimeTimer !== undefined) this.env.clock.clearTimeout(this.lifetimeTimer);
    this.retransmitTimer = undefined;
    this.lifetimeTimer = undefined;
  }

  private finish(): void {
    if (this.current === 'terminated') return;
    this.stopTimers();
    this.current = 'terminated';
    this.env.clientTerminated(this);
  }
}

/**
 * Non-INVITE client transaction states (RFC 3261 §17.1.2.2, Figure 6).
 *
 * ```
 *                                   | Request from TU
 *                                   | send request
 *               Timer E             V
 *               send request  +-----------+
 *               E doubled,    |           |-------------------+
 *               capped at T2  |  Trying   |  Timer F          |
 *                   +---------|           |  or transport err.|
 *                   +-------->|           |  inform TU        |
 *                             +-----------+                   |
 *                200-699         |  |                         |
 *                resp. to TU     |  | 1xx                     |
 *                +---------------+  | resp. to TU             |
 *                |                  |                         |
 *                |   Timer E        V       Timer F           |
 *                |   send req +-----------+ or transport err. |
 *                |   E = T2   |           | inform TU         |
 *                |  +---------| Proceeding|------------------>|
 *                |  +-------->|           |-----+             |
 *                |            +-----------+     | 1xx         |
 *                |              |      ^        | resp to TU  |
 *                | 200-699      |      +--------+             |
 *                | resp. to TU  |                             |
 *                |              V                             |
 *                |            +-----------+                   |
 *                |            |           |                   |
 *                |            | Completed | (absorbs          |
 *                |            |           |  retransmissions) |
 *                |            +-----------+                   |
 *                |              ^   |                         |
 *                |              |   | Timer K (T4 UDP, 0 TCP) |
 *                +--------------+   | -                       |
 *                                   |                         |
 *                                   V                         |
 *             NOTE:           +-----------+                   |
 *                             |           |                   |
 *         transitions         | Terminated|<------------------+
 *         labeled with        |           |
 *         event / action      +-----------+
 * ```
 */
export type NonInviteClientState = 'trying' | 'proceeding' | 'completed' | 'terminated';

export class NonInviteClientTransaction {
  readonly kind = 'non-invite';
  private current: NonInviteClientState = 'trying';
  private started = false;
  /** Timer E. */
  private retransmitTimer: TimerHandle | undefined;
  /** Timer F, then K. */
  private lifetimeTimer: TimerHandle | undefined;
  private interval = 0;

  constructor(
    private readonly env: ClientTransactionEnvironment,
    readonly timers: TransactionTimers,
    /** The §17.1.3 key: branch and method. */
    readonly key: string,
    readonly request: SipRequest,
    readonly destination: SipEndpoint,
    private readonly listener: ClientTransactionListener,
  ) {}

  get state(): NonInviteClientState {
    return this.current;
  }

  /** Sends the request and starts Timer E (unreliable transports only) and Timer F. */
  start(): void {
    if (this.started || this.current !== 'trying') return;
    this.started = true;
    // Timers before the send, as in the INVITE transaction.
    const e = this.timers.e;
    if (e !== undefined) {
      this.interval = e;
      this.retransmitTimer = this.env.clock.setTimeout(this.onTimerE, e);
    }
    this.lifetimeTimer = this.env.clock.setTimeout(this.onTimerF, this.timers.f);
    this.transmit();
  }

  /** A response matched to this transaction (§17.1.3). */
  receive(response: SipResponse): void {
    if (this.current !== 'trying' && this.current !== 'proceeding') return; // Completed absorbs
    if (response.status < 200) {
      this.current = 'proceeding';
      this.listener.onProvisional?.(response, this);
      return;
    }
    this.stopTimers();
    this.current = 'completed';
    if (this.timers.k > 0) this.lifetimeTimer = this.env.clock.setTimeout(this.onTimerK, this.timers.k);
    else this.finish();
    this.listener.onFinal(response, this);
  }

  /** §17.1.4: a transport failure reported after the send. */
  transportError(error: Error): void {
    if (this.current === 'terminated') return;
    this.finish();
    this.listener.onTransportError(error, this);
  }

  /** Ends the transaction without a report. */
  terminate(): void {
    this.finish();
  }

  private readonly onTimerE = (): void => {
    this.retransmitTimer = undefined;
    if (this.current === 'trying') this.interval = doubledInterval(this.interval, this.timers.t2);
    // §17.1.2.2: once the far end has answered provisionally, retransmit only every T2.
    else if (this.current === 'proceeding') this.interval = this.timers.t2;
    else return;
    this.retransmitTimer = this.env.clock.setTimeout(this.onTimerE, this.interval);
    this.transmit();
  };

  private readonly onTimerF = (): void => {
    this.lifetimeTimer = undefined;
    if (this.current !== 'trying' && this.current !== 'proceeding') return;
    this.finish();
    this.listener.onTimeout(this);
  };

  private readonly onTimerK = (): void => {
    this.lifetimeTimer = undefined;
    this.finish();
  };

  private transmit(): void {
    const error = this.env.send(this.request, this.destination);
    if (error !== undefined) this.transportError(error);
  }

  private stopTimers(): void {
    if (this.retransmitTimer !== undefined) this.env.clock.clearTimeout(this.retransmitTimer);
    if (this.lifetimeTimer !== undefined) this.env.clock.clearTimeout(this.lifetimeTimer);
    this.retransmitTimer = undefined;
    this.lifetimeTimer = undefined;
  }

  private finish(): void {
    if (this.current === 'terminated') return;
    this.stopTimers();
    this.current = 'terminated';
    this.env.clientTerminated(this);
  }
}

/**
 * RFC 3261 §17.1.1.3: the ACK for a non-2xx final response. Request-URI, Call-ID, From and the
 * CSeq number come from the INVITE, To (with the tag the far end chose) from the response; the
 * single Via is the INVITE's top Via, so the ACK matches the server transaction (same branch);
 * the INVITE's Route headers are kept so that the ACK follows the INVITE's path.
 */
export function buildNon2xxAck(invite: SipRequest, response: SipResponse): SipRequest {
  const source = invite.headers;
  const headers = new SipHeaders();
  const via = topViaElement(source);
  if (via !== undefined) headers.append('via', via);
  for (const route of source.getAll('route')) headers.append('route', route);
  headers.append('max-forwards', '70');
  copy(source, headers, 'from');
  copy(response.headers, headers, 'to');
  copy(source, headers, 'call-id');
  headers.append('cseq', `${readCSeq(source)?.seq ?? 0} ACK`);
  return { kind: 'request', method: 'ACK', uri: invite.uri, headers, body: '' };
}

function copy(from: SipHeaders, to: SipHeaders, name: string): void {
  const value = from.get(name);
  if (value !== undefined) to.append(name, value);
}
