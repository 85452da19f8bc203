import type { G711Codec } from './g711.js';

export type DigitSource = 'rfc4733' | 'inband' | 'info';

/**
 * Messages between the engine's main thread and the media worker. Both ends are our own code in
 * one process, so they are typed rather than validated; PCM travels as transferred buffers.
 */
export type MediaCommand =
  | { kind: 'open'; streamId: string; localAddress: string }
  | {
      kind: 'configure';
      streamId: string;
      remoteAddress: string;
      remotePort: number;
      codec: G711Codec;
      payloadType: number;
      /** RFC 4733 payload type when negotiated; in-band detection runs while the peer sends none. */
      telephoneEventPayloadType: number | undefined;
    }
  | { kind: 'play'; streamId: string; playId: string; pcm: Int16Array }
  | { kind: 'stopPlay'; streamId: string }
  | { kind: 'close'; streamId: string }
  | { kind: 'shutdown' };

export type MediaEvent =
  | { kind: 'opened'; streamId: string; port: number }
  | { kind: 'openFailed'; streamId: string; message: string }
  | { kind: 'playDone'; streamId: string; playId: string; interrupted: boolean }
  /** Symmetric RTP (RFC 4961): the peer's packets arrive from here, so ours now go there. */
  | { kind: 'remoteLearned'; streamId: string; address: string; port: number }
  | { kind: 'closed'; streamId: string; packetsSent: number; packetsReceived: number }
  /** A key press, reported once however it arrived: RFC 4733 events or in-band tones. */
  | {
      kind: 'digit';
      streamId: string;
      digit: string;
      via: Exclude<DigitSource, 'info'>;
      durationMs: number | undefined;
    }
  /** A key went down (RFC 4733 start): enough to stop a prompt before the press ends. */
  | { kind: 'digitStarted'; streamId: string }
  | { kind: 'pacing'; lateP99Ms: number; frames: number };
