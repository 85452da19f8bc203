/**
 * RFC 4733 telephone-events: the payload format (§2.3), the packets a sender emits for one key
 * press (§2.5.1), and a receiver that turns the packet stream back into key presses (§2.5.2).
 *
 * One key press on the wire is many packets, all carrying the RTP timestamp of the moment the
 * key went down: a start packet with the marker bit, updates with a growing duration, and the
 * end packet (E bit) sent three times. Any of them may be lost, duplicated or reordered, so the
 * receiver keys each press on its RTP timestamp and event code and reports it exactly once.
 */
import type { DtmfDigit } from './dtmf-digit.js';
import { dtmfDigitForEvent, dtmfEventCode } from './dtmf-digit.js';

/** RFC 4733 §2.3: the payload of one event is 4 octets. */
export const TELEPHONE_EVENT_PAYLOAD_SIZE = 4;
/** RFC 4733 §2.3.5: the duration field is 16 bits; longer events are split in segments (§2.5.1.3). */
export const TELEPHONE_EVENT_MAX_DURATION = 0xffff;
/** telephone-event's "rate" defaults to 8000 (RFC 4733 §2.4), the G.711 clock. */
export const TELEPHONE_EVENT_CLOCK_RATE = 8000;

/**
 * RFC 4733 §2.3:
 * ```
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     event     |E|R| volume    |          duration             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ```
 */
export interface TelephoneEventPayload {
  /** §2.3.1: event code; 0–15 are the DTMF keys (§3.2). */
  readonly event: number;
  /** §2.3.2: E bit, set in the final packet(s) of the event. */
  readonly end: boolean;
  /** §2.3.4: power level, 0 to −63 dBm0, carried as 0–63 (larger is quieter). */
  readonly volume: number;
  /** §2.3.5: how long the event has lasted so far, in RTP timestamp units. */
  readonly duration: number;
}

/** Reads the first event of a payload; undefined when it is shorter than 4 octets. */
export function parseTelephoneEvent(payload: Uint8Array): TelephoneEventPayload | undefined {
  if (payload.length < TELEPHONE_EVENT_PAYLOAD_SIZE) return undefined;
  const flags = payload[1] ?? 0;
  return {
    event: payload[0] ?? 0,
    end: (flags & 0x80) !== 0,
    // §2.3.3: R is reserved; the receiver ignores it.
    volume: flags & 0x3f,
    duration: ((payload[2] ?? 0) << 8) | (payload[3] ?? 0),
  };
}

/** Writes one event at `offset` (4 octets) and returns 4. Throws on values the format can't carry. */
export function writeTelephoneEvent(target: Uint8Array, payload: TelephoneEventPayload, offset = 0): number {
  const { event, volume, duration } = payload;
  if (!Number.isInteger(event) || event < 0 || event > 255)
    throw new RangeError(`event must be 0–255, got ${event}`);
  if (!Number.isInteger(volume) || volume < 0 || volume > 63)
    throw new RangeError(`volume must be 0–63, got ${volume}`);
  if (!Number.isInteger(duration) || duration < 0 || duration > TELEPHONE_EVENT_MAX_DURATION) {
    throw new RangeError(`duration must be 0–65535, got ${duration}`);
  }
  if (offset < 0 || offset + TELEPHONE_EVENT_PAYLOAD_SIZE > target.length) {
    throw new RangeError('telephone-event payload does not fit in the buffer');
  }
  target[offset] = event;
  target[offset + 1] = (payload.end ? 0x80 : 0) | volume; // R (0x40) is sent as 0 (§2.3.3)
  target[offset + 2] = duration >> 8;
  target[offset + 3] = duration & 0xff;
  return TELEPHONE_EVENT_PAYLOAD_SIZE;
}

export function serializeTelephoneEvent(payload: TelephoneEventPayload): Uint8Array {
  const out = new Uint8Array(TELEPHONE_EVENT_PAYLOAD_SIZE);
  writeTelephoneEvent(out, payload);
  return out;
}

// ─── Sender ──────────────────────────────────────────────────────────────────────────────────

export interface TelephoneEventSendOptions {
  readonly digit: DtmfDigit;
  /** How long the key is held, in ms. */
  readonly durationMs: number;
  /** RTP timestamp of the moment the key went down (the stream's current audio timestamp). */
  readonly timestamp: number;
  /** Update interval in ms: §2.5.1.2 recommends 50 ms; a sender may use its ptime instead. */
  readonly intervalMs?: number;
  /** §2.3.4; default 10 (−10 dBm0). */
  readonly volume?: number;
  /** §2.5.1.4: the final packet is sent three times. */
  readonly endRepeats?: number;
  readonly clockRate?: number;
}

/** One packet to send; the RTP stream gives it the next sequence number, its SSRC and the PT. */
export interface TelephoneEventPacket {
  /** When to send it, in ms after the first packet. */
  readonly offsetMs: number;
  /** §2.2.2: set on the first packet of the event only (not on later segments, §2.5.1.3). */
  readonly marker: boolean;
  /** The event's (or segment's) start: the same for every packet of it. */
  readonly timestamp: number;
  readonly payload: TelephoneEventPayload;
}

/**
 * The packets for one key press (§2.5.1): the first (marker set) at offset 0, an update every
 * interval with the duration so far, then the final packet (E bit, total duration) sent
 * `endRepeats` times, one interval apart. Packet k covers the audio up to (k + 1) intervals, as
 * an audio packet would. A press longer than 65535 timestamp units is split (§2.5.1.3): the
 * segment's last packet carries 65535, and the next segment starts at timestamp + 65535 with
 * the duration counting again from there, without the marker bit.
 */
export function planTelephoneEvent(options: TelephoneEventSendOptions): TelephoneEventPacket[] {
  const clockRate = options.clockRate ?? TELEPHONE_EVENT_CLOCK_RATE;
  const intervalMs = options.intervalMs ?? 50;
  const volume = options.volume ?? 10;
  const endRepeats = options.endRepeats ?? 3;
  if (!(intervalMs > 0) || !(options.durationMs > 0) || !(endRepeats >= 1)) {
    throw new RangeError('durationMs, intervalMs and endRepeats must be positive');
  }
  const event = dtmfEventCode(options.digit);
  const total = Math.max(1, Math.round((options.durationMs * clockRate) / 1000));
  const step = Math.max(1, Math.round((intervalMs * clockRate) / 1000));
  const packets: TelephoneEventPacket[] = [];
  let segmentStart = 0; // samples since the key went down
  const push = (index: number, duration: number, end: boolean): void => {
    packets.push({
      offsetMs: index * intervalMs,
      marker: index === 0,
      timestamp: (options.timestamp + segmentStart) >>> 0,
      payload: { event, end, volume, duration },
    });
  };
  let index = 0;
  for (let covered = step; covered < total; covered += step, index++) {
    if (covered - segmentStart >= TELEPHONE_EVENT_MAX_DURATION) {
      push(index, TELEPHONE_EVENT_MAX_DURATION, false);
      segmentStart += TELEPHONE_EVENT_MAX_DURATION;
      continue;
    }
    push(index, covered - segmentStart, false);
  }
  // With an interval longer than a segment's remainder the last update may not have closed it.
  while (total - segmentStart > TELEPHONE_EVENT_MAX_DURATION) {
    push(index++, TELEPHONE_EVENT_MAX_DURATION, false);
    segmentStart += TELEPHONE_EVENT_MAX_DURATION;
  }
  for (let repeat = 0; repeat < endRepeats; repeat++, index++) push(index, total - segmentStart, true);
  return packets;
}

// ─── Receiver ────────────────────────────────────────────────────────────────────────────────

/** The RTP fields the receiver reads. */
export interface TelephoneEventRtp {
  readonly marker: boolean;
  readonly timestamp: number;
  readonly ssrc?: number;
  readonly payload: Uint8Array;
}

export interface TelephoneEventStart {
  readonly digit: DtmfDigit;
  readonly event: number;
  /** RTP timestamp of the key going down. */
  readonly timestamp: number;
}

/** How the receiver learned that the press ended. */
export type TelephoneEventEnding =
  | 'end' // an end packet (E bit)
  | 'next-event' // a newer event began before any end packet arrived
  | 'timeout'; // no packet for the press within `timeoutMs`

export interface TelephoneEventPress extends TelephoneEventStart {
  /** Total duration in timestamp units, segments of a long press added up. */
  readonly durationSamples: number;
  readonly durationMs: number;
  /** Volume of the last packet seen (0–63, in −dBm0). */
  readonly volume: number;
  readonly ending: TelephoneEventEnding;
}

export interface TelephoneEventReceiverOptions {
  /** Called once per key press, when it has ended. */
  readonly onPress: (press: TelephoneEventPress) => void;
  /** Called once per key press, on its first packet seen: lets an IVR stop a prompt at once. */
  readonly onStart?: (start: TelephoneEventStart) => void;
  readonly clockRate?: number;
  /**
   * A press with no packet for this long is over (all its end packets lost). Senders update
   * every 50 ms (§2.5.1.2), so the default 300 ms survives five lost updates in a row.
   */
  readonly timeoutMs?: number;
}

interface ActivePress {
  event: number;
  digit: DtmfDigit;
  /** Timestamp of the press (its first segment). */
  readonly timestamp: number;
  /** Timestamp of the current segment (§2.5.1.3). */
  segmentTimestamp: number;
  /** Duration of the segments before the current one. */
  earlierSegments: number;
  /** Longest duration seen in the current segment: updates may arrive out of order. */
  duration: number;
  volume: number;
  /** An end packet arrived; reporting waits only if it may be a segment boundary. */
  ended: boolean;
  lastPacketAt: number;
}

/** A marked packet this far behind the latest press is a timestamp jump, not a late packet. */
const DISCONTINUITY_SECONDS = 30;

/** Serial-number order of 32-bit timestamps (RFC 1982 style): is `a` after `b`? */
function isNewer(a: number, b: number): boolean {
  return ((a - b) | 0) > 0;
}

/**
 * Reports each key press once, from a stream of telephone-event packets (RFC 4733 §2.5.2).
 *
 * A press is identified by its RTP timestamp and event code: the timestamp is the moment the
 * key went down, the same in every packet of the press (§2.2.1). So duplicated updates and the
 * three end packets (§2.5.1.4) collapse into one press, whatever their sequence numbers or order
 * of arrival. A lost start packet does not matter (the first packet seen starts the press, be
 * it an update or an end); a press whose end packets are all lost is ended by the next press or
 * by a timeout (call {@link poll} from the media tick). Packets older than the latest press are
 * late duplicates and are dropped. A press longer than 65535 units arrives as segments
 * (§2.5.1.3, §2.5.2.3): a packet for the same event, without the marker bit, whose timestamp is
 * the current segment's plus about 65535, continues the press. Sequence numbers are not used at
 * all, so their wrap cannot confuse it. Events other than the 16 DTMF keys are ignored.
 *
 * ```
 *            packet (newer timestamp or other event)
 *   idle ─────────────────────────────────────────▶ active ──(E bit)──▶ report ─▶ idle
 *                                                    │  ▲ update (same ts+event): duration = max
 *                                                    │  └ segment continuation (ts + 65535, no M)
 *                                                    ├─(newer press arrives)─▶ report ─▶ active
 *                                                    └─(poll: timeoutMs silent)─▶ report ─▶ idle
 * ```
 */
export class TelephoneEventReceiver {
  private readonly onPress: (press: TelephoneEventPress) => void;
  private readonly onStart: ((start: TelephoneEventStart) => void) | undefined;
  private readonly clockRate: number;
  private readonly timeoutMs: number;
  private active: ActivePress | undefined;
  /** Timestamp and event of the latest press seen (active or reported), to drop late packets. */
  private latest: { timestamp: number; event: number } | undefined;
  private ssrc: number | undefined;

  constructor(options: TelephoneEventReceiverOptions) {
    this.onPress = options.onPress;
    this.onStart = options.onStart;
    this.clockRate = options.clockRate ?? TELEPHONE_EVENT_CLOCK_RATE;
    this.timeoutMs = options.timeoutMs ?? 300;
  }

  /** The digit held down right now, if any. */
  get activeDigit(): DtmfDigit | undefined {
    return this.active?.digit;
  }

  /** Feeds one telephone-event RTP packet that arrived at `nowMs` (any monotonic ms clock). */
  receive(packet: TelephoneEventRtp, nowMs: number): void {
    this.poll(nowMs);
    const payload = parseTelephoneEvent(packet.payload);
    if (payload === undefined) return;
    const digit = dtmfDigitForEvent(payload.event);
    if (digit === undefined) return;

    if (packet.ssrc !== undefined && packet.ssrc !== this.ssrc) {
      // A new source (re-INVITE, another leg) has its own timestamp space: nothing carries over.
      if (this.active !== undefined) this.finish(this.active, 'next-event');
      this.latest = undefined;
      this.ssrc = packet.ssrc;
    }

    const timestamp = packet.timestamp >>> 0;
    const active = this.active;
    if (active !== undefined) {
      if (timestamp === active.segmentTimestamp && payload.event === active.event) {
        this.update(active, payload, nowMs);
        return;
      }
      if (this.continuesSegment(active, timestamp, payload, packet.marker)) {
        active.earlierSegments += (timestamp - active.segmentTimestamp) >>> 0;
        active.segmentTimestamp = timestamp;
        active.duration = 0;
        active.ended = false;
        // Packets of the finished segment are now late packets, like those of an earlier press.
        this.latest = { timestamp, event: payload.event };
        this.update(active, payload, nowMs);
        return;
      }
    }

    const latest = this.latest;
    if (latest !== undefined) {
      if (timestamp === latest.timestamp && payload.event === latest.event) return; // already reported
      // A late packet of an earlier press, unless it is a marked start far away from the latest:
      // then the sender's timestamps jumped back (a restart without a new SSRC).
      const distance = Math.abs((timestamp - latest.timestamp) | 0);
      const discontinuity = packet.marker && distance >= this.clockRate * DISCONTINUITY_SECONDS;
      if (isNewer(latest.timestamp, timestamp) && !discontinuity) return;
    }

    if (active !== undefined) this.finish(active, 'next-event');
    const press: ActivePress = {
      event: payload.event,
      digit,
      timestamp,
      segmentTimestamp: timestamp,
      earlierSegments: 0,
      duration: 0,
      volume: payload.volume,
      ended: false,
      lastPacketAt: nowMs,
    };
    this.active = press;
    this.latest = { timestamp, event: payload.event };
    this.onStart?.({ digit, event: payload.event, timestamp });
    this.update(press, payload, nowMs);
  }

  /** Ends a press whose packets stopped coming; call it from the media tick. */
  poll(nowMs: number): void {
    const active = this.active;
    if (active === undefined) return;
    if (nowMs - active.lastPacketAt >= this.timeoutMs) this.finish(active, active.ended ? 'end' : 'timeout');
  }

  /** Forgets everything (the stream restarted); a press in progress is not reported. */
  reset(): void {
    this.active = undefined;
    this.latest = undefined;
    this.ssrc = undefined;
  }

  private update(active: ActivePress, payload: TelephoneEventPayload, nowMs: number): void {
    active.lastPacketAt = nowMs;
    active.volume = payload.volume;
    if (payload.duration > active.duration) active.duration = payload.duration;
    if (!payload.end) return;
    active.ended = true;
    // An end at the maximum duration may be a segment boundary from a sender that sets E there
    // (§2.5.1.3 is read both ways): wait for the next segment or the timeout before reporting.
    if (active.duration < TELEPHONE_EVENT_MAX_DURATION) this.finish(active, 'end');
  }

  private continuesSegment(
    active: ActivePress,
    timestamp: number,
    payload: TelephoneEventPayload,
    marker: boolean,
  ): boolean {
    if (marker || payload.event !== active.event) return false;
    // The next segment starts where this one ended, 65535 units on; the last update of the
    // segment may be lost, so allow a quarter second either way.
    const slack = this.clockRate / 4;
    if (active.duration < TELEPHONE_EVENT_MAX_DURATION - slack) return false;
    const step = (timestamp - active.segmentTimestamp) >>> 0;
    return Math.abs(step - TELEPHONE_EVENT_MAX_DURATION) <= slack;
  }

  private finish(active: ActivePress, ending: TelephoneEventEnding): void {
    this.active = undefined;
    const durationSamples = active.earlierSegments + active.duration;
    this.onPress({
      digit: active.digit,
      event: active.event,
      timestamp: active.timestamp,
      durationSamples,
      durationMs: (durationSamples * 1000) / this.clockRate,
      volume: active.volume,
      ending,
    });
  }
}
