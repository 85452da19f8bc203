import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createResponse } from './response-builder.js';
import { SipHeaders, type SipEndpoint, type SipMessage, type SipRequest } from './sip-message.js';
import { parseSipMessage } from './sip-parser.js';
import { SipStreamFramer, type StreamFrame } from './stream-framer.js';
import { TcpSipTransport } from './tcp-transport.js';

/** What a peer socket reads: frames cut by its own framer, waited for in order. */
class PeerReader {
  readonly frames: StreamFrame[] = [];
  private readonly framer = new SipStreamFramer();
  closed = false;

  constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.frames.push(...this.framer.push(chunk)));
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => undefined);
  }

  async nextMessage(): Promise<SipMessage> {
    await vi.waitFor(() => expect(this.frames.some((f) => f.kind === 'message')).toBe(true));
    const index = this.frames.findIndex((f) => f.kind === 'message');
    const [frame] = this.frames.splice(index, 1);
    if (frame?.kind !== 'message') throw new Error('unreachable');
    const parsed = parseSipMessage(frame.data);
    if (!parsed.ok) throw new Error('peer received an unparseable message');
    return parsed.message;
  }
}

const request = (branch: string, extra = '', body = ''): string =>
  `OPTIONS sip:office@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 10.9.9.9:5060;branch=z9hG4bK${branch};rport\r\n` +
  `From: <sip:a@x>;tag=1\r\nTo: <sip:office@127.0.0.1>\r\nCall-ID: c-${branch}\r\nCSeq: 1 OPTIONS\r\n` +
  `Max-Forwards: 70\r\n${extra}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

const outgoing = (branch: string): SipRequest => ({
  kind: 'request',
  method: 'OPTIONS',
  uri: 'sip:registrar@127.0.0.1',
  headers: SipHeaders.from([
    ['via', `SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bK${branch};rport`],
    ['from', '<sip:office@127.0.0.1>;tag=9'],
    ['to', '<sip:registrar@127.0.0.1>'],
    ['call-id', `out-${branch}`],
    ['cseq', '1 OPTIONS'],
    ['max-forwards', '70'],
  ]),
  body: '',
});

/** Real TCP on loopback with OS-assigned ports: peer sockets talk to the transport. */
describe('SIP over TCP', () => {
  let transport: TcpSipTransport;
  const received: { message: SipMessage; from: SipEndpoint }[] = [];
  const failed: { to: SipEndpoint; error: Error }[] = [];
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  let onMessage: (message: SipMessage, from: SipEndpoint) => void;
  const peers: Socket[] = [];
  const servers: Server[] = [];

  beforeEach(async () => {
    received.length = 0;
    failed.length = 0;
    onMessage = (message, from) => received.push({ message, from });
    transport = await TcpSipTransport.listen({
      address: '127.0.0.1',
      port: 0,
      logger,
      onMessage: (m, f) => onMessage(m, f),
      onConnectionFailed: (to, error) => failed.push({ to, error }),
    });
  });
  afterEach(async () => {
    await transport.close();
    for (const peer of peers.splice(0)) peer.destroy();
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  /** A peer that opened a connection to the transport's listener. */
  const dial = async (): Promise<PeerReader> => {
    const socket = connect({ host: '127.0.0.1', port: transport.local.port });
    peers.push(socket);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.setNoDelay(true);
    return new PeerReader(socket);
  };

  /** A peer that listens (a registrar), and the connections the transport opens to it. */
  const listenAsPeer = async (): Promise<{ endpoint: SipEndpoint; accepted: PeerReader[] }> => {
    const accepted: PeerReader[] = [];
    const server = createServer((socket) => {
      peers.push(socket);
      accepted.push(new PeerReader(socket));
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    return { endpoint: { transport: 'tcp', address: '127.0.0.1', port: address.port }, accepted };
  };

  it('delivers two messages that arrive in one chunk, with received and rport stamped (RFC 3581)', async () => {
    const peer = await dial();
    peer.socket.write(request('1') + request('2', '', 'v=0\r\n'));
    await vi.waitFor(() => expect(received).toHaveLength(2));
    const peerPort = peer.socket.localPort;
    expect(received.map((r) => r.message.headers.get('call-id'))).toEqual(['c-1', 'c-2']);
    expect(received[0]?.message.headers.get('via')).toBe(
      `SIP/2.0/TCP 10.9.9.9:5060;branch=z9hG4bK1;rport=${peerPort};received=127.0.0.1`,
    );
    expect(received[1]?.message.body).toBe('v=0\r\n');
    expect(received[0]?.from).toEqual({ transport: 'tcp', address: '127.0.0.1', port: peerPort });
  });

  it('joins a message that arrives one byte at a time', async () => {
    const peer = await dial();
    const bytes = Buffer.from(request('3', '', 'hello'));
    for (const byte of bytes) {
      await new Promise((resolve) => peer.socket.write(Buffer.of(byte), resolve));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]?.message).toMatchObject({ kind: 'request', method: 'OPTIONS', body: 'hello' });
  });

  it('answers a malformed request 400 on the connection it came on, which stays open', async () => {
    const peer = await dial();
    peer.socket.write(request('4', 'CSeq: 2 OPTIONS\r\n'));
    const answer = await peer.nextMessage();
    expect(answer).toMatchObject({ kind: 'response', status: 400 });
    expect(answer.headers.get('call-id')).toBe('c-4');
    peer.socket.write(request('5'));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(peer.closed).toBe(false);
    expect(failed).toEqual([]);
  });

  it('closes only the connection whose stream breaks framing, and reports it', async () => {
    const bad = await dial();
    const good = await dial();
    const badPort = bad.socket.localPort;
    bad.socket.write('GARBAGE sip:x SIP/2.0\r\nVia: nonsense\r\n\r\n');
    await vi.waitFor(() => expect(bad.closed).toBe(true));
    expect(failed).toEqual([
      {
        to: { transport: 'tcp', address: '127.0.0.1', port: badPort },
        error: expect.any(Error),
      },
    ]);
    expect(failed[0]?.error.message).toMatch(/without Content-Length/);

    good.socket.write(request('6'));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    const [first] = received;
    if (first?.message.kind !== 'request') throw new Error('expected the request');
    transport.send(createResponse(first.message, 200), first.from);
    expect(await good.nextMessage()).toMatchObject({ kind: 'response', status: 200 });
  });

  it('answers an RFC 5626 CRLFCRLF ping with a CRLF pong', async () => {
    const peer = await dial();
    peer.socket.write('\r\n\r\n');
    await vi.waitFor(() => expect(peer.frames).toEqual([{ kind: 'pong' }]));
    expect(received).toEqual([]);
    expect(peer.closed).toBe(false);
  });

  it('opens one connection for the first send, queues until connected, and reuses it', async () => {
    const registrar = await listenAsPeer();
    transport.send(outgoing('7'), registrar.endpoint);
    transport.send(outgoing('8'), registrar.endpoint);
    const local = await transport.connect(registrar.endpoint);
    await vi.waitFor(() => expect(registrar.accepted).toHaveLength(1));
    const connection = registrar.accepted[0];
    if (!connection) throw new Error('unreachable');
    expect(local).toEqual({ transport: 'tcp', address: '127.0.0.1', port: connection.socket.remotePort });
    expect((await connection.nextMessage()).headers.get('call-id')).toBe('out-7');
    expect((await connection.nextMessage()).headers.get('call-id')).toBe('out-8');

    // The peer's requests come back over the same connection, from the peer's listening port.
    connection.socket.write(request('9'));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]?.from).toEqual(registrar.endpoint);
    transport.send(outgoing('10'), registrar.endpoint);
    expect((await connection.nextMessage()).headers.get('call-id')).toBe('out-10');
    expect(registrar.accepted).toHaveLength(1);
    expect(await transport.connect(registrar.endpoint)).toEqual(local);
  });

  it('pings a connection it opened once it has been idle, so the peer keeps it (RFC 5626 §4.4.1)', async () => {
    const pinging = await TcpSipTransport.listen({
      address: '127.0.0.1',
      port: 0,
      logger,
      onMessage: () => undefined,
      keepAliveIntervalMs: 30,
    });
    try {
      const registrar = await listenAsPeer();
      await pinging.connect(registrar.endpoint);
      await vi.waitFor(() => expect(registrar.accepted[0]?.frames[0]).toEqual({ kind: 'ping' }));
      expect(registrar.accepted[0]?.closed).toBe(false);
    } finally {
      await pinging.close();
    }
  });

  it('reports a connection that cannot be opened, and a closed one, without throwing from send', async () => {
    const registrar = await listenAsPeer();
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));
    transport.send(outgoing('11'), registrar.endpoint);
    await vi.waitFor(() => expect(failed).toHaveLength(1));
    expect(failed[0]?.to).toEqual(registrar.endpoint);
    expect(failed[0]?.error.message).toMatch(/ECONNREFUSED/);
    await expect(transport.connect(registrar.endpoint)).rejects.toThrow(/ECONNREFUSED/);

    const peer = await dial();
    const peerPort = peer.socket.localPort;
    peer.socket.end();
    await vi.waitFor(() => expect(failed).toHaveLength(3));
    expect(failed[2]?.to.port).toBe(peerPort);
  });

  it('survives a handler that throws', async () => {
    onMessage = () => {
      throw new Error('bug in one call');
    };
    const peer = await dial();
    peer.socket.write(request('12'));
    await vi.waitFor(() => expect(logger.error).toHaveBeenCalled());
    onMessage = (message, from) => received.push({ message, from });
    peer.socket.write(request('13'));
    await vi.waitFor(() => expect(received).toHaveLength(1));
  });

  it('refuses to send once closed, and closes every connection', async () => {
    const peer = await dial();
    const registrar = await listenAsPeer();
    await transport.connect(registrar.endpoint);
    await transport.close();
    await vi.waitFor(() => expect(peer.closed && registrar.accepted[0]?.closed).toBe(true));
    expect(() => transport.send(outgoing('14'), registrar.endpoint)).toThrow(/closed/);
    expect(failed).toEqual([]);
  });
});
