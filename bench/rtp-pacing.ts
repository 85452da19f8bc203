/**
 * RTP send pacing of the media worker: N concurrent streams of 20 ms G.711 packets, measured at
 * a receiver in another process. The engine's main thread is kept busy with 30 ms stalls every
 * 100 ms (standing in for SQLite writes and workflow steps) to show the worker is unaffected.
 * Prints figures per stream count; asserts nothing. `npm run bench` (after a build).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { MediaHost } from '../build/electron/engine/media/media-host.js';

const COUNTS = (process.env.BENCH_STREAMS ?? '100,250,500,1000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const logger = { info: () => undefined, warn: () => undefined, error: console.error };

async function startReceiver(): Promise<{ port: number; stop(): Promise<Record<string, number>> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/rtp-receiver.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const iterator = lines[Symbol.asyncIterator]();
  const port = Number((await iterator.next()).value);
  return {
    port,
    async stop() {
      child.kill('SIGTERM');
      const result = await iterator.next();
      return JSON.parse(String(result.value)) as Record<string, number>;
    },
  };
}

function busyMainThread(): () => void {
  const timer = setInterval(() => {
    const until = performance.now() + 30;
    while (performance.now() < until) {
      // Simulated synchronous work on the engine's main thread.
    }
  }, 100);
  return () => clearInterval(timer);
}

console.log(`RTP pacing: media worker, ${SECONDS} s per run, main thread stalled 30 ms every 100 ms`);
console.log('streams  packets/s  jitter p50  jitter p99  worker-late p99  engine CPU  RSS');
for (const count of COUNTS) {
  const media = new MediaHost(logger);
  const receiver = await startReceiver();
  const streams = await Promise.all(Array.from({ length: count }, () => media.open('127.0.0.1')));
  for (const stream of streams)
    stream.configure({
      remoteAddress: '127.0.0.1',
      remotePort: receiver.port,
      codec: 'PCMU',
      payloadType: 0,
      telephoneEventPayloadType: undefined,
    });
  const stopBusy = busyMainThread();
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  const cpu = process.cpuUsage(cpuStart);
  const wall = performance.now() - wallStart;
  stopBusy();
  const figures = await receiver.stop();
  const rssMiB = process.memoryUsage().rss / 1024 / 1024;
  await Promise.all(streams.map((s) => s.close()));
  await media.shutdown();
  const cpuPercent = ((cpu.user + cpu.system) / 1000 / wall) * 100;
  console.log(
    `${String(count).padStart(7)}  ${String(Math.round(((figures.packets ?? 0) / wall) * 1000)).padStart(9)}  ` +
      `${(figures.p50 ?? NaN).toFixed(2).padStart(7)} ms  ${(figures.p99 ?? NaN).toFixed(2).padStart(7)} ms  ` +
      `${(media.pacing?.lateP99Ms ?? NaN).toFixed(2).padStart(12)} ms  ${cpuPercent.toFixed(0).padStart(8)} %  ${rssMiB.toFixed(0)} MiB`,
  );
}
