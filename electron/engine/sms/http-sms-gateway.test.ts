import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { smsSettingsSchema, type SmsHttpProvider } from '../../../shared/domain/sms.js';
import { buildHttpSmsRequest, HttpSmsGateway } from './http-sms-gateway.js';

const sms = { id: 'm-1', to: '01012345678', text: 'Hi "you" & co', from: '0212345678' };

function provider(fields: Record<string, unknown>): SmsHttpProvider {
  const parsed = smsSettingsSchema.parse({ provider: { kind: 'http', ...fields } }).provider;
  if (parsed.kind !== 'http') throw new Error('not http');
  return parsed;
}

describe('HTTP SMS request', () => {
  it('fills a JSON body and adds the content type, plain headers and the secret header', () => {
    const request = buildHttpSmsRequest(
      provider({
        url: 'https://gw.example.com/send',
        headers: [{ name: 'X-Account', value: 'office' }],
        secretHeader: 'Authorization',
        bodyTemplate: '{"to":"{{to}}","text":"{{text}}"}',
      }),
      sms,
      'Bearer s3cret',
    );
    expect(request).toEqual({
      url: 'https://gw.example.com/send',
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json; charset=utf-8'],
        ['X-Account', 'office'],
        ['Authorization', 'Bearer s3cret'],
      ],
      body: '{"to":"01012345678","text":"Hi \\"you\\" & co"}',
    });
  });

  it('puts a GET’s filled template into the query string, after any query the URL has', () => {
    const request = buildHttpSmsRequest(
      provider({ url: 'http://gw.local/api?key=1', method: 'GET', bodyTemplate: 'to={{to}}&msg={{text}}' }),
      sms,
      undefined,
    );
    expect(request.body).toBeUndefined();
    const url = new URL(request.url);
    expect(url.searchParams.get('key')).toBe('1');
    expect(url.searchParams.get('msg')).toBe(sms.text);
  });
});

describe('HTTP SMS gateway', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  const serve = (handler: (request: IncomingMessage, body: string) => [number, string]) =>
    new Promise<string>((resolve) => {
      server = createServer((request, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        request.on('end', () => {
          const [status, answer] = handler(request, body);
          response.writeHead(status).end(answer);
        });
      });
      server.listen(0, '127.0.0.1', () =>
        resolve(`http://127.0.0.1:${(server?.address() as AddressInfo).port}/sms`),
      );
    });

  it('is sent on a 2xx, with the form body the gateway expects', async () => {
    let received: URLSearchParams | undefined;
    const url = await serve((request, body) => {
      received = new URLSearchParams(body);
      return [202, 'queued'];
    });
    const gateway = new HttpSmsGateway(
      provider({ url, format: 'form', bodyTemplate: 'to={{to}}&text={{text}}' }),
      () => undefined,
    );
    expect(await gateway.send(sms, new AbortController().signal)).toEqual({
      ok: true,
      detail: 'HTTP 202 Accepted: queued',
    });
    expect(received?.get('text')).toBe(sms.text);
  });

  it('fails on a 500 with the status and the start of the answer, and on a closed port', async () => {
    const url = await serve(() => [500, 'upstream\n  broken']);
    const gateway = new HttpSmsGateway(provider({ url, bodyTemplate: '{}' }), () => undefined);
    expect(await gateway.send(sms, new AbortController().signal)).toEqual({
      ok: false,
      detail: 'HTTP 500 Internal Server Error: upstream broken',
    });
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
    const closed = new HttpSmsGateway(provider({ url, bodyTemplate: '{}' }), () => undefined);
    const result = await closed.send(sms, new AbortController().signal);
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/^Could not reach the gateway: ECONNREFUSED/);
  });
});
