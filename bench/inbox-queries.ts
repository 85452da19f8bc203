/**
 * The inbox at size: 1 M conversations over a year (10 teams, 50 agents, a mix of outcomes,
 * tags on ~20 %, notes on ~10 %) in a real SQLite file built by the migrations, then the list
 * query under each kind of filter, and a month of daily queue statistics.
 * Prints figures; asserts nothing. Run: npx tsx bench/inbox-queries.ts
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ConversationListParams } from '../shared/domain/conversations.js';
import { CallEventLog } from '../electron/engine/store/call-event-log.js';
import { CallRecords } from '../electron/engine/store/call-records.js';
import { ConversationInbox } from '../electron/engine/store/conversation-inbox.js';
import { openDatabase } from '../electron/engine/store/database.js';
import { InboxStats } from '../electron/engine/store/inbox-stats.js';
import { tempDir } from '../test/fakes/temp-dir.js';
import { summary } from './stats.js';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const DAYS = 365;
const DAY_MS = 86_400_000;

const dir = tempDir('switchboard-bench-');
const database = openDatabase(
  join(dir.path, 'db.sqlite'),
  join(import.meta.dirname, '../resources/migrations'),
);
const sqlite = database.db.$client;
const records = new CallRecords(database.db, dir.path);
const inbox = new ConversationInbox({
  db: database.db,
  tags: records.tags,
  voicemail: records.voicemail,
  events: new CallEventLog(database.db),
});
const stats = new InboxStats(database.db);

/** Deterministic, so runs compare. */
let seed = 7;
const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const created = new Date().toISOString();
const teamIds = Array.from({ length: 10 }, () => randomUUID());
const agentIds = Array.from({ length: 50 }, () => randomUUID());
teamIds.forEach((id, i) =>
  sqlite.prepare('insert into teams (id, name, created_at) values (?, ?, ?)').run(id, `Team ${i}`, created),
);
agentIds.forEach((id, i) =>
  sqlite
    .prepare(
      'insert into agents (id, name, extension, presence_changed_at, created_at) values (?, ?, ?, ?, ?)',
    )
    .run(id, `Agent ${i}`, String(200 + i), created, created),
);
/** A few frequent tags and a long tail; ~20 % of calls carry one or two; 'rare' is on 1 in 5000. */
const tags = [
  'vip',
  'complaint',
  'billing',
  'new-customer',
  'refund',
  '예약',
  'urgent',
  'spam',
  'follow-up',
  'rare',
];
const tagWeights = [30, 20, 15, 10, 8, 7, 5, 3, 2];
const pickTag = (): string => {
  let r = random() * 100;
  for (let i = 0; i < tags.length; i++) if ((r -= tagWeights[i]!) < 0) return tags[i]!;
  return tags[0]!;
};
/** 200 000 callers, some calling often. */
const callers = Array.from(
  { length: 200_000 },
  (_, i) => `010${String((i * 7_919_993) % 100_000_000).padStart(8, '0')}`,
);
const callerOf = (): string => callers[Math.floor(random() ** 2 * callers.length)]!;

const insertConversation = sqlite.prepare(`insert into conversations
  (id, direction, line_id, caller, dialled, team_id, agent_id, outcome, started_at, queued_at,
   answered_at, ended_at, wait_ms, talk_ms, notes)
  values (@id, @direction, null, @caller, '0215880000', @teamId, @agentId, @outcome, @startedAt, @queuedAt,
   @answeredAt, @endedAt, @waitMs, @talkMs, @notes)`);
const insertTag = sqlite.prepare(
  'insert or ignore into call_tags (call_id, tag, added_at, added_by) values (?, ?, ?, null)',
);

// The search index is built in one pass after seeding, not row by row by its trigger.
const searchTrigger = sqlite
  .prepare<[], { sql: string }>("select sql from sqlite_master where name = 'conversations_search_insert'")
  .get()!.sql;
sqlite.exec('drop trigger conversations_search_insert');
const now = Date.now();
const seedStarted = performance.now();
const seedBatch = sqlite.transaction((from: number, to: number) => {
  for (let n = from; n < to; n++) {
    // Calls arrive in time order, as they do in use.
    const started = now - DAYS * DAY_MS + (n * DAYS * DAY_MS) / CONVERSATIONS;
    const r = random();
    const outcome =
      r < 0.55
        ? 'answered'
        : r < 0.65
          ? 'abandoned'
          : r < 0.72
            ? 'voicemail'
            : r < 0.75
              ? 'callback_requested'
              : r < 0.93
                ? 'ended_by_ivr'
                : r < 0.97
                  ? 'unanswered'
                  : r < 0.99
                    ? 'transferred'
                    : 'interrupted';
    const queued = outcome !== 'ended_by_ivr' && outcome !== 'transferred';
    const waitMs = queued ? Math.floor(random() * 120_000) : null;
    const answered = outcome === 'answered';
    const talkMs = answered ? Math.floor(30_000 + random() * 600_000) : null;
    const id = randomUUID();
    insertConversation.run({
      id,
      direction: random() < 0.05 ? 'outbound' : 'inbound',
      caller: callerOf(),
      teamId: queued ? pick(teamIds) : null,
      agentId: answered ? pick(agentIds) : null,
      outcome,
      startedAt: new Date(started).toISOString(),
      queuedAt: queued ? new Date(started + 20_000).toISOString() : null,
      answeredAt: answered ? new Date(started + 20_000 + waitMs!).toISOString() : null,
      endedAt: new Date(started + 20_000 + (waitMs ?? 0) + (talkMs ?? 0)).toISOString(),
      waitMs,
      talkMs,
      notes: random() < 0.1 ? `Asked about invoice ${Math.floor(random() * 1e6)}; call back after 3pm` : '',
    });
    if (n % 5000 === 2500) insertTag.run(id, 'rare', created);
    if (random() < 0.2) {
      insertTag.run(id, pickTag(), created);
      if (random() < 0.3) insertTag.run(id, pickTag(), created);
    }
  }
});
for (let n = 0; n < CONVERSATIONS; n += 10_000) seedBatch(n, Math.min(CONVERSATIONS, n + 10_000));
sqlite.exec("insert into conversations_search (conversations_search) values ('rebuild')");
sqlite.exec(searchTrigger);
records.catalogue.ensure(tags);
sqlite.pragma('wal_checkpoint(TRUNCATE)');
console.log(
  `inbox: ${CONVERSATIONS} conversations over ${DAYS} days, seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
);

const iso = (ms: number): string => new Date(ms).toISOString();
const month = (): { from: string; to: string } => {
  const end = now - Math.floor(random() * 300) * DAY_MS;
  return { from: iso(end - 30 * DAY_MS), to: iso(end) };
};
/** A fragment of a caller's number as people type it: the last four digits, or a middle run. */
const fragment = (): string => {
  const caller = callerOf();
  return random() < 0.5 ? caller.slice(-4) : caller.slice(4, 9);
};
const cases: [string, () => Partial<ConversationListParams>][] = [
  ['first page, no filter', () => ({})],
  [
    'next page (cursor), no filter',
    () => ({ after: inbox.list({ limit: 50 + Math.floor(random() * 500) }).next! }),
  ],
  ['team + 30 days', () => ({ teamId: pick(teamIds), ...month() })],
  ['agent', () => ({ agentId: pick(agentIds) })],
  ['frequent tag (vip)', () => ({ tag: 'vip' })],
  ['tag + 30 days', () => ({ tag: pickTag(), ...month() })],
  ['rare tag (0.02 %)', () => ({ tag: 'rare' })],
  ['one outcome (voicemail)', () => ({ outcomes: ['voicemail'] })],
  ['two outcomes', () => ({ outcomes: ['abandoned', 'callback_requested'] })],
  ['rare outcome + team', () => ({ outcomes: ['interrupted'], teamId: pick(teamIds) })],
  ['text: caller fragment', () => ({ text: fragment() })],
  ['text: fragment + 30 days', () => ({ text: fragment(), ...month() })],
  ['text: notes word', () => ({ text: 'invoice 12' })],
];
for (const [label, params] of cases) {
  const times: number[] = [];
  let found = 0;
  for (let run = 0; run < RUNS; run++) {
    const p = { limit: 50, ...params() };
    const started = performance.now();
    const page = inbox.list(p);
    times.push(performance.now() - started);
    found += page.items.length;
  }
  console.log(summary(`  ${label}`, times) + `  ${(found / RUNS).toFixed(0)} rows`);
}

const statsMs: number[] = [];
for (let run = 0; run < Math.min(RUNS, 30); run++) {
  const end = new Date(now - Math.floor(random() * 300) * DAY_MS);
  const from = new Date(end.getTime() - 30 * DAY_MS).toISOString().slice(0, 10);
  const started = performance.now();
  stats.daily({ from, to: end.toISOString().slice(0, 10), serviceLevelSec: 20 }, 'Asia/Seoul');
  statsMs.push(performance.now() - started);
}
console.log(summary('  stats.daily, 31 days, all teams', statsMs));

database.close();
dir.remove();
