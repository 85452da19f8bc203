/**
 * Queue operations under load: 200 calls waiting across 10 teams with 50 agents who free up
 * continuously, on the real CallQueues, AgentRoster and QueueBoard (teams and agents in a SQLite
 * file) and the system clock. Calls are in memory: an agent's phone answers 5–30 ms after it is
 * asked to ring, talks 20–80 ms and hangs up; the agent is then free at once (no wrap-up), and a
 * new caller joins for each one answered, so 200 keep waiting.
 *
 * Measured: agent free (roster.callEnded) → that agent's phone asked to ring (bridgeTo); how late
 * the engine hears a hang-up it was due (event-loop lag, which the first figure does not see);
 * offers per second; board publishes per second (the events the UI gets) and the size of one;
 * CPU and RSS. Team settings are read from memory, as OfficeRouting keeps them (reading them
 * from SQLite at every dispatch pass made the engine hear hang-ups 3 s late at this load).
 * Prints figures; asserts nothing. Run: npx tsx bench/queue-load.ts
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { teamRoutingSchema, type Team } from '../shared/domain/teams.js';
import { systemClock } from '../electron/engine/clock.js';
import { silentLogger } from '../electron/engine/logger.js';
import { holdChime } from '../electron/engine/media/hold-chime.js';
import { percentile } from '../electron/engine/media/percentile.js';
import { AgentRoster } from '../electron/engine/routing/agent-roster.js';
import { CallQueues } from '../electron/engine/routing/call-queues.js';
import { QueueBoard } from '../electron/engine/routing/queue-board.js';
import { WaitEstimate } from '../electron/engine/routing/wait-estimate.js';
import { AgentRepository } from '../electron/engine/store/agent-repository.js';
import { openDatabase } from '../electron/engine/store/database.js';
import { TeamRepository } from '../electron/engine/store/team-repository.js';
import { FakeCall, type BridgeAttempt } from '../test/fakes/fake-call.js';
import { tempDir } from '../test/fakes/temp-dir.js';

const TEAMS = 10;
const AGENTS = 50;
const WAITING = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARM_UP_MS = 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const random = (min: number, max: number) => min + Math.random() * (max - min);
const max = (samples: readonly number[]) => samples.reduce((m, s) => Math.max(m, s), 0);
const f = (n: number, digits = 1) => n.toFixed(digits);

async function run(): Promise<void> {
  const dir = tempDir('switchboard-bench-');
  const database = openDatabase(
    join(dir.path, 'db.sqlite'),
    join(import.meta.dirname, '../resources/migrations'),
  );
  const teamRepository = new TeamRepository(database.db);
  const agentRepository = new AgentRepository(database.db);
  const teams: Team[] = [];
  for (let t = 0; t < TEAMS; t++) {
    // No ring all: every offer rings one phone, so each ring is one agent's free→ring sample.
    const routing = teamRoutingSchema.parse({
      strategy: t % 2 === 0 ? 'longest_idle' : 'round_robin',
      wrapUpSec: 0,
      announcePosition: false,
    });
    teams.push(teamRepository.save({ name: `Team ${t}`, routing })!);
  }
  // Each agent is in two teams, so offers cross teams as in an office.
  const uriToAgent = new Map<string, string>();
  for (let a = 0; a < AGENTS; a++) {
    const row = agentRepository.save({
      name: `Agent ${String(a).padStart(2, '0')}`,
      extension: String(300 + a),
      maxCalls: 1,
      teamIds: [teams[a % TEAMS]!.id, teams[(a + 3) % TEAMS]!.id],
    })!;
    uriToAgent.set(`sip:${row.extension}@pbx`, row.id);
  }
  const teamsInMemory = new Map(teamRepository.list().map((team) => [team.id, team]));

  const roster = new AgentRoster(agentRepository, systemClock);
  const estimate = new WaitEstimate();
  let measuring = false;
  let stopping = false;
  let queueChanges = 0;
  let publishes = 0;
  const snapshotBytes: number[] = [];
  const queues = new CallQueues({
    clock: systemClock,
    roster,
    team: (id) => teamsInMemory.get(id),
    holdAudio: () => Promise.resolve(holdChime()),
    agentUri: (extension) => `sip:${extension}@pbx`,
    logger: silentLogger,
    onChange: () => {
      if (measuring) queueChanges++;
      board.changed();
    },
    onAnswered: (entry) => {
      if (!stopping) joinOne();
      const answeredAt = performance.now();
      void entry.call.ended.then(() => estimate.handled(entry.teamId, performance.now() - answeredAt));
    },
  });
  const board = new QueueBoard({
    clock: systemClock,
    queues,
    roster,
    teams: () => [...teamsInMemory.values()],
    estimate,
    publish: (snapshots) => {
      if (!measuring) return;
      publishes++;
      snapshotBytes.push(Buffer.byteLength(JSON.stringify(snapshots)));
    },
  });

  // When each agent last became free, until their phone is next asked to ring.
  const freeAt = new Map<string, number>();
  const callEnded = roster.callEnded.bind(roster);
  roster.callEnded = (id, wrapUpSec) => {
    freeAt.set(id, systemClock.now());
    callEnded(id, wrapUpSec);
  };
  const freeToRingMs: number[] = [];
  const hangUpLateMs: number[] = [];
  let offers = 0;
  let answered = 0;
  const live = new Set<FakeCall>();

  const ringing = (attempt: BridgeAttempt, call: FakeCall): void => {
    const now = systemClock.now();
    if (measuring) offers++;
    for (const target of attempt.targets) {
      const agentId = uriToAgent.get(target)!;
      const since = freeAt.get(agentId);
      freeAt.delete(agentId);
      if (measuring && since !== undefined) freeToRingMs.push(now - since);
    }
    setTimeout(
      () => {
        if (stopping) return;
        attempt.answer(attempt.targets[0]!);
        if (measuring) answered++;
        const talkMs = random(20, 80);
        const due = performance.now() + talkMs;
        setTimeout(() => {
          if (measuring) hangUpLateMs.push(performance.now() - due);
          call.hangUp();
        }, talkMs);
      },
      random(5, 30),
    );
  };
  const joinOne = (): void => {
    const call = new FakeCall({ clock: systemClock, onBridge: ringing });
    live.add(call);
    void call.ended.then(() => live.delete(call));
    queues.join(call, teams[Math.floor(Math.random() * TEAMS)]!, { ringTimeoutMs: 30_000 });
  };

  for (const agent of roster.list()) roster.setPresence(agent.id, 'available');
  for (let i = 0; i < WAITING; i++) joinOne();
  await sleep(WARM_UP_MS);
  measuring = true;
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  let waitingSum = 0;
  let waitingSamples = 0;
  const sampler = setInterval(() => {
    waitingSum += teams.reduce((sum, team) => sum + queues.waiting(team.id).length, 0);
    waitingSamples++;
  }, 100);
  await sleep(SECONDS * 1000 - WARM_UP_MS);
  measuring = false;
  clearInterval(sampler);
  const wallS = (performance.now() - wallStart) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const rssMiB = process.memoryUsage().rss / 1024 / 1024;

  // Let every call go and every change settle before the database closes under the board.
  stopping = true;
  for (const call of [...live]) call.hangUp();
  await sleep(100);
  queues.close();
  await sleep(10);
  board.close();
  roster.close();
  await sleep(300);
  database.close();
  dir.remove();

  const line = (label: string, samples: readonly number[]) =>
    `${label.padEnd(38)} n=${String(samples.length).padStart(6)}  p50 ${f(percentile(samples, 50), 2)} ms  p99 ${f(
      percentile(samples, 99),
      2,
    )} ms  max ${f(max(samples), 2)} ms`;
  console.log(`  ${f(wallS)} s measured after ${WARM_UP_MS / 1000} s warm-up`);
  console.log(line('    agent free → phone asked to ring', freeToRingMs));
  console.log(line('    hang-up heard late (event-loop lag)', hangUpLateMs));
  console.log(
    `    offers (bridgeTo) ${f(offers / wallS, 0)}/s, answered ${f(answered / wallS, 0)}/s, ` +
      `calls waiting ${f(waitingSum / Math.max(1, waitingSamples), 0)} on average`,
  );
  console.log(
    `    queue changes ${f(queueChanges / wallS, 0)}/s → board publishes to the UI ${f(publishes / wallS, 1)}/s, ` +
      `one publish ${f(percentile(snapshotBytes, 50) / 1024)} KiB (p50), ${f(max(snapshotBytes) / 1024)} KiB (max)`,
  );
  console.log(
    `    engine CPU ${f(((cpu.user + cpu.system) / 1000 / (wallS * 1000)) * 100, 0)} % (100 % = one core), ` +
      `RSS ${f(rssMiB, 0)} MiB`,
  );
}

console.log(
  `queue load: ${WAITING} calls waiting across ${TEAMS} teams, ${AGENTS} agents (2 teams each), ` +
    `answer 5–30 ms, talk 20–80 ms, no wrap-up`,
);
await run();
