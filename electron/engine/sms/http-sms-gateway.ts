import type { SmsHttpProvider, SmsPlaceholder } from '../../../shared/domain/sms.js';
import { detailSnippet, type GatewayResult, type OutgoingSms, type SmsGateway } from './sms-gateway.js';
import { fillTemplate } from './sms-template.js';

export interface HttpSmsRequest {
  url: string;
  method: SmsHttpProvider['method'];
  headers: [string, string][];
  body: string | undefined;
}

const contentTypes = {
  json: 'application/json; charset=utf-8',
  form: 'application/x-www-form-urlencoded; charset=utf-8',
  text: 'text/plain; charset=utf-8',
} as const;

/**
 * The request for one message: the body template filled with escaping for its content type, or,
 * for GET, filled form-encoded into the query string. The secret header goes last, so that a
 * plain header of the same name cannot replace it.
 */
export function buildHttpSmsRequest(
  provider: SmsHttpProvider,
  sms: OutgoingSms,
  secret: string | undefined,
): HttpSmsRequest {
  const values: Record<SmsPlaceholder, string> = { to: sms.to, text: sms.text, from: sms.from, id: sms.id };
  const headers: [string, string][] = provider.headers.map(({ name, value }) => [name, value]);
  if (provider.secretHeader !== null && secret !== undefined) headers.push([provider.secretHeader, secret]);
  if (provider.method === 'GET') {
    const url = new URL(provider.url);
    const query = fillTemplate(provider.bodyTemplate, values, 'form');
    if (query !== '') url.search = url.search === '' ? query : `${url.search.slice(1)}&${query}`;
    return { url: url.toString(), method: 'GET', headers, body: undefined };
  }
  const hasContentType = headers.some(([name]) => name.toLowerCase() === 'content-type');
  return {
    url: provider.url,
    method: provider.method,
    headers: hasContentType ? headers : [['Content-Type', contentTypes[provider.format]], ...headers],
    body: fillTemplate(provider.bodyTemplate, values, provider.format),
  };
}

/**
 * The generic webhook: most SMS gateways (Korean and international) take one HTTP request per
 * message. Any 2xx is sent; any other status, a redirect included, or a network error is a
 * failed attempt, with the status and the start of the answer kept for the outbox.
 */
export class HttpSmsGateway implements SmsGateway {
  readonly provider = 'http';

  constructor(
    private readonly settings: SmsHttpProvider,
    private readonly secret: () => string | undefined,
  ) {}

  async send(sms: OutgoingSms, signal: AbortSignal): Promise<GatewayResult> {
    const request = buildHttpSmsRequest(this.settings, sms, this.secret());
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      return { ok: false, detail: detailSnippet(`Could not reach the gateway: ${networkReason(error)}`) };
    }
    let answer = '';
    try {
      answer = await response.text();
    } catch {
      // The status is what counts; a body cut off does not change it.
    }
    const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return {
      ok: response.status >= 200 && response.status < 300,
      detail: detailSnippet(answer === '' ? status : `${status}: ${answer}`),
    };
  }
}

function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch puts the socket's error (ECONNREFUSED, ENOTFOUND, a TLS failure) in `cause`.
  const cause = error.cause;
  if (cause instanceof Error)
    return 'code' in cause ? `${String(cause.code)} ${cause.message}` : cause.message;
  return error.message;
}
