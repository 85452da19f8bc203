import type { Socket } from 'node:dgram';
import { DtmfDetector } from './dtmf-detector.js';
import { decodeG711, encodeG711, fillG711Silence, type G711Codec } from './g711.js';
import type { DtmfDetection } from './dtmf-detector.js';
import type {
  DigitSource,
  RecordingEndReason,
  RecordingResult,
  RecordOptions,
} from './media-worker-protocol.js';
import { isRtpParseError, parseRtpPacket, RTP_HEADER_SIZE, writeRtpHeader } from './rtp-packet.js';
import type { DtmfDigit } from './dtmf-digit.js';
import {
  planTelephoneEvent,
  serializeTelephoneEvent,
  TelephoneEventReceiver,
  type TelephoneEventPacket,
  type TelephoneEventStart,
} from './telephone-event.js';
import { WavRecorder } from './wav-recorder.js';

/** 20 ms of 8 kHz audio: the packetisation every PBX we meet accepts (RFC 3551 §4.5). */
export const SAMPLES_PER_FRAME = 160;
/** At most 200 ms of the other leg's audio waits to be sent. */
const LIVE_CAPACITY = 1600;

interface QueuedPrompt {
  playId: string;
  pcm: Int16Array;
  offset: number;
}

interface ActiveRecording {
  readonly recordId: string;
  readonly recorder: WavRecorder;
  /** Upper-case keys that end it. */
  readonly finishOnKey: string;
}

export interface RtpStreamEvents {
  playDone(playId: string, interrupted: boolean): void;
  remoteLearned(address: string, port: number): void;
  digit(digit: string, via: Exclude<DigitSource, 'info'>, durationMs: number | undefined): void;
  digitStarted(): void;
  /** The file is complete and fsync'ed. */
  recordDone(recordId: string, result: RecordingResult): void;
  recordFailed(recordId: string, path: string, message: string): void;
}

/**
 * One call leg's RTP, living in the media worker: sends a 20 ms G.711 packet every frame (the
 * queued prompt, else silence, so the peer's RTP timeout never hangs up on a waiting caller),
 * and learns the peer's real address from its packets (symmetric RTP, RFC 4961). While a
 * recording runs, every received audio packet is decoded once, for the recorder and the in-band
 * detector alike, into a buffer the stream keeps.
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
  /** Samples fed to the in-band detector: its detections count from its start. */
  private detectorSamples = 0;
  /** SSRC of the latest telephone-event packet, to place its timestamp in the recording. */
  private eventSsrc = 0;
  private recording: ActiveRecording | undefined;
  /** The other leg when bridged (B2BUA): our received audio and digits go out through it. */
  private bridge: RtpStream | undefined;
  /** Audio from the bridged leg waiting to be sent; bounded so latency cannot build up. */
  private readonly live = new Int16Array(LIVE_CAPACITY);
  private liveLength = 0;
  /** RFC 4733 packets relayed from the other leg, sent in place of audio (§2.6). */
  private relayedKey: { startedAt: number; timestamp: number; packets: TelephoneEventPacket[] } | undefined;
  packetsSent = 0;
  packetsReceived = 0;

  constructor(
    readonly socket: Socket,
    private readonly events: RtpStreamEvents,
  ) {
    socket.on('message', (data, rinfo) => this.receive(data, rinfo.address, rinfo.port));
    this.events4733 = new TelephoneEventReceiver({
      onStart: (start) => {
        this.keyDownForRecording(start);
        events.digitStarted();
      },
      onPress: (press) => {
        this.bridge?.relayDigit(press.digit, press.durationMs);
        events.digit(press.digit, 'rfc4733', press.durationMs);
      },
    });
    this.tones = new DtmfDetector({
      onDigit: (detection) => {
        this.toneForRecording(detection);
        events.digit(detection.digit, 'inband', undefined);
      },
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

  /** Joins two legs: each one's received audio and RFC 4733 digits go out through the other. */
  bridgeWith(other: RtpStream): void {
    this.bridge = other;
    other.bridge = this;
  }

  unbridge(): void {
    if (this.bridge?.bridge === this) this.bridge.bridge = undefined;
    this.bridge = undefined;
  }

  play(playId: string, pcm: Int16Array): void {
    this.queue.push({ playId, pcm, offset: 0 });
  }

  stopPlay(): void {
    for (const prompt of this.queue.splice(0)) this.events.playDone(prompt.playId, true);
  }

  /**
   * Starts recording the caller into a new WAV file (wav-recorder.ts); a recording already
   * running ends first, as 'stopped'. The outcome arrives as recordDone or recordFailed.
   */
  record(recordId: string, options: RecordOptions): void {
    this.endRecording('stopped');
    let recorder: WavRecorder;
    try {
      recorder = WavRecorder.open(options.path, options, performance.now());
    } catch (error) {
      this.events.recordFailed(recordId, options.path, messageOf(error));
      return;
    }
    this.recording = { recordId, recorder, finishOnKey: (options.finishOnKey ?? '#').toUpperCase() };
  }

  stopRecord(): void {
    this.endRecording('stopped');
  }

  /** Called by the worker's frame scheduler once per 20 ms. */
  sendFrame(): void {
    const now = performance.now();
    this.events4733.poll(now);
    const recording = this.recording;
    if (recording) {
      try {
        recording.recorder.tick(now);
      } catch (error) {
        this.recordingFailed(error);
      }
      this.endRecordingIfDue();
    }
    if (!this.remote) return;
    if (this.sendRelayedKey(now, this.remote)) return;
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
    } else if (this.liveLength >= SAMPLES_PER_FRAME) {
      this.frame.set(this.live.subarray(0, SAMPLES_PER_FRAME));
      this.live.copyWithin(0, SAMPLES_PER_FRAME, this.liveLength);
      this.liveLength -= SAMPLES_PER_FRAME;
      encodeG711(this.codec, this.frame, this.packet, RTP_HEADER_SIZE);
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
    this.unbridge();
    this.endRecording('hangup');
    this.stopPlay();
    this.socket.close();
  }

  private receive(data: Buffer, address: string, port: number): void {
    // Port 0 cannot be sent to: a packet "from" it (SIPp does this) must not become our target.
    if (port === 0) return;
    const packet = parseRtpPacket(data);
    if (isRtpParseError(packet)) return;
    this.packetsReceived++;
    const now = performance.now();
    if (packet.payloadType === this.telephoneEventPayloadType) {
      this.peerSendsEvents = true;
      this.eventSsrc = packet.ssrc;
      this.events4733.receive(packet, now);
    } else if (
      packet.payloadType === this.payloadType &&
      (this.recording || this.bridge || !this.peerSendsEvents)
    ) {
      const samples = Math.min(packet.payload.length, this.received.length);
      const pcm = decodeG711(this.codec, packet.payload.subarray(0, samples), this.received);
      // The recorder takes the packet first, so that a tone the detector reports is already in it.
      const recording = this.recording;
      if (recording) {
        try {
          recording.recorder.write(pcm, packet.timestamp, packet.ssrc, now);
        } catch (error) {
          this.recordingFailed(error);
        }
      }
      this.bridge?.feedLive(pcm);
      if (!this.peerSendsEvents) {
        this.detectorSamples += pcm.length;
        this.tones.process(pcm);
      }
      this.endRecordingIfDue();
    }
    if (!this.learned || this.remote?.address !== address || this.remote.port !== port) {
      this.learned = true;
      if (this.remote?.address !== address || this.remote.port !== port) {
        this.remote = { address, port };
        this.events.remoteLearned(address, port);
      }
    }
  }

  /** Audio received on the other leg, to be sent on this one at our own pace, SSRC and sequence. */
  private feedLive(pcm: Int16Array): void {
    if (this.liveLength + pcm.length > LIVE_CAPACITY) {
      // Late or bursty input: drop the oldest audio rather than let the delay grow.
      const drop = this.liveLength + pcm.length - LIVE_CAPACITY;
      this.live.copyWithin(0, drop, this.liveLength);
      this.liveLength -= drop;
    }
    this.live.set(pcm, this.liveLength);
    this.liveLength += pcm.length;
  }

  /** A key pressed on the other leg, re-sent here as RFC 4733 events (or dropped without them). */
  private relayDigit(digit: DtmfDigit, durationMs: number): void {
    if (this.telephoneEventPayloadType === undefined) return;
    const timestamp = this.timestamp;
    const packets = planTelephoneEvent({
      digit,
      durationMs: Math.max(40, durationMs),
      timestamp,
      intervalMs: 20,
    });
    this.relayedKey = { startedAt: performance.now(), timestamp, packets };
  }

  /** Sends the relayed key's packet due now instead of audio; false when there is none. */
  private sendRelayedKey(now: number, remote: { address: string; port: number }): boolean {
    const key = this.relayedKey;
    const next = key?.packets[0];
    if (!key || !next || this.telephoneEventPayloadType === undefined) return false;
    if (now - key.startedAt + 1 < next.offsetMs) return false;
    key.packets.shift();
    if (key.packets.length === 0) this.relayedKey = undefined;
    const payload = serializeTelephoneEvent(next.payload);
    const packet = new Uint8Array(RTP_HEADER_SIZE + payload.length);
    writeRtpHeader(packet, {
      payloadType: this.telephoneEventPayloadType,
      sequenceNumber: this.sequence,
      timestamp: next.timestamp,
      ssrc: this.ssrc,
      marker: next.marker,
    });
    packet.set(payload, RTP_HEADER_SIZE);
    this.sequence = (this.sequence + 1) & 0xffff;
    this.timestamp = (this.timestamp + SAMPLES_PER_FRAME) >>> 0;
    this.packetsSent++;
    this.socket.send(packet, remote.port, remote.address);
    return true;
  }

  /** An RFC 4733 key went down: a finishing key ends the recording where its timestamp falls. */
  private keyDownForRecording(start: TelephoneEventStart): void {
    const recording = this.recording;
    if (!recording?.finishOnKey.includes(start.digit)) return;
    // Phones that do not mute their audio during an event (RFC 4733 §2.6 asks them to) leave the
    // tone in it; the event's timestamp is on the audio's clock and says where the tone began.
    const cutAt = recording.recorder.positionOf(start.timestamp, this.eventSsrc) ?? recording.recorder.length;
    this.endRecording('key', cutAt);
  }

  /** An in-band key was detected: a finishing key ends the recording, its tone cut. */
  private toneForRecording(detection: DtmfDetection): void {
    const recording = this.recording;
    if (!recording?.finishOnKey.includes(detection.digit)) return;
    const toneSamples = this.detectorSamples - detection.startSample;
    this.endRecording('key', recording.recorder.length - toneSamples);
  }

  private endRecordingIfDue(): void {
    const ending = this.recording?.recorder.ending;
    if (ending !== undefined) this.endRecording(ending);
  }

  private endRecording(reason: RecordingEndReason, cutAt?: number): void {
    const recording = this.recording;
    if (!recording) return;
    this.recording = undefined;
    try {
      const result = recording.recorder.finish(cutAt);
      this.events.recordDone(recording.recordId, { ...result, reason });
    } catch (error) {
      this.events.recordFailed(recording.recordId, recording.recorder.path, messageOf(error));
    }
  }

  /** A write failed (disk full, file system gone): the recording stops, the call goes on. */
  private recordingFailed(error: unknown): void {
    const recording = this.recording;
    if (!recording) return;
    this.recording = undefined;
    recording.recorder.abandon();
    this.events.recordFailed(recording.recordId, recording.recorder.path, messageOf(error));
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
