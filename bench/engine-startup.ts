/**
 * How fast the headless engine is ready (spawn → ready line), on a new and on an existing data
 * folder, its resident memory once ready, and the API round trip over the WebSocket.
 * Prints figures; asserts nothing. Run with `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { tempDir } from '../test/fakes/temp-dir.js';
import { startEngineProcess } from '../test/support/engine-process.js';
import { RawApiClient } from '../test/support/ws-client.js';
import { summary } from './stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CALLS = Number(process.env.BENCH_CALLS ?? 2000);

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

async function timeToReady(dataDir: string): Promise<{ ms: number; rss: number }> {
  const started = performance.now();
  const engine = await startEngineProcess(dataDir);
  const ms = performance.now() - started;
  const rss = rssMiB(engine.child.pid ?? 0);
  await engine.stop();
  return { ms, rss };
}

const fresh: number[] = [];
const existing: number[] = [];
const rss: number[] = [];
const kept = tempDir('switchboard-bench-');
for (let i = 0; i < RUNS; i++) {
  const dir = tempDir('switchboard-bench-');
  const first = await timeToReady(dir.path);
  fresh.push(first.ms);
  dir.remove();
  const again = await timeToReady(kept.path);
  existing.push(again.ms);
  rss.push(again.rss);
}

const engine = await startEngineProcess(kept.path);
const client = await RawApiClient.connect(engine.origin, `?token=${engine.token}`);
await client.call('lines.save', {
  displayName: 'Bench',
  registrar: '127.0.0.1',
  username: 'bench',
  password: 'x',
});
const roundTrips: number[] = [];
for (let i = 0; i < CALLS; i++) {
  const t0 = performance.now();
  await client.call(i % 2 ? 'lines.list' : 'settings.get', {});
  roundTrips.push(performance.now() - t0);
  if (client.frames.length > 100) client.frames.length = 0;
}
client.close();
await engine.stop();
kept.remove();

console.log('engine startup and API (node', process.version, ')');
console.log(summary('ready, new data folder', fresh));
console.log(summary('ready, existing data folder', existing));
console.log(summary('RSS once ready', rss, 'MiB'));
console.log(summary('WebSocket API round trip', roundTrips));
