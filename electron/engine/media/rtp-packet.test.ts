import { describe, expect, it } from 'vitest';
import type { RtpPacket } from './rtp-packet.js';
import {
  RTP_HEADER_SIZE,
  isRtpParseError,
  parseRtpPacket,
  rtpHeaderSize,
  rtpPacketSize,
  serializeRtpPacket,
  writeRtpHeader,
} from './rtp-packet.js';

function parsed(datagram: Uint8Array): RtpPacket {
  const result = parseRtpPacket(datagram);
  if (isRtpParseError(result)) throw new Error(`expected a packet, got ${result}`);
  return result;
}

function bytes(hex: string): Uint8Array {
  return Uint8Array.from(Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
}

describe('parseRtpPacket (RFC 3550 §5.1)', () => {
  it('reads every fixed-header field', () => {
    // V=2, M=1, PT=0 (PCMU), seq 0xBEEF, ts 0xDEADBEEF, SSRC 0x89ABCDEF, payload ff ff
    const packet = parsed(bytes('80 80 beef deadbeef 89abcdef ffff'));
    expect(packet).toMatchObject({
      marker: true,
      payloadType: 0,
      sequenceNumber: 0xbeef,
      timestamp: 0xdeadbeef,
      ssrc: 0x89abcdef,
      csrcs: [],
      extension: undefined,
      paddingLength: 0,
    });
    expect([...packet.payload]).toEqual([0xff, 0xff]);
  });

  it('returns the payload as a view into the datagram, not a copy', () => {
    const datagram = new Uint8Array(RTP_HEADER_SIZE + 160);
    datagram[0] = 0x80;
    datagram[1] = 8;
    const packet = parsed(datagram);
    expect(packet.payload.buffer).toBe(datagram.buffer);
    expect(packet.payload.byteOffset).toBe(RTP_HEADER_SIZE);
    expect(packet.payload.length).toBe(160);
    datagram[RTP_HEADER_SIZE] = 0x55;
    expect(packet.payload[0]).toBe(0x55);
  });

  it('reads the CSRC list', () => {
    const packet = parsed(bytes('82 08 0001 00000000 00000001 11111111 ffffffff 0102'));
    expect(packet.csrcs).toEqual([0x11111111, 0xffffffff]);
    expect([...packet.payload]).toEqual([1, 2]);
  });

  it('skips a header extension by its length, whatever its profile (§5.3.1)', () => {
    // X=1; extension: profile 0xBEDE, 2 words of data; then the payload a1 a2 a3.
    const packet = parsed(bytes('90 00 0001 00000000 00000001 bede 0002 10aa0000 21bbcc00 a1a2a3'));
    expect(packet.extension?.profile).toBe(0xbede);
    expect([...(packet.extension?.data ?? [])]).toEqual([0x10, 0xaa, 0, 0, 0x21, 0xbb, 0xcc, 0]);
    expect([...packet.payload]).toEqual([0xa1, 0xa2, 0xa3]);
  });

  it('skips an empty extension and one after CSRCs', () => {
    expect([...parsed(bytes('90 00 0001 00000000 00000001 1000 0000 77')).payload]).toEqual([0x77]);
    const both = parsed(bytes('91 00 0001 00000000 00000001 cafebabe 0001 0001 01020304 77'));
    expect(both.csrcs).toEqual([0xcafebabe]);
    expect([...(both.extension?.data ?? [])]).toEqual([1, 2, 3, 4]);
    expect([...both.payload]).toEqual([0x77]);
  });

  it('removes padding, whose last octet counts itself', () => {
    const packet = parsed(bytes('a0 00 0001 00000000 00000001 0102 0000 03'));
    expect(packet.paddingLength).toBe(3);
    expect([...packet.payload]).toEqual([1, 2]);
    // All padding, no payload.
    expect(parsed(bytes('a0 00 0001 00000000 00000001 0002')).payload.length).toBe(0);
  });

  it.each([
    ['too-short', ''],
    ['too-short', '80 00 0001 00000000 000000'],
    ['bad-version', '40 00 0001 00000000 00000001 ff'],
    ['bad-version', '00 01 0001 2112a442 00000001'], // a STUN binding request on the port
    ['bad-version', 'c0 00 0001 00000000 00000001'],
    ['rtcp', '80 c8 0006 00000000 00000001'], // RTCP SR (PT 200) on a muxed port
    ['rtcp', '81 c9 0007 00000000 00000001'], // RR
    ['truncated-csrc', '83 00 0001 00000000 00000001 00000002 00000003'],
    ['truncated-extension', '90 00 0001 00000000 00000001 bede'],
    ['truncated-extension', '90 00 0001 00000000 00000001 bede 0002 00000000'],
    ['bad-padding', 'a0 00 0001 00000000 00000001 0102 00'],
    ['bad-padding', 'a0 00 0001 00000000 00000001 0102 04'],
    ['bad-padding', 'a0 00 0001 00000000 00000001'], // P set, nothing after the header
  ])('rejects %s: %s', (reason, hex) => {
    expect(parseRtpPacket(bytes(hex))).toBe(reason);
  });

  it('never throws on random garbage', () => {
    let seed = 12345;
    const random = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 16;
    };
    let packets = 0;
    for (let i = 0; i < 20_000; i++) {
      const datagram = new Uint8Array(random() % 64);
      for (let j = 0; j < datagram.length; j++) datagram[j] = random() & 0xff;
      // Half of them with a valid version and few CSRCs, to reach the deeper checks.
      if (i % 2 === 0 && datagram.length > 0) datagram[0] = 0x80 | ((datagram[0] ?? 0) & 0x31);
      const result = parseRtpPacket(datagram);
      if (isRtpParseError(result)) continue;
      packets++;
      const end = result.payload.byteOffset + result.payload.length + result.paddingLength;
      expect(end).toBe(datagram.byteOffset + datagram.length);
    }
    expect(packets).toBeGreaterThan(1500);
  });
});

describe('serializeRtpPacket / writeRtpHeader', () => {
  it('writes the bytes of a known packet', () => {
    const out = serializeRtpPacket({
      marker: true,
      payloadType: 0,
      sequenceNumber: 0xbeef,
      timestamp: 0xdeadbeef,
      ssrc: 0x89abcdef,
      payload: Uint8Array.of(0xff, 0xff),
    });
    expect(Buffer.from(out).toString('hex')).toBe('8080beefdeadbeef89abcdefffff');
  });

  it('round-trips CSRCs, extension, padding and marker through the parser', () => {
    const init = {
      marker: false,
      payloadType: 101,
      sequenceNumber: 65535,
      timestamp: 4294967295,
      ssrc: 1,
      csrcs: [7, 0xffffffff],
      extension: { profile: 0xbede, data: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8) },
      payload: Uint8Array.of(9, 8, 7),
      paddingLength: 5,
    };
    const out = serializeRtpPacket(init);
    expect(out.length).toBe(rtpPacketSize(init));
    const packet = parsed(out);
    expect(packet).toMatchObject({
      marker: false,
      payloadType: 101,
      sequenceNumber: 65535,
      timestamp: 4294967295,
      ssrc: 1,
      csrcs: [7, 0xffffffff],
      paddingLength: 5,
    });
    expect(packet.extension?.profile).toBe(0xbede);
    expect([...(packet.extension?.data ?? [])]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...packet.payload]).toEqual([9, 8, 7]);
  });

  it('serialises into a buffer kept per stream, returning a view of it', () => {
    const buffer = new Uint8Array(1500);
    const out = serializeRtpPacket(
      { payloadType: 8, sequenceNumber: 1, timestamp: 160, ssrc: 42, payload: new Uint8Array(160) },
      buffer,
    );
    expect(out.buffer).toBe(buffer.buffer);
    expect(out.length).toBe(172);
  });

  it('writes a header at an offset, for the payload to be encoded right behind it', () => {
    const buffer = new Uint8Array(4 + 12 + 160);
    const size = writeRtpHeader(buffer, { payloadType: 0, sequenceNumber: 2, timestamp: 320, ssrc: 3 }, 4);
    expect(size).toBe(12);
    expect(rtpHeaderSize({ payloadType: 0, sequenceNumber: 0, timestamp: 0, ssrc: 0, csrcs: [1] })).toBe(16);
    expect(parsed(buffer.subarray(4))).toMatchObject({ sequenceNumber: 2, timestamp: 320, ssrc: 3 });
  });

  it('wraps sequence numbers and timestamps, so a sender may keep counting', () => {
    const packet = parsed(
      serializeRtpPacket({ payloadType: 0, sequenceNumber: 65536 + 5, timestamp: 2 ** 32 + 160, ssrc: 9 }),
    );
    expect(packet.sequenceNumber).toBe(5);
    expect(packet.timestamp).toBe(160);
  });

  it('refuses values the header cannot carry', () => {
    const base = { payloadType: 0, sequenceNumber: 0, timestamp: 0, ssrc: 0 };
    expect(() => serializeRtpPacket({ ...base, payloadType: 128 })).toThrow(RangeError);
    expect(() => serializeRtpPacket({ ...base, ssrc: -1 })).toThrow(RangeError);
    expect(() => serializeRtpPacket({ ...base, csrcs: new Array<number>(16).fill(1) })).toThrow(RangeError);
    expect(() => serializeRtpPacket({ ...base, extension: { profile: 1, data: new Uint8Array(3) } })).toThrow(
      RangeError,
    );
    expect(() => serializeRtpPacket({ ...base, paddingLength: 256 })).toThrow(RangeError);
    expect(() => serializeRtpPacket({ ...base, payload: new Uint8Array(10) }, new Uint8Array(20))).toThrow(
      /needs 22 octets/,
    );
  });
});
