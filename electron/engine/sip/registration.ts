import type { Registration } from '../../../shared/domain/line.js';
import type { Clock, TimerHandle } from '../clock.js';

/**
 * Keeps one line registered (RFC 3261 §10): refresh before the binding expires, retry with
 * backoff after failure, and un-REGISTER on stop. The REGISTER exchange itself (transaction,
 * digest challenge and retry, Contact/Expires) sits behind {@link RegisterExchange}, so this
 * state machine runs under a fake clock in tests.
 *
 * ```
 *   start ─▶ registering ──200──▶ registered ──(refresh due)──▶ registering
 *                │  ▲                                    │
 *   403/404/timeout/...                                  │
 *                ▼  │ (backoff)                          │
 *              failed ◀──────── refresh failed ──────────┘
 *   stop (any state) ─▶ un-REGISTER (Expires: 0) ─▶ stopped
 * ```
 */

export type RegisterOutcome =
  | { kind: 'registered'; expiresSec: number }
  | { kind: 'rejected'; status: number; reason: string }
  | { kind: 'timeout' }
  | { kind: 'transport-error'; message: string };

export interface RegisterExchange {
  /** Sends REGISTER with this Expires (0 removes the binding) and resolves with what came of it. */
  register(expiresSec: number): Promise<RegisterOutcome>;
}

export interface RegistrationOptions {
  clock: Clock;
  exchange: RegisterExchange;
  /** What we ask for; the registrar may grant less (RFC 3261 §10.2.1). */
  requestedExpiresSec?: number;
  onStatus(status: Registration): void;
  /** Backoff bounds after a failure; jitter spreads many engines' retries apart. */
  retryMinMs?: number;
  retryMaxMs?: number;
  random?: () => number;
}

/** Words a person can act on, by response code (RFC 3261 §21). */
export function describeRejection(status: number, reason: string): string {
  switch (status) {
    case 401:
    case 407:
      return `wrong username or password (${status})`;
    case 403:
      return `wrong password or account not allowed (403)`;
    case 404:
      return `unknown account on this registrar (404)`;
    case 423:
      return `registrar wants a longer registration interval (423)`;
    case 503:
      return `registrar unavailable (503)`;
    default:
      return `registrar refused: ${status} ${reason}`.trim();
  }
}

export class LineRegistration {
  private timer: TimerHandle | undefined;
  private failures = 0;
  private stopped = false;
  private registered = false;
  private readonly requested: number;

  constructor(private readonly options: RegistrationOptions) {
    this.requested = options.requestedExpiresSec ?? 600;
  }

  start(): void {
    this.attempt();
  }

  /**
   * Removes the binding if there is one, waiting at most `unregisterWaitMs` for the registrar:
   * shutting down must not hang on a registrar that stopped answering.
   */
  async stop(unregisterWaitMs = 2_000): Promise<void> {
    this.stopped = true;
    if (this.timer) this.options.clock.clearTimeout(this.timer);
    if (this.registered) {
      this.registered = false;
      await new Promise<void>((resolve) => {
        const timer = this.options.clock.setTimeout(resolve, unregisterWaitMs);
        this.options.exchange.register(0).then(
          () => {
            this.options.clock.clearTimeout(timer);
            resolve();
          },
          () => resolve(),
        );
      });
    }
    this.options.onStatus({ state: 'not_registered' });
  }

  /**
   * Registers again at once, e.g. when the TCP connection to the registrar broke: calls reach
   * us over that connection, so waiting for the scheduled refresh would miss them (RFC 5626 §4.4).
   */
  refreshNow(): void {
    if (this.stopped) return;
    if (this.timer) this.options.clock.clearTimeout(this.timer);
    this.attempt();
  }

  private attempt(): void {
    if (this.stopped) return;
    this.options.onStatus({ state: 'registering' });
    void this.options.exchange
      .register(this.requested)
      .catch((error: unknown): RegisterOutcome => ({ kind: 'transport-error', message: String(error) }))
      .then((outcome) => this.settle(outcome));
  }

  private settle(outcome: RegisterOutcome): void {
    // A REGISTER that was already on its way when stop() ran: its binding simply expires.
    if (this.stopped) return;
    if (outcome.kind === 'registered') {
      this.registered = true;
      this.failures = 0;
      this.options.onStatus({ state: 'registered' });
      this.schedule(refreshDelayMs(outcome.expiresSec));
      return;
    }
    this.registered = false;
    this.failures++;
    this.options.onStatus({ state: 'failed', reason: failureReason(outcome) });
    this.schedule(this.backoffMs());
  }

  private schedule(ms: number): void {
    this.timer = this.options.clock.setTimeout(() => this.attempt(), ms);
  }

  private backoffMs(): number {
    const min = this.options.retryMinMs ?? 2_000;
    const max = this.options.retryMaxMs ?? 300_000;
    const random = this.options.random ?? Math.random;
    const base = Math.min(max, min * 2 ** (this.failures - 1));
    return Math.round(base * (0.8 + 0.4 * random()));
  }
}

/**
 * Refresh ahead of expiry: halfway for short bindings, else 30 s before (many registrars grant
 * 60 s or less behind NAT, and a late refresh loses calls).
 */
export function refreshDelayMs(expiresSec: number): number {
  const ms = Math.max(1, expiresSec) * 1000;
  return ms <= 60_000 ? ms / 2 : ms - 30_000;
}

function failureReason(outcome: Exclude<RegisterOutcome, { kind: 'registered' }>): string {
  switch (outcome.kind) {
    case 'rejected':
      return describeRejection(outcome.status, outcome.reason);
    case 'timeout':
      return 'no answer from the registrar (timeout): check its address and the network';
    case 'transport-error':
      return `cannot reach the registrar: ${outcome.message}`;
  }
}
