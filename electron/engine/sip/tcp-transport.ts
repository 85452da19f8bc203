import { connect as netConnect, createServer, type Server, type Socket } from 'node:net';
import type { Logger } from '../logger.js';
import { deliverReceived } from './received-message.js';
import { refusalFor } from './response-builder.js';
import type { SipEndpoint, SipMessage } from './sip-message.js';
import { parseSipMessage } from './sip-parser.js';
import { serializeSipMessage } from './sip-serializer.js';
import { SipStreamFramer, type StreamFramerLimits } from './stream-framer.js';
import type { SipTransportPort } from './transaction-layer.js';
import { normalizeAddress } from './via.js';

/** RFC 5626 §4.4.1 keep-alive: CRLFCRLF asks, CRLF answers. */
const PING = Buffer.from('\r\n\r\n');
const PONG = Buffer.from('\r\n');

export interface TcpSipTransportOptions {
  /** Address the listener binds to. */
  address: string;
  /** Listening port; 0 lets the OS pick a free one. */
  port: number;
  logger: Logger;
  onMessage(message: SipMessage, from: SipEndpoint): void;
  /**
   * A connection ended while the transport was open (refused, reset, timed out, closed by the
   * peer, or closed by us after it broke framing): hand it to `TransactionLayer.transportFailed`,
   * since nothing still waiting on it can arrive any more (RFC 3261 §17.1.4, §17.2.4). Called at
   * most once per connection, never from inside `send()`.
   */
  onConnectionFailed?(to: SipEndpoint, error: Error): void;
  /** Give up opening a connection after this long; the OS alone would wait about two minutes. */
  connectTimeoutMs?: number;
  /**
   * Ping a connection we opened after this long without traffic (RFC 5626 §4.4.1 CRLFCRLF), so
   * that the peer does not close it as idle; 0 turns pings off. Kamailio closes connections idle
   * for `tcp_connection_lifetime` (120 s unless configured), far sooner than a registration
   * refresh (570 s apart for a 600 s binding) would use it, and INVITEs cannot reach us until then.
   * RFC 3261 §7.5 has every stream peer ignore CRLFs between messages, so pinging is safe.
   */
  keepAliveIntervalMs?: number;
  /**
   * Close a connection the peer opened after this long without traffic. It must outlast a ringing
   * INVITE (proxies give up after about 3 min), whose final response goes back over it.
   */
  acceptedIdleTimeoutMs?: number;
  framerLimits?: Partial<StreamFramerLimits>;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Below Kamailio's default 120 s idle lifetime; pjsip uses the same 90 s. */
const DEFAULT_KEEP_ALIVE_INTERVAL_MS = 90_000;
const DEFAULT_ACCEPTED_IDLE_TIMEOUT_MS = 15 * 60_000;
/** How long a connection we close may take to flush what we still wrote to it. */
const CLOSE_GRACE_MS = 2_000;

interface Connection {
  readonly socket: Socket;
  /** The peer, with the address in canonical form; also the key of {@link TcpSipTransport.connections}. */
  readonly remote: SipEndpoint;
  readonly framer: SipStreamFramer;
  /** Out of service: no longer in the map, its input ignored, its end already reported. */
  retired: boolean;
}

/**
 * SIP over TCP (RFC 3261 §18): one connection per peer address and port, in both directions, and
 * a listener for the connections peers open to us. The stream is cut into messages by
 * {@link SipStreamFramer} (§18.3); otherwise this behaves as the UDP transport does. Nothing a peer
 * sends can throw out of here: unreadable requests are answered 400 (or 505/513) on the
 * connection they came on when their Via could be read, a stream that breaks framing is closed
 * (that connection only), and received requests get `received`/`rport` on their top Via
 * (§18.2.1, RFC 3581).
 *
 * Connections we open are kept until {@link close}, and pinged when idle: a registrar sends its
 * requests (INVITEs) back over the connection the REGISTER came on (as RFC 5626 §5.3 has edge
 * proxies do with flows; Kamailio does it without outbound support, finding the connection by the
 * Contact's address and port), so the one to the registrar must outlive every registration
 * refresh. Connections the peer opened are closed after a long idle time, so that stray ones do
 * not pile up.
 */
export class TcpSipTransport implements SipTransportPort {
  /** Keyed by `address|port` of the peer: at most one live connection per peer for sending. */
  private readonly connections = new Map<string, Connection>();
  /** Every socket not yet closed, including retired ones still flushing, for {@link close}. */
  private readonly sockets = new Set<Socket>();
  private closed = false;

  private constructor(
    private readonly server: Server,
    private readonly options: TcpSipTransportOptions,
  ) {
    server.on('connection', (socket) => this.accept(socket));
    server.on('error', (error) => options.logger.warn('SIP TCP listener error', { error: error.message }));
  }

  static listen(options: TcpSipTransportOptions): Promise<TcpSipTransport> {
    const server = createServer();
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: options.port, host: options.address }, () => {
        server.off('error', reject);
        resolve(new TcpSipTransport(server, options));
      });
    });
  }

  /** The listener: where peers open connections to us. */
  get local(): SipEndpoint {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('the SIP TCP listener is closed');
    return { transport: 'tcp', address: address.address, port: address.port };
  }

  /**
   * Opens the connection to `to`, or reuses the open one, and resolves with its local end: the
   * address the OS chose for the route to `to` and the port the peer sees us at (§18.1.1: what
   * Via sent-by should carry). Rejects if the connection cannot be opened.
   */
  connect(to: SipEndpoint): Promise<SipEndpoint> {
    let connection: Connection;
    try {
      connection = this.connectionTo(to);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const { socket } = connection;
    return new Promise((resolve, reject) => {
      if (!socket.connecting) {
        if (connection.retired) reject(new Error(`connection to ${describe(to)} is closed`));
        else resolve(localEnd(socket));
        return;
      }
      let failure: Error | undefined;
      const onError = (error: Error) => (failure = error);
      const onConnect = () => {
        socket.off('close', onClose).off('error', onError);
        resolve(localEnd(socket));
      };
      const onClose = () => {
        socket.off('connect', onConnect).off('error', onError);
        reject(failure ?? new Error(`connection to ${describe(to)} closed while opening`));
      };
      socket.once('connect', onConnect).once('close', onClose).on('error', onError);
    });
  }

  /**
   * Sends over the connection to `to`, opening it first if there is none (the bytes wait in the
   * socket until it is connected). Throws only if the transport is closed or `to` is not TCP;
   * a connection that fails later is reported through `onConnectionFailed`.
   */
  send(message: SipMessage, to: SipEndpoint): void {
    const connection = this.connectionTo(to);
    // Writing to a socket that is still connecting queues the bytes in Node's stream until
    // 'connect'; a failed write surfaces as the socket's 'error', which retires the connection.
    connection.socket.write(serializeSipMessage(message));
  }

  /**
   * Closes the listener and every connection, flushing what was written to them first. Nothing is
   * reported through `onConnectionFailed` from here on.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const serverClosed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    const socketsClosed = [...this.sockets].map(
      (socket) => new Promise<void>((resolve) => socket.once('close', () => resolve())),
    );
    for (const connection of this.connections.values()) connection.retired = true;
    this.connections.clear();
    for (const socket of this.sockets) closeGracefully(socket);
    await Promise.all([serverClosed, ...socketsClosed]);
  }

  private connectionTo(to: SipEndpoint): Connection {
    if (this.closed) throw new Error('the SIP TCP transport is closed');
    if (to.transport !== 'tcp') throw new Error(`cannot send to a ${to.transport} endpoint over TCP`);
    const remote: SipEndpoint = { transport: 'tcp', address: normalizeAddress(to.address), port: to.port };
    const existing = this.connections.get(keyOf(remote));
    if (existing) return existing;
    const socket = netConnect({ host: remote.address, port: remote.port });
    const connection = this.adopt(socket, remote);
    const timeout = this.options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    socket.setTimeout(timeout);
    const keepAlive = this.options.keepAliveIntervalMs ?? DEFAULT_KEEP_ALIVE_INTERVAL_MS;
    socket.once('connect', () => {
      // From now on the timeout measures idleness, which a ping ends: see the class comment.
      socket.setTimeout(keepAlive);
      this.options.logger.info('SIP TCP connection opened', {
        to: describe(remote),
        local: describe(localEnd(socket)),
      });
    });
    socket.on('timeout', () => {
      if (connection.retired) return;
      if (socket.connecting) this.retire(connection, new Error(`connect timed out after ${timeout} ms`));
      else socket.write(PING);
    });
    return connection;
  }

  private accept(socket: Socket): void {
    const { remoteAddress, remotePort } = socket;
    // Undefined when the peer is already gone again.
    if (this.closed || remoteAddress === undefined || remotePort === undefined) {
      socket.destroy();
      return;
    }
    const remote: SipEndpoint = {
      transport: 'tcp',
      address: normalizeAddress(remoteAddress),
      port: remotePort,
    };
    const connection = this.adopt(socket, remote);
    socket.setTimeout(this.options.acceptedIdleTimeoutMs ?? DEFAULT_ACCEPTED_IDLE_TIMEOUT_MS);
    socket.on('timeout', () => {
      if (!connection.retired) this.retire(connection, new Error('closed after being idle'));
    });
  }

  /** Wires a socket up as the connection to `remote`, which replaces any older one for sending. */
  private adopt(socket: Socket, remote: SipEndpoint): Connection {
    const connection: Connection = {
      socket,
      remote,
      framer: new SipStreamFramer(this.options.framerLimits),
      retired: false,
    };
    this.connections.set(keyOf(remote), connection);
    this.sockets.add(socket);
    // SIP messages are written whole: do not hold a small one back waiting for an ACK (Nagle).
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      try {
        this.receive(connection, chunk);
      } catch (error) {
        // Unreachable by design (framer, parser and handler never throw); a peer's bytes must
        // not take the process down, so the connection that carried them goes instead.
        this.options.logger.error('SIP TCP receive failed', { error: String(error) });
        this.retire(connection, error instanceof Error ? error : new Error(String(error)));
      }
    });
    socket.on('error', (error) => this.retire(connection, error));
    socket.on('end', () => this.retire(connection, new Error('connection closed by the peer')));
    socket.on('close', () => {
      this.sockets.delete(socket);
      // A close without 'error' or 'end' (say, destroyed while connecting) still counts.
      this.retire(connection, new Error('connection closed'));
    });
    return connection;
  }

  /**
   * Takes a connection out of service, once: later sends open a new one, so a failure reported
   * for this peer cannot hit transactions that already use the next connection. The socket is
   * flushed and closed; the owner hears of it unless the whole transport is closing.
   */
  private retire(connection: Connection, error: Error): void {
    if (connection.retired) return;
    connection.retired = true;
    const key = keyOf(connection.remote);
    if (this.connections.get(key) === connection) this.connections.delete(key);
    // A socket still connecting has nothing to flush; destroying it with the error lets a
    // pending connect() reject with the reason.
    if (connection.socket.connecting) connection.socket.destroy(error);
    else closeGracefully(connection.socket);
    if (this.closed) return;
    this.options.logger.info('SIP TCP connection closed', {
      peer: describe(connection.remote),
      reason: error.message,
    });
    try {
      this.options.onConnectionFailed?.(connection.remote, error);
    } catch (handlerError) {
      this.options.logger.error('SIP TCP connection-failure handler failed', { error: String(handlerError) });
    }
  }

  private receive(connection: Connection, chunk: Buffer): void {
    for (const frame of connection.framer.push(chunk)) {
      // A handler may have closed the transport or this connection in the meantime.
      if (connection.retired || this.closed) return;
      switch (frame.kind) {
        case 'message':
          this.deliver(connection, frame.data);
          break;
        case 'ping':
          connection.socket.write(PONG);
          break;
        case 'pong':
          break;
        case 'error':
          this.options.logger.warn('closed a SIP TCP connection that broke framing', {
            from: describe(connection.remote),
            reason: frame.reason,
          });
          this.retire(connection, new Error(`SIP framing error: ${frame.reason}`));
          return;
      }
    }
  }

  private deliver(connection: Connection, data: Buffer): void {
    const from = connection.remote;
    const parsed = parseSipMessage(data);
    if (!parsed.ok) {
      if (parsed.keepAlive) return;
      const { error } = parsed;
      this.options.logger.warn('dropped a malformed SIP message', {
        from: describe(from),
        reason: error.reason,
      });
      // The stream stays in step (the framer cut by Content-Length), so the connection lives on.
      const response = refusalFor(error);
      if (response) {
        try {
          connection.socket.write(serializeSipMessage(response));
        } catch (sendError) {
          this.options.logger.warn('could not answer a malformed request', { error: String(sendError) });
        }
      }
      return;
    }
    deliverReceived(parsed.message, from, this.options.logger, this.options.onMessage);
  }
}

function keyOf(endpoint: SipEndpoint): string {
  return `${endpoint.address}|${endpoint.port}`;
}

function describe(endpoint: SipEndpoint): string {
  return endpoint.address.includes(':')
    ? `[${endpoint.address}]:${endpoint.port}`
    : `${endpoint.address}:${endpoint.port}`;
}

function localEnd(socket: Socket): SipEndpoint {
  return {
    transport: 'tcp',
    address: normalizeAddress(socket.localAddress ?? ''),
    port: socket.localPort ?? 0,
  };
}

/**
 * Sends what is still queued, then closes. Input is no longer read, so a peer that keeps writing
 * cannot keep the socket busy; one that stops reading is cut off after {@link CLOSE_GRACE_MS}.
 */
function closeGracefully(socket: Socket): void {
  if (socket.destroyed) return;
  if (socket.connecting) {
    socket.destroy();
    return;
  }
  socket.pause();
  socket.setTimeout(CLOSE_GRACE_MS, () => socket.destroy());
  socket.end(() => socket.destroy());
}
