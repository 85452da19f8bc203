import { onTestFinished } from 'vitest';
import { teamRoutingSchema, type Team, type TeamRouting } from '../../shared/domain/teams.js';
import { silentLogger } from '../../electron/engine/logger.js';
import { ManualClock } from '../../electron/engine/manual-clock.js';
import { AgentRoster } from '../../electron/engine/routing/agent-roster.js';
import { CallQueues, type CallQueuesDeps } from '../../electron/engine/routing/call-queues.js';
import { AgentRepository } from '../../electron/engine/store/agent-repository.js';
import type { AppDatabase } from '../../electron/engine/store/database.js';
import { TeamRepository } from '../../electron/engine/store/team-repository.js';
import { testDatabase } from './test-database.js';

export interface RoutingFixtureOptions {
  /** Where the manual clock starts, in ms; 0 unless given. */
  clockAt?: number;
  /** Told of every change in the queues; nothing listens unless given. */
  onChange?: CallQueuesDeps['onChange'];
  /** Told when an agent takes a call; nothing listens unless given. */
  onAnswered?: CallQueuesDeps['onAnswered'];
  /** Told when an agent's transfer is taken; nothing listens unless given. */
  onTransferred?: CallQueuesDeps['onTransferred'];
}

export interface RoutingFixture {
  readonly db: AppDatabase;
  readonly teams: TeamRepository;
  readonly agents: AgentRepository;
  readonly clock: ManualClock;
  readonly roster: AgentRoster;
  readonly queues: CallQueues;
  /** A team with no wrap-up and no position announcements unless `routing` says otherwise. */
  team(name: string, routing?: Partial<TeamRouting>): Team;
}

/**
 * The real routing core for unit tests: team and agent repositories on a fresh SQLite file, a
 * manual clock, the agent roster and the call queues, which ring `sip:<extension>@pbx` and log
 * nothing. No teams or agents yet: after saving agents, `roster.reload()`. The queues let their
 * calls go and the roster stops its timers once the test has finished, before the file closes.
 */
export function routingFixture(options: RoutingFixtureOptions = {}): RoutingFixture {
  const { db } = testDatabase();
  const teams = new TeamRepository(db);
  const agents = new AgentRepository(db);
  const clock = new ManualClock();
  clock.advance(options.clockAt ?? 0);
  const roster = new AgentRoster(agents, clock);
  const queues = new CallQueues({
    clock,
    roster,
    team: (id) => teams.get(id),
    // A fake call plays nothing: each team's "audio" is its name's character codes, to tell whose.
    holdAudio: (team) => Promise.resolve(Int16Array.from(team.name, (c) => c.charCodeAt(0))),
    agentUri: (extension) => `sip:${extension}@pbx`,
    logger: silentLogger,
    onChange: options.onChange ?? (() => undefined),
    onAnswered: options.onAnswered ?? (() => undefined),
    ...(options.onTransferred ? { onTransferred: options.onTransferred } : {}),
  });
  onTestFinished(() => {
    queues.close();
    roster.close();
  });
  return {
    db,
    teams,
    agents,
    clock,
    roster,
    queues,
    team: (name, routing = {}) =>
      teams.save({
        name,
        routing: teamRoutingSchema.parse({ wrapUpSec: 0, announcePosition: false, ...routing }),
      })!,
  };
}
