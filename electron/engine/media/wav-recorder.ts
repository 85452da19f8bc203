/**
 * The file side of call recording (voicemail): streams a caller's decoded audio into a 16-bit
 * 8 kHz mono WAV file, in the media worker, where synchronous fs calls block no one but the
 * worker's own 20 ms loop (and a 3 kB write every 200 ms costs it far less than a frame).
 *
 * The file is created with the canonical 44-byte header (wav-writer.ts) whose RIFF and data
 * sizes are 0, the placeholder streaming writers use and wav-reader.ts reads as "to the end of
 * the file": a recording cut short by a crash is still playable. Samples are buffered and
 * written every ~200 ms; {@link WavRecorder.finish} writes the rest, patches both sizes, cuts
 * what is to be trimmed, fsyncs the file and its folder, and closes it. Only then may the
 * recording's row be committed (DESIGN.md: nothing is lost if the engine crashes mid-call).
 *
 * Time: the recording is as long as the call's wall time, whatever the network did. Packets
 * are placed by their RTP timestamps (RFC 3550 §5.1: the sampling instant), so lost packets
 * and silence suppression (RFC 3551 §4.1: the timestamp jumps over the silent period) leave
 * silence in their place; and while no packet arrives at all (a dead or held stream), the
 * worker's 20 ms tick pads silence to wall time. A timestamp that jumps further than wall
 * time allows, or backwards (a new source, a restarted sender), re-anchors instead of filling.
 *
 * Silence: a 20 ms block is sound when its RMS reaches −45 dBFS (relative to full scale,
 * 32768), close to Asterisk's default silence threshold (dsp.conf `silencethreshold=256`, a
 * mean absolute level of about −42 dBFS). A line's idle noise sits well below it, speech
 * 20–30 dB above. Once the caller has spoken (60 ms of sound in a row), `silenceMs` without
 * sound ends the recording, and the file keeps at most 0.5 s of silence after the last sound.
 */
import { closeSync, fsyncSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeWav } from '../audio/wav-writer.js';
import { MAX_RECORDING_MS, type RecordingEndReason } from './media-worker-protocol.js';

export const RECORDING_SAMPLE_RATE = 8000;
const SAMPLES_PER_MS = RECORDING_SAMPLE_RATE / 1000;
const HEADER_BYTES = 44;
/** Silence detection works on 20 ms blocks, one G.711 packet each. */
const BLOCK = 160;
/**
 * Sound for this many blocks in a row (60 ms) before the caller counts as having spoken: a click
 * (a handset knocked, a line hit) is not speech, and a syllable lasts 100 ms or more.
 */
const MIN_SOUND_BLOCKS = 3;
/** Write to the file every 200 ms of audio. */
const FLUSH_SAMPLES = 200 * SAMPLES_PER_MS;
/**
 * The newest 60 ms stay in memory, where a late (reordered) packet can still take its place
 * over the silence that stood in for it.
 */
const HOLDBACK_SAMPLES = 60 * SAMPLES_PER_MS;
const PENDING_CAPACITY = 4096;
/** With no packet for this long, pad silence to wall time: network jitter stays well below. */
const PAD_LAG_SAMPLES = 100 * SAMPLES_PER_MS;
/** A timestamp gap may exceed the wall time since the previous packet by this much (jitter). */
const GAP_SLACK_SAMPLES = 100 * SAMPLES_PER_MS;
/** A key's tone is cut only this far back: further means its timestamp is not the audio's. */
const MAX_KEY_CUT_SAMPLES = 1000 * SAMPLES_PER_MS;

export const DEFAULT_SILENCE_THRESHOLD_DBFS = -45;
export const DEFAULT_TRAILING_SILENCE_MS = 500;

export interface WavRecorderOptions {
  maxMs: number;
  /** 0: never end on silence. */
  silenceMs: number;
  silenceThresholdDbfs?: number;
  /** Silence kept after the last sound (default 500 ms). */
  trailingSilenceMs?: number;
}

export interface WavRecording {
  path: string;
  durationMs: number;
  /** File size, header included. */
  bytes: number;
  heardSound: boolean;
}

/** On a little-endian host (every platform Electron ships for) the samples are written as they are. */
const isLittleEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Validates recording options; the message says which one is wrong and why. */
export function checkRecordOptions(options: { maxMs: number; silenceMs: number }): string | undefined {
  if (!Number.isFinite(options.maxMs) || options.maxMs <= 0 || options.maxMs > MAX_RECORDING_MS) {
    return `maxMs must be above 0 and at most ${MAX_RECORDING_MS} (4 hours), got ${options.maxMs}`;
  }
  if (!Number.isFinite(options.silenceMs) || options.silenceMs < 0) {
    return `silenceMs must be 0 (never) or more, got ${options.silenceMs}`;
  }
  return undefined;
}

/**
 * One recording in progress. Time comes in as arguments (`nowMs`, any monotonic ms clock), so
 * tests drive it without real waiting. Not thread-safe, not re-entrant: one owner, the stream.
 */
export class WavRecorder {
  /** Set once the recording should end by itself; the owner then calls {@link finish}. */
  ending: Extract<RecordingEndReason, 'max-length' | 'silence'> | undefined;
  private fd: number | undefined;
  private readonly maxSamples: number;
  private readonly silenceSamples: number;
  private readonly trailingSamples: number;
  /** Energy of a 20 ms block at the threshold. */
  private readonly loudBlockEnergy: number;
  /** One flag per 20 ms block: was it sound? Lets finish() trim silence before a cut point. */
  private readonly loudBlocks: Uint8Array;
  private readonly pending = new Int16Array(PENDING_CAPACITY);
  private readonly pendingBytes = new Uint8Array(this.pending.buffer);
  private readonly swapped: Uint8Array | undefined = isLittleEndianHost
    ? undefined
    : new Uint8Array(PENDING_CAPACITY * 2);
  private pendingLength = 0;
  private flushed = 0;
  private blockEnergy = 0;
  private blockFill = 0;
  private lastSoundEnd = 0;
  private loudRun = 0;
  private heardSound = false;
  /** The RTP timestamp `anchorTimestamp` of source `anchorSsrc` is sample `anchorPosition`. */
  private anchorSsrc: number | undefined;
  private anchorTimestamp = 0;
  private anchorPosition = 0;
  /** Wall time of the latest packet, and where its audio ended. */
  private lastPacketAt: number;
  private lastPacketEnd = 0;

  private constructor(
    readonly path: string,
    fd: number,
    options: WavRecorderOptions,
    nowMs: number,
  ) {
    this.fd = fd;
    this.maxSamples = Math.round(options.maxMs * SAMPLES_PER_MS);
    this.silenceSamples = Math.round(options.silenceMs * SAMPLES_PER_MS);
    this.trailingSamples = Math.round(
      (options.trailingSilenceMs ?? DEFAULT_TRAILING_SILENCE_MS) * SAMPLES_PER_MS,
    );
    const rms = 32768 * 10 ** ((options.silenceThresholdDbfs ?? DEFAULT_SILENCE_THRESHOLD_DBFS) / 20);
    this.loudBlockEnergy = rms * rms * BLOCK;
    this.loudBlocks = new Uint8Array(Math.ceil(this.maxSamples / BLOCK));
    this.lastPacketAt = nowMs;
  }

  /**
   * Creates the file (never over an existing one: a path collision must not destroy a
   * voicemail) and writes its header.
   * @throws RangeError on bad options; the fs error when the file cannot be created.
   */
  static open(path: string, options: WavRecorderOptions, nowMs: number): WavRecorder {
    const problem = checkRecordOptions(options);
    if (problem !== undefined) throw new RangeError(problem);
    const fd = openSync(path, 'wx');
    try {
      const header = writeWav(new Int16Array(0), RECORDING_SAMPLE_RATE);
      new DataView(header.buffer, header.byteOffset).setUint32(4, 0, true); // placeholder, see above
      writeSync(fd, header, 0, HEADER_BYTES, 0);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    return new WavRecorder(path, fd, options, nowMs);
  }

  /** Samples recorded so far. */
  get length(): number {
    return this.flushed + this.pendingLength;
  }

  /**
   * Adds one packet's decoded audio, placed by its RTP timestamp: a gap before it becomes
   * silence, a late packet takes its place again if it is still in memory.
   */
  write(pcm: Int16Array, rtpTimestamp: number, ssrc: number, nowMs: number): void {
    if (this.ending !== undefined || this.fd === undefined) return;
    const end = this.length;
    let position = end;
    let isContinuation = ssrc === this.anchorSsrc;
    if (isContinuation) {
      position = this.anchorPosition + ((rtpTimestamp - this.anchorTimestamp) | 0);
      const wallGap = Math.max(0, nowMs - this.lastPacketAt) * SAMPLES_PER_MS + GAP_SLACK_SAMPLES;
      isContinuation = position - end <= wallGap && end - position <= HOLDBACK_SAMPLES + PAD_LAG_SAMPLES;
    }
    if (!isContinuation) {
      // A new source, or a timestamp jump wall time cannot explain: carry on from here.
      this.anchorSsrc = ssrc;
      this.anchorTimestamp = rtpTimestamp >>> 0;
      this.anchorPosition = end;
      position = end;
    }
    this.lastPacketAt = nowMs;
    this.lastPacketEnd = position + pcm.length;
    let from = 0;
    if (position > end) {
      this.push(undefined, 0, position - end);
    } else if (position < end) {
      // Late: overwrite what stood in for it, as far as it is still in memory.
      const overlap = Math.min(end - position, pcm.length);
      for (let i = 0; i < overlap; i++) {
        const at = position + i - this.flushed;
        if (at >= 0) this.pending[at] = pcm[i] ?? 0;
      }
      from = overlap;
    }
    if (from < pcm.length) this.push(pcm, from, pcm.length - from);
  }

  /** Called every frame: while no packet arrives, the recording still follows wall time. */
  tick(nowMs: number): void {
    if (this.ending !== undefined || this.fd === undefined) return;
    const target =
      this.lastPacketEnd + Math.floor((nowMs - this.lastPacketAt) * SAMPLES_PER_MS) - PAD_LAG_SAMPLES;
    if (target > this.length) this.push(undefined, 0, target - this.length);
  }

  /**
   * Where the sample with this RTP timestamp is (or would be) in the recording, if the
   * timestamp belongs to the audio's source and is recent; for cutting a key's tone.
   */
  positionOf(rtpTimestamp: number, ssrc: number): number | undefined {
    if (ssrc !== this.anchorSsrc) return undefined;
    const position = this.anchorPosition + ((rtpTimestamp - this.anchorTimestamp) | 0);
    if (position > this.length || this.length - position > MAX_KEY_CUT_SAMPLES) return undefined;
    return Math.max(0, position);
  }

  /**
   * Completes the file: keeps audio up to `cutAt` (a sample position, e.g. where the key's tone
   * began) and at most the trailing silence after the last sound before it, patches the
   * header, fsyncs file and folder, closes. A second call throws.
   * @throws the fs error; the descriptor is closed either way.
   */
  finish(cutAt?: number): WavRecording {
    const fd = this.fd;
    if (fd === undefined) throw new Error(`${this.path}: the recording is already finished`);
    try {
      let keep = this.length;
      if (cutAt !== undefined)
        keep = Math.max(0, Math.min(keep, Math.max(cutAt, this.length - MAX_KEY_CUT_SAMPLES)));
      const soundEnd = this.lastSoundBefore(keep);
      if (soundEnd !== undefined) keep = Math.min(keep, soundEnd + this.trailingSamples);
      keep = Math.floor(keep);
      if (keep > this.flushed) this.flush(this.length - keep);
      const dataBytes = keep * 2;
      ftruncateSync(fd, HEADER_BYTES + dataBytes);
      const sizes = new Uint8Array(4);
      const view = new DataView(sizes.buffer);
      view.setUint32(0, HEADER_BYTES - 8 + dataBytes, true);
      writeSync(fd, sizes, 0, 4, 4);
      view.setUint32(0, dataBytes, true);
      writeSync(fd, sizes, 0, 4, 40);
      fsyncSync(fd);
      this.fd = undefined;
      closeSync(fd);
      syncFolder(this.path);
      return {
        path: this.path,
        durationMs: keep / SAMPLES_PER_MS,
        bytes: HEADER_BYTES + dataBytes,
        heardSound: soundEnd !== undefined,
      };
    } catch (error) {
      if (this.fd === undefined) throw error; // closeSync itself failed
      this.fd = undefined;
      try {
        closeSync(fd);
      } catch {
        // Already closed by the failing step, or never will be: the first error is the one to report.
      }
      throw error;
    }
  }

  /**
   * Closes the file after a failed write, leaving it as it is (placeholder sizes: still
   * readable up to what was written).
   */
  abandon(): void {
    const fd = this.fd;
    this.fd = undefined;
    if (fd === undefined) return;
    try {
      closeSync(fd);
    } catch {
      // Nothing more can be done for this file; the write error is the one reported.
    }
  }

  /**
   * Appends `count` samples of `source` from `from`, or of silence when there is no source,
   * measuring each 20 ms block as it completes; stops at the maximum length.
   */
  private push(source: Int16Array | undefined, from: number, count: number): void {
    let left = Math.min(count, this.maxSamples - this.length);
    while (left > 0) {
      if (this.pendingLength === PENDING_CAPACITY) this.flush(HOLDBACK_SAMPLES);
      const n = Math.min(left, PENDING_CAPACITY - this.pendingLength, BLOCK - this.blockFill);
      if (source === undefined) {
        this.pending.fill(0, this.pendingLength, this.pendingLength + n);
      } else {
        let energy = this.blockEnergy;
        for (let i = 0; i < n; i++) {
          const x = source[from + i] ?? 0;
          this.pending[this.pendingLength + i] = x;
          energy += x * x;
        }
        this.blockEnergy = energy;
        from += n;
      }
      this.pendingLength += n;
      this.blockFill += n;
      left -= n;
      if (this.blockFill === BLOCK) this.endBlock();
    }
    if (this.pendingLength >= FLUSH_SAMPLES + HOLDBACK_SAMPLES) this.flush(HOLDBACK_SAMPLES);
    if (this.length >= this.maxSamples) this.ending ??= 'max-length';
  }

  private endBlock(): void {
    const end = this.length;
    if (this.blockEnergy >= this.loudBlockEnergy) {
      if (++this.loudRun >= MIN_SOUND_BLOCKS) this.heardSound = true;
      this.lastSoundEnd = end;
      this.loudBlocks[end / BLOCK - 1] = 1;
    } else if (this.heardSound && this.silenceSamples > 0 && end - this.lastSoundEnd >= this.silenceSamples) {
      this.ending ??= 'silence';
    }
    if (this.blockEnergy < this.loudBlockEnergy) this.loudRun = 0;
    this.blockEnergy = 0;
    this.blockFill = 0;
  }

  /** End of the last complete sound block at or before `position`, if there is one. */
  private lastSoundBefore(position: number): number | undefined {
    // Before any speech, nothing is trimmed: an empty voicemail stays as long as it was.
    if (!this.heardSound) return undefined;
    for (let block = Math.floor(position / BLOCK) - 1; block >= 0; block--) {
      if (this.loudBlocks[block] === 1) return (block + 1) * BLOCK;
    }
    return undefined;
  }

  /** Writes all pending samples but the newest `keep` to the file. */
  private flush(keep: number): void {
    const fd = this.fd;
    const count = Math.max(0, this.pendingLength - keep);
    if (count === 0 || fd === undefined) return;
    let bytes: Uint8Array = this.pendingBytes;
    if (this.swapped !== undefined) {
      const view = new DataView(this.swapped.buffer);
      for (let i = 0; i < count; i++) view.setInt16(2 * i, this.pending[i] ?? 0, true);
      bytes = this.swapped;
    }
    writeSync(fd, bytes, 0, count * 2, HEADER_BYTES + this.flushed * 2);
    this.pending.copyWithin(0, count, this.pendingLength);
    this.pendingLength -= count;
    this.flushed += count;
  }
}

/**
 * fsync(2): "Calling fsync() does not necessarily ensure that the entry in the directory
 * containing the file has also reached disk. For that an explicit fsync() on a file descriptor
 * for the directory is also needed." Windows cannot open a folder this way; NTFS journals the
 * entry itself, so there the attempt is skipped.
 */
function syncFolder(path: string): void {
  let fd: number;
  try {
    fd = openSync(dirname(path), 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on folders (EINVAL); the file itself is synced.
  } finally {
    closeSync(fd);
  }
}
