import { backoffDelay } from '../../rpc/backoff.js';

/**
 * Whether the softphone can receive calls, and the watchdog that keeps it so. Browser phones
 * miss calls silently when a registration goes stale (the WebSocket died, the laptop slept, the
 * network changed, the PBX restarted and forgot the binding): this notices each within a tick
 * and asks for a fresh REGISTER (RFC 3261 §10.2) over a fresh connection, with backoff.
 *
 *     connecting ──registered──▶ registered ──(ws closed | expired | rejected)──▶ not_registered
 *         ▲                          │                                                 │
 *         └──────────────── recover (backoff, online, visible, woke) ◀─────────────────┘
 */
export type RegistrationPhase = 'connecting' | 'registered' | 'not_registered';

/** Why the phone is not registered, for the banner. */
export type NotRegisteredReason = 'disconnected' | 'expired' | 'rejected' | 'failed';

/** What made the watchdog ask for a new registration. */
export type RecoverCause = 'retry' | 'expired' | 'woke' | 'online' | 'visible' | 'manual';

export interface RegistrationStatus {
  phase: RegistrationPhase;
  reason?: NotRegisteredReason;
  /** When the binding runs out (clock ms), while registered. */
  expiresAt?: number;
  /** When the next attempt is due (clock ms), while not registered. */
  retryAt?: number;
}

export interface HealthClock {
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface RegistrationHealthOptions {
  clock: HealthClock;
  /** Re-register now (reconnecting the transport first if it is down). */
  recover(cause: RecoverCause): void;
  onChange(status: RegistrationStatus): void;
  /** Watchdog period; a tick arriving much later than this means the machine slept. */
  tickMs?: number;
  random?: () => number;
}

const DEFAULT_TICK_MS = 1000;
/** Ticks later than this (beyond the period) mean the timers were frozen: sleep or suspension. */
const SLEEP_GAP_MS = 5000;
/**
 * A REGISTER unanswered for this long went nowhere: longer than a non-INVITE transaction may
 * last (Timer F, 64*T1 = 32 s, RFC 3261 §17.1.2.2), so sip.js has given up on it by then.
 */
const REGISTER_TIMEOUT_MS = 40_000;

export class RegistrationHealth {
  private status: RegistrationStatus = { phase: 'connecting' };
  private attempt = 0;
  private connectingSince: number;
  private lastTick: number;
  private readonly tickMs: number;
  private readonly timer: unknown;

  constructor(private readonly options: RegistrationHealthOptions) {
    this.tickMs = options.tickMs ?? DEFAULT_TICK_MS;
    this.lastTick = options.clock.now();
    this.connectingSince = this.lastTick;
    this.timer = options.clock.setInterval(() => this.tick(), this.tickMs);
  }

  get current(): RegistrationStatus {
    return this.status;
  }

  /** The registrar accepted us for `expiresSec` seconds (from its 200 OK). */
  registered(expiresSec: number): void {
    this.attempt = 0;
    this.set({ phase: 'registered', expiresAt: this.options.clock.now() + expiresSec * 1000 });
  }

  /** The binding is gone or was refused: say so now, and try again after a backoff. */
  lost(reason: NotRegisteredReason): void {
    const retryAt = this.options.clock.now() + this.delay();
    this.set({ phase: 'not_registered', reason, retryAt });
  }

  /** A new REGISTER is on its way (from us or sip.js's own refresh). */
  registering(): void {
    if (this.status.phase === 'registered' || this.status.phase === 'connecting') return;
    this.connectingSince = this.options.clock.now();
    this.set({ phase: 'connecting', ...(this.status.reason ? { reason: this.status.reason } : {}) });
  }

  /** The network came back (`online`), the page is shown again, or the agent asked: check at once. */
  nudge(cause: 'online' | 'visible' | 'manual'): void {
    this.attempt = 0;
    this.options.recover(cause);
  }

  stop(): void {
    this.options.clock.clearInterval(this.timer);
  }

  private tick(): void {
    const now = this.options.clock.now();
    const gap = now - this.lastTick;
    this.lastTick = now;
    if (gap > this.tickMs + SLEEP_GAP_MS) {
      // After sleep the WebSocket may look open but lead nowhere, and the binding may be gone.
      this.attempt = 0;
      this.options.recover('woke');
      return;
    }
    const { phase, expiresAt, retryAt } = this.status;
    if (phase === 'registered' && expiresAt !== undefined && now >= expiresAt) {
      // No refresh went through before the binding ran out (RFC 3261 §10.2.1: it is gone).
      this.lost('expired');
      this.options.recover('expired');
    } else if (phase === 'not_registered' && retryAt !== undefined && now >= retryAt) {
      // The attempt's outcome sets what follows: registered, or lost again with a longer wait.
      this.set({ phase, ...(this.status.reason ? { reason: this.status.reason } : {}) });
      this.options.recover('retry');
    } else if (phase === 'connecting' && now - this.connectingSince >= REGISTER_TIMEOUT_MS) {
      this.lost('failed');
    }
  }

  private delay(): number {
    const ms = backoffDelay(this.attempt, { initialMs: 1000, maxMs: 30_000, random: this.options.random });
    this.attempt += 1;
    return ms;
  }

  private set(status: RegistrationStatus): void {
    this.status = status;
    this.options.onChange(status);
  }
}
