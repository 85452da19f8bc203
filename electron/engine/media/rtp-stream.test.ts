import { EventEmitter } from 'node:events';
import type { Socket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { serializeRtpPacket } from './rtp-packet.js';
import { RtpStream } from './rtp-stream.js';

/** A socket stand-in that records sends; received datagrams are emitted by the test. */
function fakeSocket() {
  const emitter = new EventEmitter();
  const sent: { port: number; address: string }[] = [];
  const socket = Object.assign(emitter, {
    send: (_data: Uint8Array, port: number, address: string) => {
      if (port <= 0 || port > 65535)
        throw new RangeError(`Port should be > 0 and < 65536. Received ${port}.`);
      sent.push({ port, address });
    },
    close: () => undefined,
  });
  return { socket: socket as unknown as Socket, emitter, sent };
}

const noEvents = {
  playDone: () => undefined,
  remoteLearned: () => undefined,
  digit: () => undefined,
  digitStarted: () => undefined,
  recordDone: () => undefined,
  recordFailed: () => undefined,
};

describe('RtpStream symmetric RTP', () => {
  const packet = serializeRtpPacket({
    payloadType: 0,
    sequenceNumber: 1,
    timestamp: 160,
    ssrc: 9,
    payload: new Uint8Array(160),
  });

  it('follows the peer to the address its packets come from', () => {
    const { socket, emitter, sent } = fakeSocket();
    const stream = new RtpStream(socket, noEvents);
    stream.configure('127.0.0.1', 4000, 'PCMU', 0, undefined);
    emitter.emit('message', Buffer.from(packet), { address: '127.0.0.2', port: 5000 });
    stream.sendFrame();
    expect(sent.at(-1)).toEqual({ address: '127.0.0.2', port: 5000 });
  });

  it('does not take a packet "from port 0" (as SIPp sends them) as the new target', () => {
    const { socket, emitter, sent } = fakeSocket();
    const stream = new RtpStream(socket, noEvents);
    stream.configure('127.0.0.1', 4000, 'PCMU', 0, undefined);
    emitter.emit('message', Buffer.from(packet), { address: '127.0.0.1', port: 0 });
    expect(() => stream.sendFrame()).not.toThrow();
    expect(sent.at(-1)).toEqual({ address: '127.0.0.1', port: 4000 });
  });
});
