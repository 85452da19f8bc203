import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smsSettingsSchema, type SmsSettings } from '../../../shared/domain/sms.js';
import { testDatabase } from '../../../test/fakes/test-database.js';
import type { Logger } from '../logger.js';
import { ManualClock } from '../manual-clock.js';
import { SmsOutbox } from '../store/sms-outbox.js';
import { NO_PROVIDER_REASON, SmsDispatcher } from './sms-dispatcher.js';
import type { GatewayResult, OutgoingSms, SmsGateway } from './sms-gateway.js';

const EPOCH = Date.parse('2026-03-02T09:00:00Z');
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A gateway the test answers for: each send waits until the test resolves it (or never). */
class StubGateway implements SmsGateway {
  readonly provider = 'stub';
  readonly calls: { sms: OutgoingSms; signal: AbortSignal; answer(result: GatewayResult): void }[] = [];
  auto: GatewayResult | undefined;

  send(sms: OutgoingSms, signal: AbortSignal): Promise<GatewayResult> {
    if (this.auto) {
      this.calls.push({ sms, signal, answer: () => undefined });
      return Promise.resolve(this.auto);
    }
    return new Promise((resolve) => this.calls.push({ sms, signal, answer: resolve }));
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('SMS dispatcher', () => {
  let outbox: SmsOutbox;
  let clock: ManualClock;
  let gateway: StubGateway;
  let settings: SmsSettings;
  let dispatcher: SmsDispatcher;

  const make = () =>
    new SmsDispatcher({
      outbox,
      clock,
      now: () => new Date(EPOCH + clock.now()),
      settings: () => settings,
      gateway: (provider) => (provider.kind === 'none' ? undefined : gateway),
      logger: quiet,
      random: () => 0.5,
      concurrency: 2,
    });
  const run = async (ms: number) => {
    clock.advance(ms);
    await settle();
  };
  const queue = (text: string) =>
    outbox.queue({ callId: null, to: '01012345678', text }, new Date(EPOCH + clock.now()));

  beforeEach(() => {
    outbox = new SmsOutbox(testDatabase().db);
    clock = new ManualClock();
    gateway = new StubGateway();
    settings = smsSettingsSchema.parse({
      provider: { kind: 'http', url: 'http://127.0.0.1:9/sms', bodyTemplate: '{}' },
      from: '0212345678',
      maxAttempts: 3,
    });
    dispatcher = make();
    dispatcher.start();
  });
  afterEach(async () => {
    await dispatcher.close();
  });

  it('sends a message as soon as it is queued', async () => {
    gateway.auto = { ok: true, detail: 'HTTP 200' };
    const sms = queue('hello');
    await run(0);
    expect(gateway.calls.map((c) => c.sms)).toEqual([
      { id: sms.id, to: '01012345678', text: 'hello', from: '0212345678' },
    ]);
    expect(outbox.get(sms.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('retries a failing gateway after 30 s and 2 min, then shows the message failed', async () => {
    gateway.auto = { ok: false, detail: 'HTTP 500: down' };
    const sms = queue('hello');
    await run(0);
    expect(outbox.get(sms.id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'HTTP 500: down' });
    await run(29_999);
    expect(gateway.calls).toHaveLength(1);
    await run(1);
    expect(gateway.calls).toHaveLength(2);
    await run(119_999);
    expect(gateway.calls).toHaveLength(2);
    await run(1);
    expect(gateway.calls).toHaveLength(3);
    expect(outbox.get(sms.id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'HTTP 500: down' });
    expect(outbox.attemptsOf(sms.id).map((a) => a.ok)).toEqual([false, false, false]);
    await run(3_600_000);
    expect(gateway.calls).toHaveLength(3);
  });

  it('cuts a gateway that does not answer at the timeout, and aborts its request', async () => {
    const sms = queue('hello');
    await run(0);
    await run(14_999);
    expect(outbox.get(sms.id)?.attempts).toBe(0);
    await run(1);
    expect(gateway.calls[0]?.signal.aborted).toBe(true);
    expect(outbox.get(sms.id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'No answer from the gateway within 15 s',
    });
  });

  it('counts a gateway that throws as a failed attempt', async () => {
    gateway.send = () => Promise.reject(new Error('line is not registered yet'));
    const sms = queue('hello');
    await run(0);
    expect(outbox.get(sms.id)).toMatchObject({ attempts: 1, lastError: 'line is not registered yet' });
  });

  it('tries at most two messages at once, then the rest as those finish', async () => {
    for (const text of ['a', 'b', 'c']) queue(text);
    await run(0);
    expect(gateway.calls.map((c) => c.sms.text)).toEqual(['a', 'b']);
    gateway.calls[0]?.answer({ ok: true, detail: 'ok' });
    await run(0);
    await run(0);
    expect(gateway.calls.map((c) => c.sms.text)).toEqual(['a', 'b', 'c']);
  });

  it('keeps messages queued while no provider is set up, and says why', async () => {
    settings = { ...settings, provider: { kind: 'none' } };
    gateway.auto = { ok: true, detail: 'ok' };
    const sms = queue('hello');
    await run(60_000);
    expect(gateway.calls).toEqual([]);
    expect(dispatcher.waitingReason()).toBe(NO_PROVIDER_REASON);
    settings = smsSettingsSchema.parse({
      provider: { kind: 'sip', lineId: '6b1c1f9e-43f4-4a55-9c55-0b1e5f0f6a11' },
    });
    expect(dispatcher.waitingReason()).toBeNull();
    dispatcher.wake();
    await run(0);
    expect(outbox.get(sms.id)?.status).toBe('sent');
  });

  it('after a restart, delivers what was queued and abandons what was under way', async () => {
    const sms = queue('hello');
    await run(0);
    expect(gateway.calls).toHaveLength(1);
    await dispatcher.close();
    expect(outbox.get(sms.id)).toMatchObject({ status: 'queued', attempts: 0 });
    gateway.auto = { ok: true, detail: 'ok' };
    dispatcher = make();
    dispatcher.start();
    await run(0);
    expect(outbox.get(sms.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
