import { createSocket, type Socket } from 'node:dgram';
import type { Logger } from '../logger.js';
import { deliverReceived } from './received-message.js';
import { refusalFor } from './response-builder.js';
import type { SipEndpoint, SipMessage } from './sip-message.js';
import { parseSipMessage } from './sip-parser.js';
import { serializeSipMessage } from './sip-serializer.js';
import type { SipTransportPort } from './transaction-layer.js';

/** Largest datagram we will send (IPv4 UDP payload limit, RFC 768 / RFC 791). */
const MAX_DATAGRAM = 65_507;
/** RFC 3261 §18.1.1: above this a request should go over a congestion-controlled transport. */
const PATH_MTU_WARNING = 1300;
const KEEP_ALIVE = Buffer.from('\r\n\r\n');

export interface UdpSipTransportOptions {
  address: string;
  /** 0 lets the OS pick a free port. */
  port: number;
  logger: Logger;
  onMessage(message: SipMessage, from: SipEndpoint): void;
}

/**
 * SIP over UDP (RFC 3261 §18): one socket, datagram in → message out. Nothing a peer sends can
 * throw out of here: unreadable requests are answered 400 (or 505/513) when their Via could be
 * read, everything else is logged and dropped. Received requests get `received`/`rport` on their
 * top Via (§18.2.1, RFC 3581) so that responses find their way back through NAT.
 */
export class UdpSipTransport implements SipTransportPort {
  private constructor(
    private readonly socket: Socket,
    private readonly options: UdpSipTransportOptions,
  ) {
    socket.on('message', (data, rinfo) =>
      this.receive(data, { transport: 'udp', address: rinfo.address, port: rinfo.port }),
    );
    socket.on('error', (error) => options.logger.warn('SIP UDP socket error', { error: error.message }));
  }

  static bind(options: UdpSipTransportOptions): Promise<UdpSipTransport> {
    const socket = createSocket({ type: options.address.includes(':') ? 'udp6' : 'udp4' });
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(options.port, options.address, () => {
        socket.off('error', reject);
        resolve(new UdpSipTransport(socket, options));
      });
    });
  }

  get local(): SipEndpoint {
    const address = this.socket.address();
    return { transport: 'udp', address: address.address, port: address.port };
  }

  send(message: SipMessage, to: SipEndpoint): void {
    const bytes = serializeSipMessage(message);
    if (bytes.length > MAX_DATAGRAM)
      throw new Error(`SIP message of ${bytes.length} bytes is too large for UDP`);
    if (bytes.length > PATH_MTU_WARNING && message.kind === 'request') {
      this.options.logger.warn('SIP request over UDP exceeds the path MTU guideline', {
        bytes: bytes.length,
      });
    }
    this.socket.send(bytes, to.port, to.address, (error) => {
      if (error)
        this.options.logger.warn('SIP UDP send failed', {
          to: `${to.address}:${to.port}`,
          error: error.message,
        });
    });
  }

  /**
   * A CRLFCRLF keep-alive (the RFC 5626 §4.4.1 ping, which PBXs accept over UDP too): keeps the
   * NAT binding between us and the registrar open so that INVITEs can reach us.
   */
  sendKeepAlive(to: SipEndpoint): void {
    this.socket.send(KEEP_ALIVE, to.port, to.address, () => undefined);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }

  private receive(data: Buffer, from: SipEndpoint): void {
    const parsed = parseSipMessage(data);
    if (!parsed.ok) {
      if (parsed.keepAlive) return;
      const { error } = parsed;
      this.options.logger.warn('dropped a malformed SIP message', {
        from: `${from.address}:${from.port}`,
        reason: error.reason,
      });
      const response = refusalFor(error);
      if (response) this.safeSend(response, from);
      return;
    }
    deliverReceived(parsed.message, from, this.options.logger, this.options.onMessage);
  }

  private safeSend(message: SipMessage, to: SipEndpoint): void {
    try {
      this.send(message, to);
    } catch (error) {
      this.options.logger.warn('could not answer a malformed request', { error: String(error) });
    }
  }
}
