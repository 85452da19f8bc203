import { randomUUID } from 'node:crypto';
import type { Prompt, PromptLanguage } from '../../../shared/workflow/prompt.js';
import { silentLogger } from '../logger.js';
import { ManualClock } from '../manual-clock.js';
import { teamRoutingSchema } from '../../../shared/domain/teams.js';
import { QueueEntry } from '../routing/call-queues.js';
import { WaitingRoom, type QueueDoor } from '../routing/waiting-room.js';
import { runWorkflow, type FlowResult, type RunnableVersion } from './flow-interpreter.js';
import type { AssignOutcome, FlowEvent, FlowServices, QueueSnapshot } from './flow-services.js';
import { phraseTexts, type Phrase } from './phrases.js';
import { SimulatedCall, type SimulatedAnswer } from './simulated-call.js';

/** How a test call is set up: who calls, when, and how busy the teams are. */
export interface SimulationSetup {
  caller: string;
  dialled: string;
  /** The wall-clock time the call starts at, e.g. a Sunday night or a holiday. */
  startAt: Date;
  /** Queue state per team id; a team not listed has no agent available and no one waiting. */
  queues: Readonly<Record<string, QueueSnapshot>>;
  /** How agents and transfer targets respond. */
  farEnd: SimulatedAnswer;
}

/** One line of the test call's transcript, for the panel to show and play. */
export type TranscriptEntry = { atMs: number } & (
  | { kind: 'say'; prompt: Prompt }
  | { kind: 'phrase'; phrase: Phrase; language: PromptLanguage; text: string }
  | { kind: 'key'; digit: string }
  | { kind: 'sms'; to: string; text: string }
  | { kind: 'tags'; tags: string[] }
  | { kind: 'callback'; number: string; teamId: string | null }
  | { kind: 'voicemail'; durationMs: number }
  | { kind: 'assign'; target: string; outcome: string }
  | { kind: 'hangup'; by: 'caller' | 'workflow' }
);

export interface SimulationState {
  id: string;
  /** Simulated wall-clock time now. */
  now: string;
  elapsedMs: number;
  /** The step the call is in; null before the first and after the end. */
  stepId: string | null;
  /** Steps entered, in order. */
  path: string[];
  transcript: TranscriptEntry[];
  events: FlowEvent[];
  result: FlowResult | null;
}

/** What a simulation needs from the engine: the same prompt audio real calls play. */
export interface SimulationDeps {
  promptAudio(prompt: Prompt): Promise<Int16Array>;
  phraseAudio(phrase: Phrase, language: PromptLanguage): Promise<Int16Array>;
  transferAllowList(): readonly string[];
  /** The live "call waiting in queue" workflows for a team, as the engine would run them. */
  waitingWorkflows(teamId: string): RunnableVersion[];
}

/**
 * One test call: the real interpreter on a {@link SimulatedCall}, on virtual time that moves
 * only when told (`advance`), so a tester can wait out a timeout in an instant and every run is
 * deterministic. Its events stay here: test calls never reach the analytics.
 */
export class Simulation {
  readonly id = randomUUID();
  private readonly clock = new ManualClock();
  private readonly call: SimulatedCall;
  private readonly transcript: TranscriptEntry[] = [];
  private readonly events: FlowEvent[] = [];
  private readonly path: string[] = [];
  /** The step each running workflow is in: a queue's workflow runs inside the caller's. */
  private readonly steps: (string | null)[] = [];
  private result: FlowResult | null = null;
  private readonly waitingRoom: WaitingRoom;
  /** Service calls still under way (audio being loaded): `settle` waits for them. */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    version: RunnableVersion,
    private readonly setup: SimulationSetup,
    private readonly deps: SimulationDeps,
  ) {
    this.call = new SimulatedCall(this.clock, setup.caller, setup.dialled, () => setup.farEnd);
    const services = this.services();
    const startAt = setup.startAt.toISOString();
    this.waitingRoom = new WaitingRoom({
      clock: this.clock,
      queues: queueWithoutAgents(this.clock),
      // The simulator's queue is plain: no announcements, no overflow, no agent ever free.
      team: (id) => ({ id, name: id, routing: SIMULATED_ROUTING, memberIds: [], createdAt: startAt }),
      holdAudio: () => Promise.resolve(HOLD_TONE),
      announcement: () => Promise.resolve(new Int16Array(0)),
      waitingWorkflows: (teamId) => deps.waitingWorkflows(teamId),
      liveWorkflow: () => undefined,
      runWorkflow: (call, waitingVersion) => runWorkflow(call, waitingVersion, services),
      conversations: { queued: () => undefined, abandoned: () => undefined, leftQueue: () => undefined },
      logger: silentLogger,
    });
    void runWorkflow(this.call, version, services).then((result) => {
      this.result = result;
    });
  }

  /** Lets the workflow run until it waits for a key or for time to pass. */
  async settle(): Promise<SimulationState> {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.inFlight.size === 0) break;
      await Promise.race(this.inFlight);
    }
    return this.state();
  }

  async press(digit: string): Promise<SimulationState> {
    await this.settle();
    this.note({ kind: 'key', digit });
    this.call.press(digit);
    return this.settle();
  }

  /** Moves virtual time on by `ms`, letting each prompt end and each timeout fire on the way. */
  async advance(ms: number): Promise<SimulationState> {
    const target = this.clock.now() + ms;
    for (;;) {
      await this.settle();
      const due = this.clock.nextDueAt();
      if (due === undefined || due > target) break;
      this.clock.advance(Math.max(0, due - this.clock.now()));
    }
    this.clock.advance(Math.max(0, target - this.clock.now()));
    return this.settle();
  }

  async hangup(): Promise<SimulationState> {
    if (this.call.state !== 'ended') this.note({ kind: 'hangup', by: 'caller' });
    this.call.callerHangsUp();
    return this.settle();
  }

  state(): SimulationState {
    return {
      id: this.id,
      now: this.wallTime().toISOString(),
      elapsedMs: this.clock.now(),
      stepId: this.steps.at(-1) ?? null,
      path: [...this.path],
      transcript: [...this.transcript],
      events: [...this.events],
      result: this.result,
    };
  }

  private wallTime(): Date {
    return new Date(this.setup.startAt.getTime() + this.clock.now());
  }

  private note(entry: DistributiveOmit<TranscriptEntry, 'atMs'>): void {
    this.transcript.push({ atMs: this.clock.now(), ...entry } as TranscriptEntry);
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    const done = () => this.inFlight.delete(promise);
    promise.then(done, done);
    return promise;
  }

  private services(): FlowServices {
    const queue = (teamId: string): QueueSnapshot =>
      this.setup.queues[teamId] ?? { agentsAvailable: 0, callsWaiting: 0, longestWaitSec: 0 };
    return {
      now: () => this.wallTime(),
      promptAudio: (prompt) => {
        this.note({ kind: 'say', prompt });
        return this.track(this.deps.promptAudio(prompt));
      },
      phraseAudio: (phrase, language) => {
        this.note({ kind: 'phrase', phrase, language, text: phraseTexts[phrase][language] });
        return this.track(this.deps.phraseAudio(phrase, language));
      },
      record: (event) => {
        this.events.push(event);
        if (event.kind === 'call_started') this.steps.push(null);
        if (event.kind === 'call_ended') this.steps.pop();
        if (event.kind === 'entered' && event.stepId) {
          this.steps[this.steps.length - 1] = event.stepId;
          this.path.push(event.stepId);
        }
      },
      queue,
      assign: (call, target, options) => this.assign(target, queue, options.ringTimeoutMs),
      voicemailPath: () => `simulated-voicemail-${this.id}.wav`,
      saveVoicemail: (_call, recording) => this.note({ kind: 'voicemail', durationMs: recording.durationMs }),
      sendSms: (_call, to, text) => this.note({ kind: 'sms', to, text }),
      addTags: (_call, tags) => this.note({ kind: 'tags', tags: [...tags] }),
      requestCallback: (_call, request) =>
        this.note({ kind: 'callback', number: request.number, teamId: request.teamId }),
      transferAllowList: () => this.deps.transferAllowList(),
      numberUri: (_call, number) => `sip:${number}@simulator`,
    };
  }

  /**
   * A team with an agent available, or an agent who answers, takes the call; a team with none
   * keeps the caller waiting as a real queue would, with its "waiting in queue" workflows.
   */
  private async assign(
    target: { kind: 'team'; teamId: string } | { kind: 'agent'; agentId: string },
    queue: (teamId: string) => QueueSnapshot,
    ringTimeoutMs: number,
  ): Promise<AssignOutcome> {
    const name = target.kind === 'team' ? `team ${target.teamId}` : `agent ${target.agentId}`;
    if (target.kind === 'team' && queue(target.teamId).agentsAvailable === 0) {
      this.note({ kind: 'assign', target: name, outcome: 'waiting' });
      return this.waitingRoom.wait(this.call, target.teamId, { ringTimeoutMs, language: 'en' });
    }
    if (this.setup.farEnd === 'answers') {
      this.note({ kind: 'assign', target: name, outcome: 'connected' });
      return { kind: 'connected' };
    }
    await new Promise((resolve) => this.clock.setTimeout(() => resolve(undefined), ringTimeoutMs));
    this.note({ kind: 'assign', target: name, outcome: this.setup.farEnd });
    return { kind: 'no_answer', why: this.setup.farEnd };
  }
}

const SIMULATED_ROUTING = teamRoutingSchema.parse({
  announcePosition: false,
  overflowWhenNobodyLoggedIn: false,
});

/** A queue no agent ever takes a call from: the caller waits until they hang up. */
function queueWithoutAgents(clock: ManualClock): QueueDoor {
  return {
    join: (call, team, options) => {
      const entry = new QueueEntry(
        call,
        team.id,
        clock.now(),
        new Date().toISOString(),
        options.ringTimeoutMs,
      );
      void call.ended.then(() => entry.leave({ kind: 'hung_up' }));
      return entry;
    },
    pause: () => undefined,
    resume: () => undefined,
    position: () => 1,
  };
}

/** A test call's hold audio: 10 s of silence, so that virtual time moves in sensible steps. */
const HOLD_TONE = new Int16Array(8000 * 10);

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
