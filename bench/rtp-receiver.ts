/**
 * Receiver side of the RTP pacing benchmark, in its own process so that the sender's load never
 * skews the measurement: records each stream's inter-arrival deviation from 20 ms, prints its
 * port on start and its figures as one JSON line on SIGTERM.
 */
import { createSocket } from 'node:dgram';
import { percentile } from '../electron/engine/media/percentile.js';

const socket = createSocket({ type: 'udp4', recvBufferSize: 8 * 1024 * 1024 });
const last = new Map<number, number>();
const deviations: number[] = [];
let packets = 0;
const warmupUntil = performance.now() + Number(process.env.WARMUP_MS ?? 1000);

socket.on('message', (data) => {
  const now = performance.now();
  packets++;
  const ssrc = data.readUInt32BE(8);
  const previous = last.get(ssrc);
  last.set(ssrc, now);
  if (previous !== undefined && now > warmupUntil) deviations.push(Math.abs(now - previous - 20));
});
socket.bind(0, '127.0.0.1', () => process.stdout.write(`${socket.address().port}\n`));
process.on('SIGTERM', () => {
  process.stdout.write(
    `${JSON.stringify({ packets, streams: last.size, p50: percentile(deviations, 50), p99: percentile(deviations, 99) })}\n`,
  );
  process.exit(0);
});
