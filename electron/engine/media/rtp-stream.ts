import type { Socket } from 'node:dgram';
import { DtmfDetector } from './dtmf-detector.js';
import { decodeG711, encodeG711, fillG711Silence, type G711Codec } from './g711.js';
import type { DigitSource } from './media-worker-protocol.js';
import { isRtpParseError, parseRtpPacket, RTP_HEADER_SIZE, writeRtpHeader } from './rtp-packet.js';
import { TelephoneEventReceiver } from './telephone-event.js';

/** 20 ms of 8 kHz audio: the packetisation every PBX we meet accepts (RFC 3551 §4.5). */
export const SAMPLES_PER_FRAME = 160;

interface QueuedPrompt {
  playId: string;
  pcm: Int16Array;
  offset: number;
}

export interface RtpStreamEvents {
  playDone(playId: string, interrupted: boolean): void;
  remoteLearned(address: string, port: number): void;
  digit(digit: string, via: Exclude<DigitSource, 'info'>, durationMs: number | undefined): void;
  digitStarted(): void;
}

/**
 * One call leg's RTP, living in the media worker: sends a 20 ms G.711 packet every frame (the
 * queued prompt, else silence, so the peer's RTP timeout never hangs up on a waiting caller),
 * and learns the peer's real address from its packets (symmetric RTP, RFC 4961).
 */
export class RtpStream {
  private remote: { address: string; port: number } | undefined;
  private codec: G711Codec = 'PCMU';
  private payloadType = 0;
  private readonly ssrc = (Math.random() * 0x1_0000_0000) >>> 0;
  private sequence = Math.floor(Math.random() * 0x10000);
  private timestamp = (Math.random() * 0x1_0000_0000) >>> 0;
  private learned = false;
  private readonly queue: QueuedPrompt[] = [];
  private readonly packet = new Uint8Array(RTP_HEADER_SIZE + SAMPLES_PER_FRAME);
  private readonly frame = new Int16Array(SAMPLES_PER_FRAME);
  private readonly received = new Int16Array(1024);
  private telephoneEventPayloadType: number | undefined;
  /** Set once the peer sent an RFC 4733 event: from then on tones in the audio are not digits. */
  private peerSendsEvents = false;
  private readonly events4733: TelephoneEventReceiver;
  private readonly tones: DtmfDetector;
  packetsSent = 0;
  packetsReceived = 0;

  constructor(
    readonly socket: Socket,
    private readonly events: RtpStreamEvents,
  ) {
    socket.on('message', (data, rinfo) => this.receive(data, rinfo.address, rinfo.port));
    this.events4733 = new TelephoneEventReceiver({
      onStart: () => events.digitStarted(),
      onPress: (press) => events.digit(press.digit, 'rfc4733', press.durationMs),
    });
    this.tones = new DtmfDetector({
      onDigit: (detection) => events.digit(detection.digit, 'inband', undefined),
    });
  }

  configure(
    remoteAddress: string,
    remotePort: number,
    codec: G711Codec,
    payloadType: number,
    telephoneEventPayloadType: number | undefined,
  ): void {
    this.telephoneEventPayloadType = telephoneEventPayloadType;
    // A re-INVITE may move the peer; until its packets say otherwise, trust the SDP again.
    this.remote = { address: remoteAddress, port: remotePort };
    this.learned = false;
    this.codec = codec;
    this.payloadType = payloadType;
  }

  play(playId: string, pcm: Int16Array): void {
    this.queue.push({ playId, pcm, offset: 0 });
  }

  stopPlay(): void {
    for (const prompt of this.queue.splice(0)) this.events.playDone(prompt.playId, true);
  }

  /** Called by the worker's frame scheduler once per 20 ms. */
  sendFrame(): void {
    this.events4733.poll(performance.now());
    if (!this.remote) return;
    const payload = this.packet.subarray(RTP_HEADER_SIZE);
    const prompt = this.queue[0];
    if (prompt) {
      const take = Math.min(SAMPLES_PER_FRAME, prompt.pcm.length - prompt.offset);
      this.frame.set(prompt.pcm.subarray(prompt.offset, prompt.offset + take));
      this.frame.fill(0, take);
      prompt.offset += take;
      encodeG711(this.codec, this.frame, this.packet, RTP_HEADER_SIZE);
      if (prompt.offset >= prompt.pcm.length) {
        this.queue.shift();
        this.events.playDone(prompt.playId, false);
      }
    } else {
      fillG711Silence(this.codec, payload);
    }
    writeRtpHeader(this.packet, {
      payloadType: this.payloadType,
      sequenceNumber: this.sequence,
      timestamp: this.timestamp,
      ssrc: this.ssrc,
      marker: this.packetsSent === 0,
    });
    this.sequence = (this.sequence + 1) & 0xffff;
    this.timestamp = (this.timestamp + SAMPLES_PER_FRAME) >>> 0;
    this.packetsSent++;
    this.socket.send(this.packet, this.remote.port, this.remote.address);
  }

  close(): void {
    this.stopPlay();
    this.socket.close();
  }

  private receive(data: Buffer, address: string, port: number): void {
    const packet = parseRtpPacket(data);
    if (isRtpParseError(packet)) return;
    this.packetsReceived++;
    if (packet.payloadType === this.telephoneEventPayloadType) {
      this.peerSendsEvents = true;
      this.events4733.receive(packet, performance.now());
    } else if (packet.payloadType === this.payloadType && !this.peerSendsEvents) {
      const samples = Math.min(packet.payload.length, this.received.length);
      this.tones.process(decodeG711(this.codec, packet.payload.subarray(0, samples), this.received));
    }
    if (!this.learned || this.remote?.address !== address || this.remote.port !== port) {
      this.learned = true;
      if (this.remote?.address !== address || this.remote.port !== port) {
        this.remote = { address, port };
        this.events.remoteLearned(address, port);
      }
    }
  }
}
