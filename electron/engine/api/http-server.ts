import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { OFFICE_SCOPE, type ClientScope } from '../../../shared/rpc/client-scope.js';
import type { RpcServer } from '../../../shared/rpc/server.js';
import { RpcError } from '../../../shared/rpc/errors.js';
import { RPC_WS_PATH, type ServerMessage } from '../../../shared/rpc/wire.js';
import { tokenMatches } from '../data-dir.js';
import type { Logger } from '../logger.js';
import { MEDIA_PATH_PREFIX, type MediaRoute } from './media-route.js';
import { serveStatic } from './static-files.js';
import type { TlsCredentials } from './tls-credentials.js';
import { MAX_FRAME_BYTES, webSocketTransport } from './ws-transport.js';

export interface HttpApiOptions {
  host: string;
  port: number;
  token: string;
  rendererDir: string;
  rpc: RpcServer;
  logger: Logger;
  /** Serves /media/… (voicemail audio) to clients holding the token. */
  media?: MediaRoute;
  /** The agent an agent's own token belongs to (their app then acts for them only). */
  agentOfToken?(token: string): string | undefined;
  /** Serve https and wss with these; without, plain http and ws. */
  tls?: TlsCredentials;
}

export interface HttpApi {
  readonly host: string;
  readonly port: number;
  /** `http://host:port` or `https://host:port`, as a browser reaches it. */
  readonly origin: string;
  /** Disconnects agents' apps whose token no longer holds (revoked, or the agent removed). */
  dropRevokedAgents(): void;
  close(): Promise<void>;
}

/** Close codes sent with a refusal (RFC 6455 §7.4.1: 1008 = policy violation). */
const POLICY_VIOLATION = 1008;
/** How long a stopping engine waits for clients to answer its close frame. */
const CLOSE_GRACE_MS = 1000;

/**
 * One HTTP (or, with `tls`, HTTPS) port for the built renderer and the WebSocket API at
 * {@link RPC_WS_PATH}. A client proves it holds the token with `?token=` (browsers cannot set
 * headers on a WebSocket) or an `Authorization: Bearer` header; a refused client gets the error
 * shape, then the close. Handlers learn whether a connection is private: TLS, or from loopback.
 */
export async function startHttpApi(options: HttpApiOptions): Promise<HttpApi> {
  const { rpc, logger, tls } = options;
  const serveRequest: RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(MEDIA_PATH_PREFIX)) {
      serveStatic(options.rendererDir, req, res);
      return;
    }
    // Media holds callers' voices: the same token and origin rules as the API.
    const refusal = admit(req, url, options);
    if (refusal instanceof RpcError) {
      res
        .writeHead(401, {
          'Content-Type': 'application/json; charset=utf-8',
          'WWW-Authenticate': 'Bearer',
        })
        .end(JSON.stringify(refusal.toShape()));
      return;
    }
    if (options.media) options.media(req, res, url.pathname);
    else res.writeHead(404).end();
  };
  const server = tls ? createTlsServer(tls, serveRequest) : createServer(serveRequest);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  /** Agents' apps connected now, by the token they came with. */
  const agentClients = new Map<WebSocket, string>();

  server.on('clientError', (_error, socket) => socket.destroy());
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== RPC_WS_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // An oversized or malformed frame surfaces as an 'error' on that socket; unhandled, it
      // would take the whole engine down with every call on it.
      ws.on('error', (error) => logger.warn('dropped an API client', { reason: error.message }));
      const scope = admit(req, url, options);
      if (scope instanceof RpcError) {
        logger.warn('refused an API client', { from: req.socket.remoteAddress, reason: scope.code });
        rejectSocket(ws, scope);
        return;
      }
      const isPrivate = tls !== undefined || isLoopback(req.socket.remoteAddress ?? '');
      rpc.attach(webSocketTransport(ws), scope, { isPrivate });
      const presented = presentedToken(req, url);
      if (scope.kind === 'agent' && presented) {
        agentClients.set(ws, presented);
        ws.once('close', () => agentClients.delete(ws));
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    host: options.host,
    port: address.port,
    origin: `${tls ? 'https' : 'http'}://${urlHost}:${address.port}`,
    dropRevokedAgents() {
      for (const [ws, token] of agentClients) {
        if (options.agentOfToken?.(token) !== undefined) continue;
        agentClients.delete(ws);
        rejectSocket(ws, new RpcError('UNAUTHORIZED', 'The agent token was revoked'));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.close(1001, 'Engine stopping');
        // RFC 6455 §7.1.1 leaves the peer to answer the close; one that vanished never will, and
        // ws would wait 30 s for it. Whoever has not answered within the grace is cut off.
        const cutOff = setTimeout(() => {
          for (const client of wss.clients) client.terminate();
        }, CLOSE_GRACE_MS);
        wss.close();
        server.closeAllConnections();
        server.close(() => {
          clearTimeout(cutOff);
          resolve();
        });
      }),
  };
}

/** A loopback host or address (an IPv4 one too as IPv6 shows it): it never leaves this machine. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^(?:::ffff:)?127\./i.test(host);
}

/** Who the client is (the office token, or an agent's), or why it is refused. */
function admit(req: IncomingMessage, url: URL, options: HttpApiOptions): ClientScope | RpcError {
  // A web page on another site may open a WebSocket to loopback; browsers always send its
  // Origin, so anything but our own page is refused even before the token is looked at.
  const origin = req.headers.origin;
  if (origin !== undefined && !sameHost(origin, req.headers.host)) {
    return new RpcError('UNAUTHORIZED', 'Cross-origin connections are not allowed');
  }
  const presented = presentedToken(req, url);
  if (tokenMatches(options.token, presented)) return OFFICE_SCOPE;
  const agentId = presented ? options.agentOfToken?.(presented) : undefined;
  if (agentId !== undefined) return { kind: 'agent', agentId };
  return new RpcError('UNAUTHORIZED', 'Missing or wrong API token');
}

/** The token a client presents: `?token=` (browsers cannot set WebSocket headers) or Bearer. */
function presentedToken(req: IncomingMessage, url: URL): string | undefined {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  return url.searchParams.get('token') ?? bearer;
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function rejectSocket(ws: WebSocket, error: RpcError): void {
  const message: ServerMessage = { t: 'err', id: null, error: error.toShape() };
  ws.send(JSON.stringify(message), () => ws.close(POLICY_VIOLATION, error.code));
}
