import { randomBytes } from 'node:crypto';
import type { DigestSession } from './digest-auth.js';
import { parseNameAddrList } from './name-addr.js';
import { newTag } from './response-builder.js';
import type { RegisterExchange, RegisterOutcome } from './registration.js';
import { SipHeaders, type SipEndpoint, type SipRequest, type SipResponse } from './sip-message.js';
import { parseSipUri } from './sip-uri.js';
import type { TransactionLayer } from './transaction-layer.js';
import { newBranch } from './via.js';

export interface RegisterAccount {
  /** `host` or `host:port` as the user typed it: the domain of the address-of-record. */
  registrar: string;
  username: string;
  displayName: string;
}

export interface RegisterRoute {
  /** Where REGISTERs go (the registrar, resolved). */
  registrar: SipEndpoint;
  /** Our address as the registrar sees the path (Via sent-by, Contact). */
  local: SipEndpoint;
}

type Sent =
  { kind: 'final'; response: SipResponse } | { kind: 'timeout' } | { kind: 'error'; message: string };

/** Resends allowed for one REGISTER: a digest challenge, then possibly 423 Interval Too Brief. */
const MAX_ATTEMPTS = 3;

/**
 * One REGISTER exchange (RFC 3261 §10.2) over the transaction layer: the same Call-ID and a
 * rising CSeq for every REGISTER of this line (§10.2.4), digest answers for 401/407 (§22.2,
 * reusing the nonce on later refreshes), Min-Expires honoured on 423 (§10.2.8), and the granted
 * interval read from our Contact's expires parameter or the Expires header (§10.2.4).
 */
export class SipRegisterExchange implements RegisterExchange {
  private readonly callId = `${randomBytes(12).toString('hex')}@switchboard`;
  private readonly fromTag = newTag();
  private cseq = 0;

  constructor(
    private readonly layer: TransactionLayer,
    private readonly account: RegisterAccount,
    private readonly route: () => Promise<RegisterRoute>,
    private readonly digest: DigestSession,
  ) {}

  async register(expiresSec: number): Promise<RegisterOutcome> {
    let route: RegisterRoute;
    try {
      route = await this.route();
    } catch (error) {
      return { kind: 'transport-error', message: error instanceof Error ? error.message : String(error) };
    }
    let expires = expiresSec;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const request = this.buildRequest(route, expires);
      this.digest.applyTo(request);
      const sent = await this.send(request, route.registrar);
      if (sent.kind === 'timeout') return { kind: 'timeout' };
      if (sent.kind === 'error') return { kind: 'transport-error', message: sent.message };
      const { response } = sent;
      if (response.status >= 200 && response.status < 300) {
        return {
          kind: 'registered',
          expiresSec: expiresSec === 0 ? 0 : this.grantedExpires(response, route, expires),
        };
      }
      if ((response.status === 401 || response.status === 407) && attempt < MAX_ATTEMPTS) {
        if (this.digest.handleChallenge(response).ok) continue;
      }
      if (response.status === 423 && attempt < MAX_ATTEMPTS) {
        const minimum = Number(response.headers.get('min-expires'));
        if (Number.isInteger(minimum) && minimum > expires) {
          expires = minimum;
          continue;
        }
      }
      return { kind: 'rejected', status: response.status, reason: response.reason };
    }
    return { kind: 'rejected', status: 401, reason: 'Unauthorized' };
  }

  /** Our Contact URI: where the registrar sends INVITEs for this line. */
  contactUri(local: SipEndpoint): string {
    const host = local.address.includes(':') ? `[${local.address}]` : local.address;
    const transport = local.transport === 'udp' ? '' : `;transport=${local.transport}`;
    return `sip:${this.account.username}@${host}:${local.port}${transport}`;
  }

  private buildRequest(route: RegisterRoute, expires: number): SipRequest {
    const domain = this.account.registrar;
    const aor = `sip:${this.account.username}@${domain}`;
    const host = route.local.address.includes(':') ? `[${route.local.address}]` : route.local.address;
    const display = this.account.displayName.replace(/["\\\r\n]/g, '');
    this.cseq++;
    return {
      kind: 'request',
      method: 'REGISTER',
      uri: `sip:${domain}`,
      headers: SipHeaders.from([
        [
          'via',
          `SIP/2.0/${route.local.transport.toUpperCase()} ${host}:${route.local.port};branch=${newBranch()};rport`,
        ],
        ['max-forwards', '70'],
        ['from', `"${display}" <${aor}>;tag=${this.fromTag}`],
        ['to', `"${display}" <${aor}>`],
        ['call-id', this.callId],
        ['cseq', `${this.cseq} REGISTER`],
        ['contact', `<${this.contactUri(route.local)}>;expires=${expires}`],
        ['expires', String(expires)],
        ['allow', 'INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, NOTIFY'],
        ['user-agent', 'Switchboard'],
      ]),
      body: '',
    };
  }

  private send(request: SipRequest, to: SipEndpoint): Promise<Sent> {
    return new Promise((resolve) => {
      try {
        this.layer.sendRequest(request, to, {
          onFinal: (response) => resolve({ kind: 'final', response }),
          onTimeout: () => resolve({ kind: 'timeout' }),
          onTransportError: (error) => resolve({ kind: 'error', message: error.message }),
        });
      } catch (error) {
        resolve({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    });
  }

  private grantedExpires(response: SipResponse, route: RegisterRoute, requested: number): number {
    const ours = parseSipUri(this.contactUri(route.local));
    for (const value of response.headers.getAll('contact')) {
      const contacts = parseNameAddrList(value);
      if (!contacts.ok) continue;
      for (const contact of contacts.value) {
        const uri = parseSipUri(contact.uri);
        const expires = Number(contact.params.get('expires'));
        if (
          ours.ok &&
          uri.ok &&
          uri.value.user === ours.value.user &&
          uri.value.port === ours.value.port &&
          Number.isInteger(expires)
        ) {
          return expires;
        }
      }
    }
    const header = Number(response.headers.get('expires'));
    return Number.isInteger(header) && header > 0 ? header : requested;
  }
}
