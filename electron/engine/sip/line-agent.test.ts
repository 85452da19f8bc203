import { createSocket, type Socket } from 'node:dgram';
import { describe, expect, it, vi } from 'vitest';
import type { MediaHost } from '../media/media-host.js';
import { ManualClock } from '../manual-clock.js';
import { LineAgent } from './line-agent.js';
import { createResponse } from './response-builder.js';
import { parseSipMessage } from './sip-parser.js';
import { serializeSipMessage } from './sip-serializer.js';

/**
 * The line's UDP keep-alive schedule (RFC 5626 §4.4.1 style CRLF pings) under a manual clock,
 * against a registrar played by a UDP socket on loopback: a ping every 25 s once registered, so
 * a home router's UDP mapping (30–60 s) never lapses, and none after the line stops.
 */
async function fakeRegistrar(): Promise<{
  socket: Socket;
  port: number;
  pings: number[];
  clock: ManualClock;
}> {
  const socket = createSocket('udp4');
  const clock = new ManualClock();
  const pings: number[] = [];
  socket.on('message', (data, from) => {
    if (data.toString('latin1') === '\r\n\r\n') {
      pings.push(clock.now());
      return;
    }
    const parsed = parseSipMessage(data);
    if (!parsed.ok || parsed.message.kind !== 'request') return;
    const request = parsed.message;
    const status = request.method === 'REGISTER' ? 200 : 405;
    const response = createResponse(request, status, {
      headers:
        request.method === 'REGISTER'
          ? [['contact', `${request.headers.get('contact') ?? ''};expires=600`]]
          : [],
    });
    socket.send(serializeSipMessage(response), from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { socket, port: socket.address().port, pings, clock };
}

describe('line keep-alive', () => {
  it('pings the registrar every 25 s while the line runs, and stops with it', async () => {
    const { socket, port, pings, clock } = await fakeRegistrar();
    const states: string[] = [];
    const line = new LineAgent({
      account: {
        id: 'line-1',
        displayName: 'Office',
        registrar: `127.0.0.1:${port}`,
        username: 'office',
        authUsername: null,
        password: 'pw',
        transport: 'udp',
      },
      clock,
      logger: { info: vi.fn(), warn: vi.fn(), error: vi.fn() },
      // No call arrives in this test: media is never asked for.
      media: {} as MediaHost,
      onStatus: (status) => states.push(status.state),
      onCall: () => undefined,
      trustedSources: () => [],
      handoff: () => 'bridge',
    });
    await line.start();
    await vi.waitFor(() => expect(states).toContain('registered'));
    clock.advance(24_999);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pings).toEqual([]);
    clock.advance(1);
    await vi.waitFor(() => expect(pings).toEqual([25_000]));
    clock.advance(25_000);
    await vi.waitFor(() => expect(pings).toEqual([25_000, 50_000]));
    const stopping = line.stop();
    // The un-REGISTER is answered over the socket; the clock need not move for it.
    await stopping;
    clock.advance(60_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pings).toEqual([25_000, 50_000]);
    socket.close();
  });
});
