import type { G711Codec } from './g711.js';

export type DigitSource = 'rfc4733' | 'inband' | 'info';

/** Why a recording ended. */
export type RecordingEndReason =
  | 'max-length' // maxMs of audio recorded
  | 'silence' // silenceMs of silence after the caller had spoken
  | 'key' // a key of finishOnKey was pressed (its tone is cut from the file)
  | 'stopped' // stopRecord, or a new recording on the same stream
  | 'hangup'; // the stream closed: the call ended

/** What to record: the caller's audio, into a new 16-bit 8 kHz mono WAV file. */
export interface RecordOptions {
  /** Where the file goes; it must not exist yet (a recording never overwrites another). */
  path: string;
  /** Longest recording, ms (at most {@link MAX_RECORDING_MS}). */
  maxMs: number;
  /** Silence that ends the recording once the caller has spoken, ms; 0 never ends on silence. */
  silenceMs: number;
  /** Keys that end the recording, any of them ('#' when omitted, '' for none). */
  finishOnKey?: string;
}

/** A finished recording: the file is complete and fsync'ed, so its row may be committed. */
export interface RecordingResult {
  path: string;
  /** Length of the audio in the file, ms (trailing silence and the ending key's tone cut). */
  durationMs: number;
  reason: RecordingEndReason;
  /** Size of the file, header included. */
  bytes: number;
  /** Some of it was louder than the silence threshold: false for an empty voicemail. */
  heardSound: boolean;
}

/** Four hours: far beyond any voicemail, and it bounds the per-recording bookkeeping (~90 kB). */
export const MAX_RECORDING_MS = 4 * 60 * 60 * 1000;

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
  /** B2BUA: each leg's received audio and RFC 4733 digits go out through the other. */
  | { kind: 'bridge'; streamId: string; otherStreamId: string }
  | { kind: 'unbridge'; streamId: string }
  | { kind: 'close'; streamId: string }
  | ({ kind: 'record'; streamId: string; recordId: string } & RecordOptions)
  | { kind: 'stopRecord'; streamId: string }
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
  /** Posted only after the file has been fsync'ed and closed. */
  | ({ kind: 'recordDone'; streamId: string; recordId: string } & RecordingResult)
  /** The file could not be created or written; whatever part of it exists is left as it is. */
  | { kind: 'recordFailed'; streamId: string; recordId: string; path: string; message: string }
  | { kind: 'pacing'; lateP99Ms: number; frames: number }
  /** A stream threw while sending and was closed; the other calls go on. */
  | { kind: 'streamFailed'; streamId: string; message: string };
