import type { SmsProvider, SmsSettings } from '../../../shared/domain/sms.js';
import type { Clock, TimerHandle } from '../clock.js';
import type { Logger } from '../logger.js';
import type { SmsOutbox, SmsRow } from '../store/sms-outbox.js';
import { retryDelayMs } from './retry-schedule.js';
import { detailSnippet, type GatewayResult, type SmsGateway } from './sms-gateway.js';

export interface SmsDispatcherDeps {
  outbox: SmsOutbox;
  /** Timers. */
  clock: Clock;
  /** Wall time, for the outbox's timestamps (follows `clock` in tests). */
  now(): Date;
  settings(): SmsSettings;
  /** The gateway of a provider; undefined for 'none'. */
  gateway(provider: SmsProvider): SmsGateway | undefined;
  logger: Logger;
  /** [0, 1), for the retry jitter. */
  random?: () => number;
  /** Messages tried at once, at most. */
  concurrency?: number;
}

/** Even with nothing due, look again this often (a clock change, a row edited by hand). */
const MAX_SLEEP_MS = 300_000;
/** After the outbox itself could not be read. */
const AFTER_ERROR_MS = 30_000;
const DEFAULT_CONCURRENCY = 4;

export const NO_PROVIDER_REASON =
  'No SMS provider is set up: messages stay queued until one is chosen in the text message settings.';

/**
 * Delivers the outbox. Each queued message whose time has come gets one attempt at a time, a
 * few messages at once; a failure is retried later ({@link retryDelayMs}) until the settings'
 * maximum, then the message is failed with the gateway's last words. Every attempt is a row in
 * the outbox's history. A gateway that does not answer within the timeout has failed the
 * attempt. It wakes when a message is queued and sleeps until the next one is due; nothing it
 * meets (a gateway throwing, the store failing) escapes it.
 *
 *   queued ──attempt ok──▶ sent
 *     ▲  │
 *     │  └─attempt failed─▶ queued (retry later) … ─last attempt failed─▶ failed
 *     └──────────────────────────── resend ◀────────────────────────────────┘
 */
export class SmsDispatcher {
  private readonly inFlight = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private timer: TimerHandle | undefined;
  private timerDue = Infinity;
  private closed = false;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: SmsDispatcherDeps) {
    this.unsubscribe = deps.outbox.onChange((row) => {
      if (row.status === 'queued' && !this.inFlight.has(row.id)) this.wake();
    });
  }

  /** Starts delivering what is queued, including what an earlier run left. */
  start(): void {
    this.wake();
  }

  /** Looks for due messages at once (after a message was queued or the settings changed). */
  wake(): void {
    this.schedule(0);
  }

  /** Why queued messages are not going out, or null when a provider is set up. */
  waitingReason(): string | null {
    return this.deps.settings().provider.kind === 'none' ? NO_PROVIDER_REASON : null;
  }

  /** Stops: attempts under way are abandoned (not counted) and the message stays queued. */
  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    if (this.timer) this.deps.clock.clearTimeout(this.timer);
    this.timer = undefined;
    const running = [...this.inFlight.values()];
    for (const { controller } of running) controller.abort();
    await Promise.all(running.map(({ done }) => done));
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    const { clock } = this.deps;
    const due = clock.now() + delayMs;
    if (this.timer) {
      if (this.timerDue <= due) return;
      clock.clearTimeout(this.timer);
    }
    this.timerDue = due;
    this.timer = clock.setTimeout(() => {
      this.timer = undefined;
      this.timerDue = Infinity;
      this.pump();
    }, delayMs);
  }

  private pump(): void {
    if (this.closed) return;
    const { outbox } = this.deps;
    try {
      const settings = this.deps.settings();
      const gateway = this.deps.gateway(settings.provider);
      // No provider: nothing goes out; configuring one wakes us.
      if (!gateway) return;
      const concurrency = this.deps.concurrency ?? DEFAULT_CONCURRENCY;
      const now = this.deps.now();
      for (const row of outbox.due(now, concurrency - this.inFlight.size, [...this.inFlight.keys()]))
        this.attempt(row, gateway, settings);
      // Full: a finishing attempt wakes us.
      if (this.inFlight.size >= concurrency) return;
      const next = outbox.nextDueAt([...this.inFlight.keys()]);
      if (next) this.schedule(Math.min(Math.max(0, next.getTime() - now.getTime()), MAX_SLEEP_MS));
    } catch (error) {
      this.deps.logger.error('the SMS outbox could not be worked through', { error: String(error) });
      this.schedule(AFTER_ERROR_MS);
    }
  }

  private attempt(row: SmsRow, gateway: SmsGateway, settings: SmsSettings): void {
    const controller = new AbortController();
    const done = this.tryOnce(row, gateway, settings, controller).finally(() => {
      this.inFlight.delete(row.id);
      this.wake();
    });
    this.inFlight.set(row.id, { controller, done });
  }

  private async tryOnce(
    row: SmsRow,
    gateway: SmsGateway,
    settings: SmsSettings,
    controller: AbortController,
  ): Promise<void> {
    const { clock, logger, outbox } = this.deps;
    const timeout = clock.setTimeout(() => controller.abort(), settings.timeoutSec * 1000);
    // Whether the gateway honours the signal or not, an abort ends the attempt.
    const cut = new Promise<GatewayResult>((resolve) =>
      controller.signal.addEventListener(
        'abort',
        () => resolve({ ok: false, detail: `No answer from the gateway within ${settings.timeoutSec} s` }),
        { once: true },
      ),
    );
    let result: GatewayResult;
    try {
      const sent = gateway.send(
        { id: row.id, to: row.to, text: row.text, from: settings.from },
        controller.signal,
      );
      result = await Promise.race([sent, cut]);
    } catch (error) {
      result = { ok: false, detail: detailSnippet(error instanceof Error ? error.message : String(error)) };
    } finally {
      clock.clearTimeout(timeout);
    }
    // Closing: this attempt is abandoned, the message is tried again after the restart.
    if (this.closed) return;
    const at = this.deps.now();
    const failures = row.attempts + 1;
    try {
      if (result.ok) {
        outbox.recordAttempt(row.id, { ok: true, provider: gateway.provider, detail: result.detail, at });
        return;
      }
      const retryAt =
        failures >= settings.maxAttempts
          ? null
          : new Date(
              at.getTime() + retryDelayMs(failures, settings.retryBaseSec, this.deps.random ?? Math.random),
            );
      outbox.recordAttempt(row.id, {
        ok: false,
        provider: gateway.provider,
        detail: result.detail,
        at,
        retryAt,
      });
      if (retryAt === null)
        logger.warn('a text message could not be delivered', { id: row.id, detail: result.detail });
    } catch (error) {
      logger.error('an SMS attempt could not be recorded', { id: row.id, error: String(error) });
    }
  }
}
