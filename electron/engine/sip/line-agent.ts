import type { Line, LineHandoff, Registration } from '../../../shared/domain/line.js';
import type { Clock, TimerHandle } from '../clock.js';
import { IncomingCall } from '../call/incoming-call.js';
import { OutgoingCall } from '../call/outgoing-call.js';
import type { Logger } from '../logger.js';
import type { MediaHost } from '../media/media-host.js';
import { sendSipMessage, type SipMessageOutcome } from '../sms/sip-message-sender.js';
import { DigestSession } from './digest-auth.js';
import { localAddressToward, resolveHost, splitHostPort } from './local-address.js';
import { SipRegisterExchange, type RegisterRoute } from './register-exchange.js';
import { LineRegistration } from './registration.js';
import { createResponse } from './response-builder.js';
import type { SipEndpoint, SipMessage, SipRequest } from './sip-message.js';
import type { InviteServerTransaction } from './server-transaction.js';
import { TcpSipTransport } from './tcp-transport.js';
import { TransactionLayer, type TransactionUser } from './transaction-layer.js';
import { UdpSipTransport } from './udp-transport.js';

export interface LineAccount {
  id: string;
  displayName: string;
  registrar: string;
  username: string;
  authUsername: string | null;
  password: string;
  /** How the line talks to its registrar (RFC 3261 §18). */
  transport: Line['transport'];
}

export interface LineAgentOptions {
  account: LineAccount;
  clock: Clock;
  logger: Logger;
  onStatus(status: Registration): void;
  media: MediaHost;
  /** Addresses besides the registrar allowed to send calls (settings.trustedSipSources). */
  trustedSources(): readonly string[];
  /** The line's current way of putting callers through, read when a call needs it. */
  handoff(): LineHandoff;
  /** A call arrived from the registrar: the handler answers it (or not) and drives it. */
  onCall(call: IncomingCall): void;
  /** Requested registration interval in seconds. */
  expiresSec?: number;
}

const ALLOW = 'INVITE, ACK, CANCEL, BYE, OPTIONS, INFO';
/** Home NAT routers forget UDP mappings after 30–60 s of silence; ping well inside that. */
const UDP_KEEP_ALIVE_MS = 25_000;
/** Longest shutdown waits for the BYEs of calls still up. */
const HANGUP_WAIT_MS = 2_000;

/**
 * The SIP user agent of one office line: its own transport (UDP or TCP, RFC 3261 §18) and
 * transaction layer, kept registered, and the calls it receives. Only the registrar may send it
 * calls (toll fraud and SIP scanners: others get 403); requests inside a call go to that call, by
 * Call-ID.
 */
export class LineAgent {
  private transport: UdpSipTransport | TcpSipTransport | undefined;
  private layer: TransactionLayer | undefined;
  private registration: LineRegistration | undefined;
  private registrarAddress: string | undefined;
  private local: SipEndpoint | undefined;
  private readonly calls = new Map<string, IncomingCall>();
  /** Legs we placed (agents, callbacks), by Call-ID, for the requests the far end sends in them. */
  private readonly legs = new Map<string, OutgoingCall>();
  private digest: DigestSession | undefined;
  private registrar: SipEndpoint | undefined;
  private keepAlive: TimerHandle | undefined;

  constructor(private readonly options: LineAgentOptions) {}

  async start(): Promise<void> {
    const { account, clock, logger } = this.options;
    const onMessage = (message: SipMessage, from: SipEndpoint) => this.layer?.receive(message, from);
    const transport =
      account.transport === 'tcp'
        ? await TcpSipTransport.listen({
            address: '0.0.0.0',
            port: 0,
            logger,
            onMessage,
            onConnectionFailed: (to, error) => {
              this.layer?.transportFailed(to, error);
              if (to.address === this.registrarAddress) this.registration?.refreshNow();
            },
          })
        : await UdpSipTransport.bind({ address: '0.0.0.0', port: 0, logger, onMessage });
    this.transport = transport;
    const layer = new TransactionLayer({ clock, transport, user: this.transactionUser() });
    this.layer = layer;
    const digest = (this.digest = new DigestSession({
      username: account.authUsername ?? account.username,
      password: account.password,
    }));
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
    if (transport instanceof UdpSipTransport) this.scheduleKeepAlive(transport);
  }

  private scheduleKeepAlive(transport: UdpSipTransport): void {
    this.keepAlive = this.options.clock.setTimeout(() => {
      const registrar = this.registrarAddress;
      if (registrar) {
        const { port } = splitHostPort(this.options.account.registrar);
        transport.sendKeepAlive({ transport: 'udp', address: registrar, port });
      }
      this.scheduleKeepAlive(transport);
    }, UDP_KEEP_ALIVE_MS);
  }

  /** Hangs up its calls, un-REGISTERs (RFC 3261 §10.2.2) and closes the transport. */
  async stop(): Promise<void> {
    if (this.keepAlive) this.options.clock.clearTimeout(this.keepAlive);
    // BYE every call, but do not let a peer that stopped answering hold up shutdown (a BYE
    // transaction can take 64*T1 = 32 s to time out).
    const hangups = Promise.all([...this.calls.values(), ...this.legs.values()].map((call) => call.hangup()));
    await new Promise<void>((resolve) => {
      const timer = this.options.clock.setTimeout(resolve, HANGUP_WAIT_MS);
      void hangups.then(() => {
        this.options.clock.clearTimeout(timer);
        resolve();
      });
    });
    await this.registration?.stop();
    this.layer?.close();
    await this.transport?.close();
  }

  private async route(): Promise<RegisterRoute> {
    const { host, port } = splitHostPort(this.options.account.registrar);
    const address = await resolveHost(host);
    this.registrarAddress = address;
    const transport = this.transport;
    if (!transport) throw new Error('line is stopped');
    if (transport instanceof TcpSipTransport) {
      const registrar: SipEndpoint = { transport: 'tcp', address, port };
      // The connection's own local end in Via and Contact, not the listening port: Kamailio looks
      // for an open connection by the Contact's address and port, so INVITEs come back over the
      // connection the REGISTER used, which the transport keeps open (RFC 5626 §5.3 behaviour).
      // Given the listening port, Kamailio opens a second connection to the listener instead,
      // which a firewall or NAT in front of this PC would block.
      this.local = await transport.connect(registrar);
      this.registrar = registrar;
      return { registrar, local: this.local };
    }
    const local = await localAddressToward(address, port);
    this.local = { transport: 'udp', address: local, port: transport.local.port };
    this.registrar = { transport: 'udp', address, port };
    return { registrar: this.registrar, local: this.local };
  }

  private transactionUser(): TransactionUser {
    return {
      onRequest: (request, transaction, from) => {
        if (/;\s*tag=/i.test(request.headers.get('to') ?? '')) {
          const callId = request.headers.get('call-id') ?? '';
          const call = this.calls.get(callId);
          const leg = this.legs.get(callId);
          if (call) call.handleRequest(request, transaction);
          else if (leg) leg.handleRequest(request, transaction);
          else transaction.respond(createResponse(request, 481));
          return;
        }
        if (request.method === 'INVITE' && transaction.kind === 'invite') {
          this.incomingCall(request, transaction, from);
          return;
        }
        transaction.respond(this.outOfDialog(request));
      },
      onCancel: (request, transaction, invite) => {
        // §9.2: 200 to the CANCEL, then 487 to the INVITE if it had no final response yet.
        transaction.respond(createResponse(request, invite ? 200 : 481));
        if (!invite) return;
        this.calls.get(request.headers.get('call-id') ?? '')?.cancelled();
        if ((invite.lastResponse?.status ?? 0) < 200) invite.respond(createResponse(invite.request, 487));
      },
      onAck: (request) => this.calls.get(request.headers.get('call-id') ?? '')?.acknowledged(request),
      onInvalidRequest: (request, reason, from) => {
        if (request.method !== 'ACK') {
          this.layer?.sendStateless(
            createResponse(request, 400, { reason: `Bad Request (${reason})` }),
            from,
          );
        }
      },
    };
  }

  private incomingCall(request: SipRequest, transaction: InviteServerTransaction, from: SipEndpoint): void {
    const { layer, local } = this;
    const trusted =
      from.address === this.registrarAddress || this.options.trustedSources().includes(from.address);
    if (!trusted || !layer || !local) {
      this.options.logger.warn('refused a call from an address that is neither the registrar nor trusted', {
        from: from.address,
      });
      transaction.respond(createResponse(request, 403));
      return;
    }
    const call = new IncomingCall(request, transaction, from, {
      lineId: this.options.account.id,
      accountUser: this.options.account.username,
      layer,
      media: this.options.media,
      local,
      clock: this.options.clock,
      logger: this.options.logger,
      dial: (target, headers) => this.dial(target, headers),
      handoff: this.options.handoff,
      registrar: this.options.account.registrar,
    });
    this.calls.set(call.callId, call);
    void call.ended.then(() => this.calls.delete(call.callId));
    this.options.onCall(call);
  }

  /** The registrar as configured (host[:port]), for SIP URIs of numbers and extensions. */
  get registrarHost(): string {
    return this.options.account.registrar;
  }

  /** Places a call through the registrar with the line's credentials (agent legs, callbacks). */
  dial(target: string, headers: [string, string][] = []): OutgoingCall {
    const { layer, local, digest, registrar } = this;
    if (!layer || !local || !digest || !registrar) throw new Error('the line is not registered yet');
    const { account } = this.options;
    const leg = new OutgoingCall(
      {
        layer,
        media: this.options.media,
        local,
        proxy: registrar,
        digest,
        fromUri: `sip:${account.username}@${account.registrar}`,
        displayName: account.displayName,
        logger: this.options.logger,
      },
      target,
      headers,
    );
    this.legs.set(leg.callId, leg);
    void leg.ended.then(() => this.legs.delete(leg.callId));
    return leg;
  }

  /** Sends a text as SIP MESSAGE (RFC 3428) through the registrar with the line's credentials. */
  sendMessage(target: string, text: string): Promise<SipMessageOutcome> {
    const { layer, local, digest, registrar } = this;
    if (!layer || !local || !digest || !registrar)
      return Promise.reject(new Error('the line is not registered yet'));
    const { account } = this.options;
    const fromUri = `sip:${account.username}@${account.registrar}`;
    return sendSipMessage(
      { layer, local, proxy: registrar, digest, fromUri, displayName: account.displayName },
      target,
      text,
    );
  }

  private outOfDialog(request: SipRequest) {
    if (request.method === 'OPTIONS') return createResponse(request, 200, { headers: [['allow', ALLOW]] });
    if (request.method === 'BYE' || request.method === 'INFO') return createResponse(request, 481);
    return createResponse(request, 501, { headers: [['allow', ALLOW]] });
  }
}
