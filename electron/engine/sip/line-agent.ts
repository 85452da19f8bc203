import type { Registration } from '../../../shared/domain/line.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { DigestSession } from './digest-auth.js';
import { localAddressToward, resolveHost, splitHostPort } from './local-address.js';
import { SipRegisterExchange, type RegisterRoute } from './register-exchange.js';
import { LineRegistration } from './registration.js';
import { createResponse } from './response-builder.js';
import type { SipEndpoint, SipRequest } from './sip-message.js';
import { TransactionLayer, type TransactionUser } from './transaction-layer.js';
import { UdpSipTransport } from './udp-transport.js';

export interface LineAccount {
  id: string;
  displayName: string;
  registrar: string;
  username: string;
  authUsername: string | null;
  password: string;
}

export interface LineAgentOptions {
  account: LineAccount;
  clock: Clock;
  logger: Logger;
  onStatus(status: Registration): void;
  /** Requested registration interval in seconds. */
  expiresSec?: number;
}

const ALLOW = 'INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, NOTIFY';

/**
 * The SIP user agent of one office line over UDP: its own socket and transaction layer, kept
 * registered. Only the registrar may send it calls (toll fraud and SIP scanners: others get 403).
 * Call handling (INVITE dialogs and media) plugs in through {@link TransactionUser}; until then
 * calls are declined with 480 so the PBX can fail over instead of ringing into silence.
 */
export class LineAgent {
  private transport: UdpSipTransport | undefined;
  private layer: TransactionLayer | undefined;
  private registration: LineRegistration | undefined;
  private registrarAddress: string | undefined;

  constructor(private readonly options: LineAgentOptions) {}

  async start(): Promise<void> {
    const { account, clock, logger } = this.options;
    const transport = await UdpSipTransport.bind({
      address: '0.0.0.0',
      port: 0,
      logger,
      onMessage: (message, from) => this.layer?.receive(message, from),
    });
    this.transport = transport;
    const layer = new TransactionLayer({ clock, transport, user: this.transactionUser() });
    this.layer = layer;
    const digest = new DigestSession({
      username: account.authUsername ?? account.username,
      password: account.password,
    });
    const exchange = new SipRegisterExchange(
      layer,
      { registrar: account.registrar, username: account.username, displayName: account.displayName },
      () => this.route(),
      digest,
    );
    this.registration = new LineRegistration({
      clock,
      exchange,
      requestedExpiresSec: this.options.expiresSec ?? 600,
      onStatus: this.options.onStatus,
    });
    this.registration.start();
  }

  /** Un-REGISTERs (RFC 3261 §10.2.2) and closes the socket. */
  async stop(): Promise<void> {
    await this.registration?.stop();
    this.layer?.close();
    await this.transport?.close();
  }

  private async route(): Promise<RegisterRoute> {
    const { host, port } = splitHostPort(this.options.account.registrar);
    const address = await resolveHost(host);
    this.registrarAddress = address;
    const local = await localAddressToward(address, port);
    const transport = this.transport;
    if (!transport) throw new Error('line is stopped');
    return {
      registrar: { transport: 'udp', address, port },
      local: { transport: 'udp', address: local, port: transport.local.port },
    };
  }

  private transactionUser(): TransactionUser {
    return {
      onRequest: (request, transaction, from) => {
        transaction.respond(this.answer(request, from));
      },
      onCancel: (_request, transaction, invite) => {
        transaction.respond(createResponse(_request, invite ? 200 : 481));
        if (invite?.lastResponse === undefined || (invite.lastResponse.status ?? 0) < 200) {
          if (invite) invite.respond(createResponse(invite.request, 487));
        }
      },
      onAck: () => undefined,
      onInvalidRequest: (request, reason, from) => {
        if (request.method !== 'ACK')
          this.layer?.sendStateless(
            createResponse(request, 400, { reason: `Bad Request (${reason})` }),
            from,
          );
      },
    };
  }

  private answer(request: SipRequest, from: SipEndpoint) {
    if (request.method === 'OPTIONS') return createResponse(request, 200, { headers: [['allow', ALLOW]] });
    if (request.method === 'INVITE') {
      if (from.address !== this.registrarAddress) {
        this.options.logger.warn('refused a call that did not come from the registrar', {
          from: from.address,
        });
        return createResponse(request, 403);
      }
      return createResponse(request, 480, { reason: 'Temporarily Unavailable (call handling not enabled)' });
    }
    if (request.method === 'BYE' || request.method === 'INFO') return createResponse(request, 481);
    return createResponse(request, 501, { headers: [['allow', ALLOW]] });
  }
}
