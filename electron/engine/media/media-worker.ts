import { createSocket } from 'node:dgram';
import { parentPort } from 'node:worker_threads';
import { systemClock } from '../clock.js';
import { startFrameScheduler, type FrameScheduler } from './frame-scheduler.js';
import type { MediaCommand, MediaEvent } from './media-worker-protocol.js';
import { percentile } from './percentile.js';
import { RtpStream } from './rtp-stream.js';

/**
 * The media worker thread: every call's RTP sockets live here and one frame scheduler paces all
 * of them on absolute time, so SQLite writes or a slow workflow step on the main thread never
 * make a caller's audio stutter (TESTBED.md: p99 jitter 1.9 ms here vs 9.7–15 ms on the main thread).
 */
const port = parentPort;
if (!port) throw new Error('media-worker must run as a worker thread');
const post = (event: MediaEvent): void => port.postMessage(event);

const streams = new Map<string, RtpStream>();
/**
 * Streams are spread over SLOTS sub-frames of 5 ms: each still sends every 20 ms, but a frame's
 * sends come in four small bursts instead of one large one, so a stream's send time varies less
 * with how many calls there are.
 */
const SLOTS = 4;
const slotOf = new Map<string, number>();
const slotSizes = new Array<number>(SLOTS).fill(0);
const lateness: number[] = [];

function forget(streamId: string): void {
  streams.delete(streamId);
  const slot = slotOf.get(streamId);
  if (slot !== undefined) slotSizes[slot] = (slotSizes[slot] ?? 1) - 1;
  slotOf.delete(streamId);
  // No call, no pacing: the spin to each deadline costs CPU an idle office PC should not spend.
  if (streams.size === 0) {
    scheduler?.stop();
    scheduler = undefined;
  }
}

let scheduler: FrameScheduler | undefined;

const startPacing = (): FrameScheduler =>
  startFrameScheduler({
    clock: systemClock,
    frameMs: 20 / SLOTS,
    spinMs: 1.5,
    onFrame(tick, lateMs) {
      const slot = tick % SLOTS;
      const frame = Math.floor(tick / SLOTS);
      for (const [streamId, stream] of streams) {
        if (slotOf.get(streamId) !== slot) continue;
        try {
          stream.sendFrame();
        } catch (error) {
          // One call's broken stream must not stop the pacing of every other call.
          forget(streamId);
          stream.close();
          post({ kind: 'streamFailed', streamId, message: String(error) });
        }
      }
      lateness.push(lateMs);
      // Every 2 s, tell the host how punctual pacing was (figures for logs and benchmarks).
      if (slot === SLOTS - 1 && frame % 100 === 99) {
        post({ kind: 'pacing', lateP99Ms: percentile(lateness, 99), frames: lateness.length });
        lateness.length = 0;
      }
    },
  });

port.on('message', (command: MediaCommand) => {
  switch (command.kind) {
    case 'open': {
      const socket = createSocket(command.localAddress.includes(':') ? 'udp6' : 'udp4');
      socket.once('error', (error) =>
        post({ kind: 'openFailed', streamId: command.streamId, message: error.message }),
      );
      socket.bind(0, command.localAddress, () => {
        const stream = new RtpStream(socket, {
          playDone: (playId, interrupted) =>
            post({ kind: 'playDone', streamId: command.streamId, playId, interrupted }),
          remoteLearned: (address, remotePort) =>
            post({ kind: 'remoteLearned', streamId: command.streamId, address, port: remotePort }),
          digit: (digit, via, durationMs) =>
            post({ kind: 'digit', streamId: command.streamId, digit, via, durationMs }),
          digitStarted: () => post({ kind: 'digitStarted', streamId: command.streamId }),
          recordDone: (recordId, result) =>
            post({ kind: 'recordDone', streamId: command.streamId, recordId, ...result }),
          recordFailed: (recordId, path, message) =>
            post({ kind: 'recordFailed', streamId: command.streamId, recordId, path, message }),
        });
        streams.set(command.streamId, stream);
        scheduler ??= startPacing();
        // The emptiest slot keeps the four bursts even as calls come and go.
        const slot = slotSizes.indexOf(Math.min(...slotSizes));
        slotOf.set(command.streamId, slot);
        slotSizes[slot] = (slotSizes[slot] ?? 0) + 1;
        post({ kind: 'opened', streamId: command.streamId, port: socket.address().port });
      });
      return;
    }
    case 'configure':
      streams
        .get(command.streamId)
        ?.configure(
          command.remoteAddress,
          command.remotePort,
          command.codec,
          command.payloadType,
          command.telephoneEventPayloadType,
        );
      return;
    case 'play': {
      const stream = streams.get(command.streamId);
      // A stream closed meanwhile (the caller hung up) must not leave the host waiting.
      if (stream) stream.play(command.playId, command.pcm);
      else post({ kind: 'playDone', streamId: command.streamId, playId: command.playId, interrupted: true });
      return;
    }
    case 'stopPlay':
      streams.get(command.streamId)?.stopPlay();
      return;
    case 'record': {
      const { kind: _kind, streamId, recordId, ...options } = command;
      const stream = streams.get(streamId);
      if (stream) stream.record(recordId, options);
      else
        post({ kind: 'recordFailed', streamId, recordId, path: options.path, message: 'the call has ended' });
      return;
    }
    case 'stopRecord':
      streams.get(command.streamId)?.stopRecord();
      return;
    case 'bridge': {
      const other = streams.get(command.otherStreamId);
      if (other) streams.get(command.streamId)?.bridgeWith(other);
      return;
    }
    case 'unbridge':
      streams.get(command.streamId)?.unbridge();
      return;
    case 'close': {
      const stream = streams.get(command.streamId);
      if (!stream) return;
      forget(command.streamId);
      stream.close();
      post({
        kind: 'closed',
        streamId: command.streamId,
        packetsSent: stream.packetsSent,
        packetsReceived: stream.packetsReceived,
      });
      return;
    }
    case 'shutdown':
      scheduler?.stop();
      for (const stream of streams.values()) stream.close();
      streams.clear();
      port.close();
      return;
  }
});
