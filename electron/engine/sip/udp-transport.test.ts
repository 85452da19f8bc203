import { createSocket, type Socket } from 'node:dgram';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SipEndpoint, SipMessage } from './sip-message.js';
import { parseSipMessage } from './sip-parser.js';
import { UdpSipTransport } from './udp-transport.js';

/** Real UDP on loopback with OS-assigned ports: a peer socket talks to the transport. */
describe('SIP over UDP', () => {
  let transport: UdpSipTransport;
  let peer: Socket;
  const received: { message: SipMessage; from: SipEndpoint }[] = [];
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  let onMessage: (message: SipMessage, from: SipEndpoint) => void = (message, from) =>
    received.push({ message, from });

  beforeEach(async () => {
    received.length = 0;
    transport = await UdpSipTransport.bind({
      address: '127.0.0.1',
      port: 0,
      logger,
      onMessage: (m, f) => onMessage(m, f),
    });
    peer = createSocket('udp4');
    await new Promise<void>((resolve) => peer.bind(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    await transport.close();
    peer.close();
  });

  const sendFromPeer = (text: string) => peer.send(Buffer.from(text), transport.local.port, '127.0.0.1');
  const nextReply = () =>
    new Promise<SipMessage>((resolve) =>
      peer.once('message', (data) => {
        const parsed = parseSipMessage(data);
        if (parsed.ok) resolve(parsed.message);
      }),
    );
  const request = (via: string, extra = '') =>
    `OPTIONS sip:office@127.0.0.1 SIP/2.0\r\nVia: ${via}\r\nFrom: <sip:a@x>;tag=1\r\nTo: <sip:office@127.0.0.1>\r\n` +
    `Call-ID: c1\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n${extra}Content-Length: 0\r\n\r\n`;

  it('delivers a request with received and rport stamped on its top Via (RFC 3581)', async () => {
    sendFromPeer(request('SIP/2.0/UDP 10.9.9.9:5060;branch=z9hG4bK1;rport'));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    const peerPort = peer.address().port;
    expect(received[0]?.message.headers.get('via')).toBe(
      `SIP/2.0/UDP 10.9.9.9:5060;branch=z9hG4bK1;rport=${peerPort};received=127.0.0.1`,
    );
    expect(received[0]?.from).toEqual({ transport: 'udp', address: '127.0.0.1', port: peerPort });
  });

  it('answers a malformed request 400 to its Via and drops garbage, without stopping', async () => {
    const reply = nextReply();
    sendFromPeer(request('SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK2', 'CSeq: 2 OPTIONS\r\n'));
    const answer = await reply;
    expect(answer).toMatchObject({ kind: 'response', status: 400 });
    expect(answer.headers.get('call-id')).toBe('c1');
    sendFromPeer('\u0000\u0001garbage\r\n\r\n');
    sendFromPeer('\r\n\r\n');
    sendFromPeer(request('SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK3'));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(logger.warn).toHaveBeenCalledWith('dropped a malformed SIP message', expect.anything());
  });

  it('survives a handler that throws', async () => {
    onMessage = () => {
      throw new Error('bug in one call');
    };
    sendFromPeer(request('SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK4'));
    await vi.waitFor(() => expect(logger.error).toHaveBeenCalled());
    onMessage = (message, from) => received.push({ message, from });
    sendFromPeer(request('SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK5'));
    await vi.waitFor(() => expect(received).toHaveLength(1));
  });

  it('sends a CRLFCRLF keep-alive that a peer can tell from a message', async () => {
    const got = new Promise<Buffer>((resolve) => peer.once('message', resolve));
    transport.sendKeepAlive({ transport: 'udp', address: '127.0.0.1', port: peer.address().port });
    const data = await got;
    expect(data.toString()).toBe('\r\n\r\n');
    expect(parseSipMessage(data)).toEqual({ ok: false, keepAlive: true });
  });
});
