/**
 * Writes an RTP stream as a pcap file for SIPp's `play_pcap_audio`: classic libpcap format,
 * Ethernet link type, one IPv4/UDP/RTP packet per 20 ms frame, timestamps 20 ms apart. SIPp keeps
 * the RTP header and payload as they are and the packets' spacing, and sends them from its media
 * port to the media address and port of the peer's SDP.
 */
import { writeFileSync } from 'node:fs';

export interface RtpPcapOptions {
  /** Static payload type of the codec: 8 for PCMA, 0 for PCMU. */
  payloadType: number;
  /** Samples (bytes of G.711) per packet. Default 160 (20 ms at 8 kHz). */
  samplesPerPacket?: number;
  /** Default: a fixed value, so files are reproducible. */
  ssrc?: number;
}

const PCAP_HEADER = 24;
const RECORD_HEADER = 16;
const ETHERNET = 14;
const IPV4 = 20;
const UDP = 8;
const RTP = 12;
/** Placeholder addresses and ports: SIPp replaces them when it plays the file. */
const SOURCE_PORT = 6000;
const DEST_PORT = 6000;

/** Writes `payload` (G.711 bytes at 8 kHz) as RTP packets into a pcap file at `path`. */
export function writeRtpPcap(path: string, payload: Uint8Array, options: RtpPcapOptions): void {
  const perPacket = options.samplesPerPacket ?? 160;
  const ssrc = options.ssrc ?? 0x5b0a_1e55;
  const packets = Math.ceil(payload.length / perPacket);
  const frame = ETHERNET + IPV4 + UDP + RTP + perPacket;
  const out = Buffer.alloc(PCAP_HEADER + packets * (RECORD_HEADER + frame));

  // Global header: magic, version 2.4, GMT offset 0, accuracy 0, snaplen, link type 1 (Ethernet).
  out.writeUInt32LE(0xa1b2c3d4, 0);
  out.writeUInt16LE(2, 4);
  out.writeUInt16LE(4, 6);
  out.writeInt32LE(0, 8);
  out.writeUInt32LE(0, 12);
  out.writeUInt32LE(65535, 16);
  out.writeUInt32LE(1, 20);

  const frameMicros = Math.round((perPacket / 8000) * 1_000_000);
  let offset = PCAP_HEADER;
  for (let i = 0; i < packets; i++) {
    const micros = i * frameMicros;
    out.writeUInt32LE(Math.floor(micros / 1_000_000), offset);
    out.writeUInt32LE(micros % 1_000_000, offset + 4);
    out.writeUInt32LE(frame, offset + 8); // captured length
    out.writeUInt32LE(frame, offset + 12); // original length
    offset += RECORD_HEADER;

    // Ethernet: zero MACs, EtherType IPv4.
    out.writeUInt16BE(0x0800, offset + 12);
    const ip = offset + ETHERNET;
    out.writeUInt8(0x45, ip); // version 4, header length 5 words
    out.writeUInt16BE(IPV4 + UDP + RTP + perPacket, ip + 2);
    out.writeUInt16BE(i & 0xffff, ip + 4); // identification
    out.writeUInt8(64, ip + 8); // TTL
    out.writeUInt8(17, ip + 9); // UDP
    out.writeUInt32BE(0x7f000001, ip + 12); // 127.0.0.1
    out.writeUInt32BE(0x7f000001, ip + 16);
    out.writeUInt16BE(ipChecksum(out.subarray(ip, ip + IPV4)), ip + 10);
    const udp = ip + IPV4;
    out.writeUInt16BE(SOURCE_PORT, udp);
    out.writeUInt16BE(DEST_PORT, udp + 2);
    out.writeUInt16BE(UDP + RTP + perPacket, udp + 4);
    // UDP checksum 0 ("none"): SIPp computes its own when it sends.
    const rtp = udp + UDP;
    out.writeUInt8(0x80, rtp); // version 2
    out.writeUInt8((i === 0 ? 0x80 : 0) | (options.payloadType & 0x7f), rtp + 1); // marker on the first
    out.writeUInt16BE((1000 + i) & 0xffff, rtp + 2);
    out.writeUInt32BE((i * perPacket) >>> 0, rtp + 4);
    out.writeUInt32BE(ssrc >>> 0, rtp + 8);
    const body = rtp + RTP;
    const chunk = payload.subarray(i * perPacket, (i + 1) * perPacket);
    out.set(chunk, body);
    // A short last packet is padded with G.711 silence (0xd5 A-law, 0xff μ-law).
    out.fill(options.payloadType === 8 ? 0xd5 : 0xff, body + chunk.length, body + perPacket);
    offset += frame;
  }
  writeFileSync(path, out);
}

function ipChecksum(header: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < header.length; i += 2) sum += ((header[i] ?? 0) << 8) | (header[i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}
