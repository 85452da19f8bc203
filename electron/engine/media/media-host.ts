import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.js';
import type { G711Codec } from './g711.js';
import type {
  DigitSource,
  MediaCommand,
  MediaEvent,
  RecordingResult,
  RecordOptions,
} from './media-worker-protocol.js';
import { checkRecordOptions } from './wav-recorder.js';

export interface StreamMedia {
  remoteAddress: string;
  remotePort: number;
  codec: G711Codec;
  payloadType: number;
  telephoneEventPayloadType: number | undefined;
}

export interface StreamListener {
  digit(digit: string, via: DigitSource, durationMs: number | undefined): void;
  digitStarted(): void;
}

export interface MediaStreamHandle {
  readonly streamId: string;
  /** The local RTP port, for our SDP. */
  readonly port: number;
  configure(media: StreamMedia): void;
  /** Plays 8 kHz mono PCM; resolves when it has been sent, or was interrupted. */
  play(pcm: Int16Array): Promise<{ interrupted: boolean }>;
  stopPlay(): void;
  /**
   * Records the caller's audio into a new WAV file at `path` (16-bit 8 kHz mono). Resolves when
   * it ended (max length, silence after speech, a finishing key, stopRecord, the stream closing)
   * and the file is fsync'ed and closed: its row may then be committed.
   * @throws RecordingError when the file cannot be created or written, or the options are bad.
   */
  record(options: RecordOptions): Promise<RecordingResult>;
  /** Ends the recording in progress, if any, as 'stopped'. */
  stopRecord(): void;
  close(): Promise<{ packetsSent: number; packetsReceived: number }>;
}

/** A recording that could not be made; the message names the file and says why. */
export class RecordingError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`Cannot record ${path}: ${reason}`);
    this.name = 'RecordingError';
  }
}

/**
 * The main thread's side of the media worker: opens RTP streams and forwards commands. The
 * worker owns the sockets and the pacing; this side only waits on its events.
 */
export class MediaHost {
  private readonly worker: Worker;
  private readonly waiting = new Map<string, (event: MediaEvent) => void>();
  private readonly listeners = new Map<string, StreamListener>();
  pacing: { lateP99Ms: number; frames: number } | undefined;

  constructor(private readonly logger: Logger) {
    this.worker = new Worker(new URL('./media-worker.js', import.meta.url));
    this.worker.on('message', (event: MediaEvent) => this.dispatch(event));
    this.worker.on('error', (error) => logger.error('media worker failed', { error: error.message }));
  }

  async open(localAddress: string, listener?: StreamListener): Promise<MediaStreamHandle> {
    const streamId = randomUUID();
    if (listener) this.listeners.set(streamId, listener);
    const opened = await this.request({ kind: 'open', streamId, localAddress }, `open:${streamId}`);
    if (opened.kind !== 'opened')
      throw new Error(
        `Cannot open an RTP port: ${opened.kind === 'openFailed' ? opened.message : opened.kind}`,
      );
    return {
      streamId,
      port: opened.port,
      configure: (media) => this.send({ kind: 'configure', streamId, ...media }),
      play: async (pcm) => {
        const playId = randomUUID();
        const copy = pcm.slice();
        const done = await this.request({ kind: 'play', streamId, playId, pcm: copy }, `play:${playId}`, [
          copy.buffer,
        ]);
        return { interrupted: done.kind === 'playDone' && done.interrupted };
      },
      stopPlay: () => {
        this.send({ kind: 'stopPlay', streamId });
      },
      record: async (options) => {
        const problem = checkRecordOptions(options);
        if (problem !== undefined) throw new RecordingError(options.path, problem);
        const recordId = randomUUID();
        const done = await this.request(
          {
            kind: 'record',
            streamId,
            recordId,
            path: options.path,
            maxMs: options.maxMs,
            silenceMs: options.silenceMs,
            finishOnKey: options.finishOnKey,
          },
          `record:${recordId}`,
        );
        if (done.kind === 'recordFailed') throw new RecordingError(done.path, done.message);
        if (done.kind !== 'recordDone') throw new RecordingError(options.path, `unexpected ${done.kind}`);
        const { path, durationMs, reason, bytes, heardSound } = done;
        return { path, durationMs, reason, bytes, heardSound };
      },
      stopRecord: () => {
        this.send({ kind: 'stopRecord', streamId });
      },
      close: async () => {
        this.listeners.delete(streamId);
        const closed = await this.request({ kind: 'close', streamId }, `close:${streamId}`);
        return closed.kind === 'closed'
          ? { packetsSent: closed.packetsSent, packetsReceived: closed.packetsReceived }
          : { packetsSent: 0, packetsReceived: 0 };
      },
    };
  }

  /** Joins two open streams as the two legs of a bridged call (B2BUA). */
  bridge(a: MediaStreamHandle, b: MediaStreamHandle): void {
    this.send({ kind: 'bridge', streamId: a.streamId, otherStreamId: b.streamId });
  }

  unbridge(stream: MediaStreamHandle): void {
    this.send({ kind: 'unbridge', streamId: stream.streamId });
  }

  async shutdown(): Promise<void> {
    this.send({ kind: 'shutdown' });
    await this.worker.terminate();
  }

  private send(command: MediaCommand, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(command, transfer);
  }

  private request(command: MediaCommand, key: string, transfer: ArrayBuffer[] = []): Promise<MediaEvent> {
    return new Promise((resolve) => {
      this.waiting.set(key, resolve);
      this.send(command, transfer);
    });
  }

  private dispatch(event: MediaEvent): void {
    const key =
      event.kind === 'opened' || event.kind === 'openFailed'
        ? `open:${event.streamId}`
        : event.kind === 'playDone'
          ? `play:${event.playId}`
          : event.kind === 'closed'
            ? `close:${event.streamId}`
            : event.kind === 'recordDone' || event.kind === 'recordFailed'
              ? `record:${event.recordId}`
              : undefined;
    if (event.kind === 'pacing') {
      this.pacing = { lateP99Ms: event.lateP99Ms, frames: event.frames };
      return;
    }
    if (event.kind === 'digit') {
      this.listeners.get(event.streamId)?.digit(event.digit, event.via, event.durationMs);
      return;
    }
    if (event.kind === 'digitStarted') {
      this.listeners.get(event.streamId)?.digitStarted();
      return;
    }
    if (event.kind === 'streamFailed') {
      this.logger.error('an RTP stream failed and was closed', {
        streamId: event.streamId,
        error: event.message,
      });
      return;
    }
    if (event.kind === 'remoteLearned') {
      this.logger.info('RTP peer address learned', { address: event.address, port: event.port });
      return;
    }
    const resolve = key === undefined ? undefined : this.waiting.get(key);
    if (key !== undefined && resolve) {
      this.waiting.delete(key);
      resolve(event);
    }
  }
}
