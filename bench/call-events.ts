/**
 * The call step log at size: the rate of single-event appends (each its own commit, as calls
 * write them) into a WAL SQLite file already holding 1 M events, and the time of the step
 * analytics (stepStats + edgeStats) over a 30-day range of one workflow.
 * Prints figures; asserts nothing. Run: npx tsx bench/call-events.ts
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CallEventLog, type CallEvent } from '../electron/engine/store/call-event-log.js';
import { openDatabase } from '../electron/engine/store/database.js';
import { WorkflowRepository } from '../electron/engine/store/workflow-repository.js';
import type { WorkflowDefinitionInput } from '../shared/workflow/workflow.js';
import { tempDir } from '../test/fakes/temp-dir.js';
import { summary } from './stats.js';

const EXISTING = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const APPENDS = Number(process.env.BENCH_APPENDS ?? 20_000);
const QUERY_RUNS = Number(process.env.BENCH_RUNS ?? 15);
const DAYS = 90;
const DAY_MS = 86_400_000;

const dir = tempDir('switchboard-bench-');
const database = openDatabase(
  join(dir.path, 'db.sqlite'),
  join(import.meta.dirname, '../resources/migrations'),
);
const workflows = new WorkflowRepository(database.db);
const log = new CallEventLog(database.db);

const blank: WorkflowDefinitionInput = { trigger: { kind: 'customer_called' }, steps: [], edges: [] };
const main = workflows.create('Main menu', blank);
const others = [workflows.create('After hours', blank), workflows.create('Overflow', blank)];
const versionOf = (id: string): string => workflows.publish(id, { note: '', author: 'bench' }).id;
const mainVersions = [versionOf(main.id), versionOf(main.id)];
const otherVersions = others.map((w) => versionOf(w.id));

/** Deterministic, so runs compare. */
let seed = 42;
const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

/**
 * One call's events: started, a menu (key, invalid or timeout, sometimes a hang-up), then a
 * sub-step (a form, a message, an assignment), ended. About 8 events per call.
 */
function callEvents(n: number, start: number): CallEvent[] {
  const isMain = random() < 0.6;
  const workflowId = isMain ? main.id : others[n % 2]!.id;
  const versionId = isMain ? mainVersions[random() < 0.3 ? 0 : 1]! : otherVersions[n % 2]!;
  let at = start;
  const event = (stepId: string | null, kind: CallEvent['kind'], outcome?: string): CallEvent => {
    at += 500 + random() * 8000;
    return { callId: `call-${n}`, workflowId, versionId, stepId, kind, outcome, at: new Date(at) };
  };
  const events = [event(null, 'call_started'), event('menu', 'entered')];
  const r = random();
  const menuOutcome =
    r < 0.08 ? 'hangup' : r < 0.12 ? 'timeout' : r < 0.15 ? 'invalid' : `key:${1 + (n % 3)}`;
  events.push(event('menu', 'left', menuOutcome));
  if (menuOutcome === 'hangup') return [...events, event(null, 'call_ended', 'caller-hung-up')];
  const next = menuOutcome.startsWith('key:') ? `step-${menuOutcome.slice(4)}` : 'goodbye';
  events.push(event(next, 'entered'), event(next, 'left', random() < 0.1 ? 'hangup' : 'next'));
  events.push(
    event('end', 'entered'),
    event('end', 'left', 'end'),
    event(null, 'call_ended', 'ended-by-workflow'),
  );
  return events;
}

const now = Date.now();
/** Calls come in time order, as they do in use: ~8 events per call spread over DAYS. */
const callStart = (n: number): number => now - DAYS * DAY_MS + (n * DAYS * DAY_MS * 8) / EXISTING;
let seeded = 0;
let calls = 0;
const seedStarted = performance.now();
const seedBatch = database.db.$client.transaction((events: CallEvent[]) =>
  events.forEach((e) => log.append(e)),
);
while (seeded < EXISTING) {
  const batch: CallEvent[] = [];
  while (batch.length < 10_000) {
    const n = calls++;
    batch.push(...callEvents(n, callStart(n)));
  }
  seedBatch(batch);
  seeded += batch.length;
}
database.db.$client.pragma('wal_checkpoint(TRUNCATE)');
console.log(
  `call events: ${seeded} existing events (${calls} calls over ${DAYS} days), seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
);

const appendUs: number[] = [];
const appendStarted = performance.now();
for (let i = 0; i < APPENDS;) {
  for (const event of callEvents(calls++, now)) {
    const started = performance.now();
    log.append(event);
    appendUs.push((performance.now() - started) * 1000);
    i++;
  }
}
const appendSec = (performance.now() - appendStarted) / 1000;
console.log(`  append, one commit each: ${Math.round(appendUs.length / appendSec)} rows/s`);
console.log(summary('  append latency', appendUs, 'µs'));

const range = { from: new Date(now - 30 * DAY_MS), to: new Date(now) };
const stepMs: number[] = [];
const edgeMs: number[] = [];
let reached = 0;
for (let run = 0; run < QUERY_RUNS; run++) {
  let started = performance.now();
  const stats = log.stepStats(main.id, range);
  stepMs.push(performance.now() - started);
  started = performance.now();
  log.edgeStats(main.id, range);
  edgeMs.push(performance.now() - started);
  reached = stats.calls;
}
console.log(`  analytics of one workflow over 30 days (${reached} calls in range):`);
console.log(summary('    stepStats', stepMs));
console.log(summary('    edgeStats', edgeMs));

database.close();
dir.remove();
