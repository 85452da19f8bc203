import type { CollectDigitsOptions, CollectedDigits } from './digit-buffer.js';
import type { DigitSource, RecordingResult } from '../media/media-worker-protocol.js';

/**
 * One phone call as the workflow interpreter drives it, whatever carried it (a SIP INVITE on an
 * office line today). The telephony core implements it; flows never see SIP or RTP.
 */
export interface Call {
  readonly id: string;
  readonly lineId: string;
  /** The caller's number or SIP user, as the PBX presented it. */
  readonly caller: string;
  /** The number the caller dialled (Request-URI or To user). */
  readonly dialled: string;
  readonly state: CallState;
  answer(): Promise<void>;
  /**
   * Plays 8 kHz mono PCM. With bargeIn a key press stops it at once, as does aborting `signal`
   * (hold music giving way); resolves when it was played out, interrupted, or the call ended.
   */
  play(pcm: Int16Array, options?: PlayOptions): Promise<{ interrupted: boolean }>;
  onDigit(listener: (digit: string, via: DigitSource) => void): () => void;
  /**
   * Gathers key presses into one entry (a menu choice, a phone number). Keys pressed earlier
   * and not yet collected, such as the one that barged into a prompt, count first (type-ahead).
   */
  collectDigits(options: CollectDigitsOptions): Promise<CollectedDigits>;
  /** Forgets keys pressed and not yet collected, e.g. those pressed during hold music. */
  discardTypeahead(): void;
  /**
   * Records what the caller says (voicemail) into a new 16-bit 8 kHz mono WAV file at `path`;
   * where it goes is the caller's policy. Ends after `maxMs`, after `silenceMs` of silence once
   * the caller has spoken (0: never), on a key of `finishOnKey` ('#' by default, '' for none;
   * the key is still reported to onDigit), or when the call ends ('hangup'). Resolves once the
   * file is complete and fsync'ed, so a row pointing at it may be committed.
   * @throws RecordingError when the call is not answered, or the file cannot be written.
   */
  record(options: {
    path: string;
    maxMs: number;
    silenceMs: number;
    finishOnKey?: string;
  }): Promise<RecordingResult>;
  /**
   * Calls `target` (a SIP URI through the line's proxy; several ring at once, the first to answer
   * wins) and, once it answers, joins the two: audio and digits flow between them and either
   * side hanging up ends both. If the caller hangs up while the target rings, the target's leg is
   * cancelled. Resolves with the attempt's outcome.
   */
  bridgeTo(target: string | readonly string[], options?: BridgeOptions): Promise<BridgeOutcome>;
  /**
   * Blind transfer (REFER, RFC 3515): asks the caller's side to call `target` itself, then
   * follows its NOTIFY progress reports (sipfrag, RFC 3420) to success or failure.
   */
  transfer(target: string, options?: { timeoutMs?: number }): Promise<TransferOutcome>;
  /**
   * Puts the caller through to `target` the way the line is set up to: bridged (bridgeTo) or
   * transferred (transfer; `headers` then ride in the Refer-To URI, RFC 3515 §2.1, for the
   * caller's side to copy into its INVITE).
   */
  putThrough(
    target: string,
    options?: { ringTimeoutMs?: number; headers?: [string, string][] },
  ): Promise<PutThroughOutcome>;
  hangup(): Promise<void>;
  /**
   * An agent the caller was put through to transferred the caller (REFER from the agent's
   * phone, RFC 3515) and the target answered: the caller talks to the target now. Optional:
   * calls that cannot be transferred by an agent (the simulator's) have no such event.
   */
  onTransferred?(listener: (transfer: AgentTransferEvent) => void): () => void;
  /** Resolves once, when the call is over, with why. */
  readonly ended: Promise<CallEnd>;
}

export interface PlayOptions {
  bargeIn?: boolean;
  signal?: AbortSignal;
}

/**
 * `target`: the one that answered. `legs`: how each target's phone responded when several rang
 * ('cancelled': it lost the race to another, or the caller hung up first).
 */
export type BridgeOutcome = (
  | { kind: 'bridged'; target: string }
  | { kind: 'busy' }
  | { kind: 'no-answer' }
  | { kind: 'failed'; reason: string }
) & { legs?: Readonly<Record<string, LegResult>> };

export type LegResult = 'answered' | 'busy' | 'no-answer' | 'failed' | 'cancelled';

/** `status`: the final response the transfer target gave, from the NOTIFY sipfrag (RFC 3420). */
export type TransferOutcome = { kind: 'transferred' } | { kind: 'failed'; reason: string; status?: number };

export type PutThroughOutcome = BridgeOutcome | { kind: 'transferred' };

export interface BridgeOptions {
  ringTimeoutMs?: number;
  /** Extra headers on the INVITEs (the engine's call id for the agent's screen pop). */
  headers?: [string, string][];
  /** What the caller hears when the one who answered puts the call on hold (the team's hold audio). */
  holdAudio?: () => Promise<Int16Array>;
}

/** Where an agent transferred a caller: `user` is the extension or number that answered. */
export interface AgentTransferEvent {
  user: string;
  uri: string;
  /** With Replaces (RFC 3891): the agent had consulted the target first. */
  attended: boolean;
}

export type CallState = 'ringing' | 'answering' | 'answered' | 'ended';

export type CallEnd =
  | { reason: 'caller-hung-up' }
  | { reason: 'cancelled' }
  | { reason: 'engine-hung-up' }
  | { reason: 'rejected'; status: number }
  | { reason: 'no-ack' }
  | { reason: 'failed'; message: string };
