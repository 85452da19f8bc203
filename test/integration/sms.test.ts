import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineWithApi } from '../support/engine-api.js';
import { officeWithTestbed } from '../support/office-with-testbed.js';
import type { RawApiClient } from '../support/ws-client.js';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

interface Message {
  id: string;
  to: string;
  text: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

/** A stand-in SMS gateway: a real HTTP server on loopback that answers with `status`. */
function gateway() {
  const received: Received[] = [];
  let status = 200;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body,
        at: Date.now(),
      });
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(status < 300 ? '{"result":"queued"}' : '{"error":"carrier unavailable"}');
    });
  });
  return {
    received,
    answer: (next: number) => (status = next),
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/sms`),
        ),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Text messages through the real headless engine: configured over the API to a real HTTP
 * server standing in for the SMS gateway, an agent's message arrives there with the template
 * filled and the secret header; a gateway that keeps failing is retried, then shown failed.
 */
describe('SMS through an HTTP gateway', () => {
  const running = engineWithApi();
  const server = gateway();
  let url: string;

  beforeAll(async () => {
    url = await server.listen();
  });
  afterAll(() => server.close());

  it('keeps a message queued, and says why, while no provider is set up', async () => {
    const sms = await running.api.result<Message>('sms.send', { to: '01012345678', text: 'queued early' });
    expect(sms.status).toBe('queued');
    const outbox = await running.api.result<{ messages: Message[]; waitingReason: string | null }>(
      'sms.outbox',
      {},
    );
    expect(outbox.messages).toMatchObject([{ id: sms.id, status: 'queued', attempts: 0 }]);
    expect(outbox.waitingReason).toMatch(/No SMS provider is set up/);
    expect(server.received).toEqual([]);
  });

  it('delivers to the gateway with the template filled and the secret header, once configured', async () => {
    const view = await running.api.result<Record<string, unknown>>('sms.configure', {
      provider: {
        kind: 'http',
        url,
        method: 'POST',
        format: 'json',
        headers: [{ name: 'X-Account', value: 'front-desk' }],
        secretHeader: 'Authorization',
        secretValue: 'Bearer gw-secret-1',
        bodyTemplate: '{"to": "{{to}}", "from": "{{from}}", "message": "{{text}}"}',
      },
      from: '0212345678',
      maxAttempts: 3,
      retryBaseSec: 1,
    });
    expect(view.hasSecret).toBe(true);
    expect(JSON.stringify(view)).not.toContain('gw-secret-1');

    const text = '예약 확인: 3시 "A" 진료실\n감사합니다';
    const sms = await running.api.result<Message>('sms.send', { to: '+821099998888', text });
    const sent = await smsChange(running.api, sms.id, (status) => status === 'sent', 10_000);
    expect(sent.payload).toMatchObject({ attempts: 1, lastError: null });

    const arrived = server.received.find((r) => r.body.includes('+821099998888'));
    expect(arrived?.method).toBe('POST');
    expect(arrived?.headers.authorization).toBe('Bearer gw-secret-1');
    expect(arrived?.headers['x-account']).toBe('front-desk');
    expect(arrived?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(arrived?.body ?? '')).toEqual({
      to: '+821099998888',
      from: '0212345678',
      message: text,
    });

    // The message queued before any provider went out too.
    const outbox = await running.api.result<{ messages: Message[]; waitingReason: string | null }>(
      'sms.outbox',
      {
        status: 'sent',
      },
    );
    expect(outbox.messages.map((m) => m.text).sort()).toEqual(['queued early', text].sort());
    expect(outbox.waitingReason).toBeNull();
  });

  it('retries a gateway answering 500, then shows the message failed with each attempt', async () => {
    server.answer(500);
    const before = server.received.length;
    const sms = await running.api.result<Message>('sms.send', {
      to: '01055556666',
      text: 'Your table is ready',
    });
    const failed = await smsChange(running.api, sms.id, (status) => status === 'failed', 20_000);
    expect(failed.payload).toMatchObject({ attempts: 3 });
    const tries = server.received.slice(before);
    expect(tries).toHaveLength(3);
    // Backoff: about 1 s, then about 4 s (±20 %).
    const gaps = [tries[1]!.at - tries[0]!.at, tries[2]!.at - tries[1]!.at];
    expect(gaps[0]).toBeGreaterThan(700);
    expect(gaps[1]).toBeGreaterThan(3000);

    const outbox = await running.api.result<{ messages: Message[] }>('sms.outbox', { status: 'failed' });
    expect(outbox.messages).toEqual([
      expect.objectContaining({
        id: sms.id,
        status: 'failed',
        attempts: 3,
        lastError: 'HTTP 500 Internal Server Error: {"error":"carrier unavailable"}',
      }),
    ]);
    const attempts = await running.api.result<{ ok: boolean; provider: string; detail: string }[]>(
      'sms.attempts',
      {
        id: sms.id,
      },
    );
    expect(attempts.map((a) => [a.provider, a.ok])).toEqual([
      ['http', false],
      ['http', false],
      ['http', false],
    ]);
  }, 30_000);

  it('resends a failed message once the gateway works again, keeping the failed attempts', async () => {
    server.answer(200);
    const [failed] = (await running.api.result<{ messages: Message[] }>('sms.outbox', { status: 'failed' }))
      .messages;
    if (!failed) throw new Error('no failed message');
    expect(await running.api.result<Message>('sms.resend', { id: failed.id })).toMatchObject({
      status: 'queued',
    });
    await smsChange(running.api, failed.id, (status) => status === 'sent', 10_000);
    const attempts = await running.api.result<{ ok: boolean }[]>('sms.attempts', { id: failed.id });
    expect(attempts.map((a) => a.ok)).toEqual([false, false, false, true]);
    const again = await running.api.call('sms.resend', { id: failed.id });
    expect(again).toMatchObject({
      t: 'err',
      error: { code: 'CONFLICT', message: 'The message was sent already' },
    });
  });

  it('refuses settings a gateway could not use, saying which field is wrong', async () => {
    const reply = await running.api.call('sms.configure', {
      provider: { kind: 'http', url: 'file:///etc/passwd', bodyTemplate: '{"to": {{to}}}' },
    });
    expect(reply.t).toBe('err');
    expect(JSON.stringify(reply)).toContain('Use an http:// or https:// address');
    expect(JSON.stringify(reply)).toContain('not valid JSON');
  });
});

/**
 * SIP MESSAGE (RFC 3428) through the office line: Kamailio challenges it, relays it to agent1's
 * baresip (the test bed routes 010… numbers there, as a PBX's SMS gateway would), which
 * accepts it with 200.
 */
describe('SMS as SIP MESSAGE through the office line', () => {
  const office = officeWithTestbed({ auth: true, agents: ['agent1'] }, { timeoutMs: 60_000 });

  it('reaches the phone behind the PBX, answering the proxy’s challenge with the line’s password', async () => {
    const { testbed, api } = office;
    const [line] = await api.result<{ id: string }[]>('lines.list', {});
    await api.result('sms.configure', { provider: { kind: 'sip', lineId: line?.id } });
    const text = 'Switchboard: 예약이 확인되었습니다';
    const sms = await api.result<Message>('sms.send', { to: '01012345678', text });
    const sent = await smsChange(api, sms.id, (status) => status !== 'queued', 15_000);
    expect(sent.payload).toMatchObject({ status: 'sent', attempts: 1 });
    const [attempt] = await api.result<{ provider: string; ok: boolean; detail: string }[]>('sms.attempts', {
      id: sms.id,
    });
    expect(attempt).toMatchObject({ provider: 'sip', ok: true, detail: 'SIP 200 OK' });
    const proxyLog = testbed.logs('kamailio');
    expect(proxyLog).toMatch(/TESTBED AUTH challenge MESSAGE from office/);
    expect(proxyLog).toMatch(/TESTBED AUTH ok MESSAGE from office/);
    // The 200 is baresip's (Kamailio relays MESSAGE to agent1's binding and answers none
    // itself). baresip shows the text only on a UI module, which the test bed does not load.
    expect(proxyLog).toMatch(/TESTBED REQ MESSAGE sip:01012345678@/);
  }, 30_000);

  it('sends a long text over the UDP line as several MESSAGEs of at most 1300 bytes, all delivered', async () => {
    const { testbed, api } = office;
    const before = relayedMessages(testbed.logs('kamailio'));
    const text = '예약하신 날짜가 다음 주 화요일 오전 열 시로 변경되었습니다. '.repeat(50).trim();
    const sms = await api.result<Message>('sms.send', { to: '01012345678', text });
    const sent = await smsChange(api, sms.id, (status) => status !== 'queued', 30_000);
    expect(sent.payload).toMatchObject({ status: 'sent', attempts: 1 });
    // About 5 KB of Korean: a dozen parts, each one relayed to the phone and accepted.
    expect(relayedMessages(testbed.logs('kamailio')) - before).toBeGreaterThanOrEqual(
      Math.ceil(Buffer.byteLength(text) / 1300),
    );
  }, 60_000);
});

/** How many MESSAGEs to 01012345678 the proxy relayed so far (its log names each). */
function relayedMessages(proxyLog: string): number {
  return proxyLog.match(/TESTBED REQ MESSAGE sip:01012345678@/g)?.length ?? 0;
}

/** The next sms.changed of message `id` whose status passes `wanted`. */
function smsChange(
  api: RawApiClient,
  id: string,
  wanted: (status: Message['status']) => boolean,
  timeoutMs: number,
) {
  return api.waitFor(
    (f) =>
      f.name === 'sms.changed' && (f.payload as Message).id === id && wanted((f.payload as Message).status),
    timeoutMs,
  );
}
