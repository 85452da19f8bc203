import type { SipEndpoint } from './sip-message.js';

/**
 * The base timer values of RFC 3261 §17 (Table 4 in §A), in milliseconds. Every transaction
 * timer derives from these three, so an operator facing a slow link changes T1 and the rest
 * follows, as §17.1.1.1 intends.
 */
export interface SipTimerBase {
  /** RTT estimate: 500 ms by default (§17.1.1.1). */
  readonly t1: number;
  /** Longest retransmit interval for non-INVITE requests and INVITE responses: 4 s. */
  readonly t2: number;
  /** Longest time a message stays in the network: 5 s. */
  readonly t4: number;
}

export const DEFAULT_SIP_TIMER_BASE: SipTimerBase = Object.freeze({ t1: 500, t2: 4000, t4: 5000 });

/**
 * The derived timers for one kind of transport (RFC 3261 §A, Table 4), in milliseconds.
 *
 * On a reliable transport (TCP) the transport itself retransmits, so A, E and G are not used
 * (undefined), and the wait timers D, I, J and K are 0: nothing can arrive late to absorb
 * (§17.1.1.2, §17.1.2.2, §17.2.1, §17.2.2). B, F and H keep 64*T1 on every transport, since
 * they bound how long the far end may take, not how long the network may.
 */
export interface TransactionTimers extends SipTimerBase {
  readonly reliable: boolean;
  /** INVITE request retransmit interval, initially T1, doubling (§17.1.1.2). */
  readonly a: number | undefined;
  /** INVITE transaction timeout: 64*T1. */
  readonly b: number;
  /** Proxy INVITE timeout, > 3 min; listed for completeness, a UA does not run it. */
  readonly c: number;
  /** Wait for response retransmits: at least 32 s unreliable, 0 reliable. */
  readonly d: number;
  /** Non-INVITE request retransmit interval, initially T1, doubling up to T2 (§17.1.2.2). */
  readonly e: number | undefined;
  /** Non-INVITE transaction timeout: 64*T1. */
  readonly f: number;
  /** INVITE response retransmit interval, initially T1, doubling up to T2 (§17.2.1). */
  readonly g: number | undefined;
  /** Wait time for ACK receipt: 64*T1. */
  readonly h: number;
  /** Wait time for ACK retransmits: T4 unreliable, 0 reliable. */
  readonly i: number;
  /** Wait time for non-INVITE request retransmits: 64*T1 unreliable, 0 reliable. */
  readonly j: number;
  /** Wait time for response retransmits: T4 unreliable, 0 reliable. */
  readonly k: number;
  /** RFC 6026 §8.11: INVITE server transaction lingers in Accepted for 64*T1. */
  readonly l: number;
  /** RFC 6026 §8.11: INVITE client transaction lingers in Accepted for 64*T1. */
  readonly m: number;
}

/** Thrown for a timer base that would make the state machines misbehave. */
export class SipTimerConfigError extends Error {
  override readonly name = 'SipTimerConfigError';
}

/** Derives timers A–M for a reliable (TCP) or unreliable (UDP) transport. */
export function transactionTimers(
  reliable: boolean,
  base: Partial<SipTimerBase> = DEFAULT_SIP_TIMER_BASE,
): TransactionTimers {
  const t1 = base.t1 ?? DEFAULT_SIP_TIMER_BASE.t1;
  const t2 = base.t2 ?? DEFAULT_SIP_TIMER_BASE.t2;
  const t4 = base.t4 ?? DEFAULT_SIP_TIMER_BASE.t4;
  for (const [name, value] of [
    ['T1', t1],
    ['T2', t2],
    ['T4', t4],
  ] as const) {
    if (!Number.isFinite(value) || value <= 0)
      throw new SipTimerConfigError(`SIP timer ${name} must be a positive number of ms, not ${value}.`);
  }
  if (t2 < t1)
    throw new SipTimerConfigError(`SIP timer T2 (${t2} ms) must not be shorter than T1 (${t1} ms).`);
  const t1x64 = 64 * t1;
  return Object.freeze({
    reliable,
    t1,
    t2,
    t4,
    a: reliable ? undefined : t1,
    b: t1x64,
    c: 180_000,
    // §17.1.1.2 asks for "at least 32 s"; with a raised T1 the server may resend its final
    // response for up to 64*T1 (Timer H), so D must cover that too.
    d: reliable ? 0 : Math.max(32_000, t1x64),
    e: reliable ? undefined : t1,
    f: t1x64,
    g: reliable ? undefined : t1,
    h: t1x64,
    i: reliable ? 0 : t4,
    j: reliable ? 0 : t1x64,
    k: reliable ? 0 : t4,
    l: t1x64,
    m: t1x64,
  });
}

/** UDP is the only unreliable transport we speak (§18: TCP, TLS, SCTP are reliable). */
export function isReliableTransport(transport: SipEndpoint['transport']): boolean {
  return transport !== 'udp';
}

/** The next interval of a doubling retransmit timer capped at `cap` (E and G cap at T2). */
export function doubledInterval(current: number, cap: number): number {
  return Math.min(current * 2, cap);
}
