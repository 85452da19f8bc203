import type {
  BridgeOptions,
  BridgeOutcome,
  Call,
  CallEnd,
  CallState,
  LegResult,
  PlayOptions,
  PutThroughOutcome,
  TransferOutcome,
} from '../../electron/engine/call/call.js';
import type { CollectedDigits } from '../../electron/engine/call/digit-buffer.js';
import type { Clock } from '../../electron/engine/clock.js';
import type { ManualClock } from '../../electron/engine/manual-clock.js';
import type { RecordingResult } from '../../electron/engine/media/media-worker-protocol.js';

/**
 * What a phone rung by `bridgeTo` does: answer at once, refuse at once (busy, failed), ring out
 * at once (no-answer), or ring until the test answers it or the ring timeout is over.
 */
export type PhoneBehaviour = 'answers' | 'busy' | 'no-answer' | 'fails' | 'rings';

/** One `bridgeTo` on a fake call: whom it rang, when, and how it ended (or the test ends it). */
export class BridgeAttempt {
  outcome: BridgeOutcome | undefined;
  readonly settled: Promise<BridgeOutcome>;
  /** How each phone responded so far, as the real call reports it in `legs`. */
  private readonly legs: Record<string, LegResult> = {};
  private resolve!: (outcome: BridgeOutcome) => void;

  constructor(
    readonly targets: readonly string[],
    readonly headers: readonly [string, string][],
    readonly ringTimeoutMs: number | undefined,
    /** Clock ms when the phones were asked to ring. */
    readonly at: number,
    /** What the caller would hear if the one who answers held the call. */
    readonly holdAudio?: () => Promise<Int16Array>,
  ) {
    this.settled = new Promise((resolve) => (this.resolve = resolve));
  }

  /** One of the ringing phones picks up: it wins, the others stop ringing. */
  answer(target: string): void {
    if (!this.targets.includes(target)) throw new Error(`${target} was not rung`);
    const legs = Object.fromEntries(
      this.targets.map((uri): [string, LegResult] => [uri, uri === target ? 'answered' : 'cancelled']),
    );
    this.end({ kind: 'bridged', target, legs });
  }

  /** A phone responded without answering (busy, declined, rang out on its own). */
  refuse(target: string, result: 'busy' | 'no-answer' | 'failed'): void {
    this.legs[target] ??= result;
    if (this.targets.every((uri) => this.legs[uri] !== undefined)) this.end(summary(this.legs));
  }

  /** The ring timeout is over: the phones still ringing rang out. */
  ringOut(): void {
    for (const uri of this.targets) this.legs[uri] ??= 'no-answer';
    this.end(summary(this.legs));
  }

  /** The caller hung up: the phones still ringing are cancelled. */
  cancel(): void {
    for (const uri of this.targets) this.legs[uri] ??= 'cancelled';
    this.end(summary(this.legs));
  }

  end(outcome: BridgeOutcome): void {
    if (this.outcome) return;
    this.outcome = outcome;
    this.resolve(outcome);
  }
}

export interface FakeCallOptions {
  /** Times the ring timeout and played audio; without one, only the test ends them. */
  clock?: Clock;
  id?: string;
  caller?: string;
  dialled?: string;
  lineId?: string;
  /** What each target does when rung; every phone rings until told otherwise by default. */
  phones?: (target: string) => PhoneBehaviour;
  /** Told of every bridgeTo as it starts (a benchmark answering after a delay). */
  onBridge?: (attempt: BridgeAttempt, call: FakeCall) => void;
}

let counter = 0;

/**
 * An answered inbound call with no SIP and no media, for the queues and waiting room: what it
 * plays and whom it rings are recorded, and each agent's phone does what the test says. Once
 * bridged it stays up until `hangUp` (either side putting the phone down).
 */
export class FakeCall implements Call {
  readonly id: string;
  readonly lineId: string;
  readonly caller: string;
  readonly dialled: string;
  readonly ended: Promise<CallEnd>;
  readonly bridges: BridgeAttempt[] = [];
  readonly played: { pcm: Int16Array; at: number }[] = [];
  phones: (target: string) => PhoneBehaviour;
  private current: CallState = 'answered';
  private finish!: (end: CallEnd) => void;

  constructor(private readonly options: FakeCallOptions = {}) {
    this.id = options.id ?? `call-${++counter}`;
    this.lineId = options.lineId ?? 'line-1';
    this.caller = options.caller ?? '01012345678';
    this.dialled = options.dialled ?? '0212345678';
    this.phones = options.phones ?? (() => 'rings');
    this.ended = new Promise((resolve) => (this.finish = resolve));
  }

  get state(): CallState {
    return this.current;
  }

  /** The last bridgeTo, which a test usually answers or refuses. */
  get ringing(): BridgeAttempt | undefined {
    return this.bridges.at(-1);
  }

  /** The caller (or, once bridged, the agent) hangs up. */
  hangUp(end: CallEnd = { reason: 'caller-hung-up' }): void {
    if (this.current === 'ended') return;
    this.current = 'ended';
    // The legs still ringing are cancelled, which the real call reports as no-answer.
    for (const attempt of this.bridges) attempt.cancel();
    this.finish(end);
  }

  answer(): Promise<void> {
    return Promise.resolve();
  }

  /** Lasts as long as its audio on the clock (forever without one), unless aborted or hung up. */
  play(pcm: Int16Array, options: PlayOptions = {}): Promise<{ interrupted: boolean }> {
    if (this.current === 'ended' || options.signal?.aborted) return Promise.resolve({ interrupted: true });
    const { clock } = this.options;
    this.played.push({ pcm, at: clock?.now() ?? 0 });
    return new Promise((resolve) => {
      const timer = clock?.setTimeout(() => done(false), pcm.length / 8);
      const done = (interrupted: boolean) => {
        if (timer) clock?.clearTimeout(timer);
        options.signal?.removeEventListener('abort', abort);
        resolve({ interrupted });
      };
      const abort = () => done(true);
      options.signal?.addEventListener('abort', abort, { once: true });
      void this.ended.then(() => done(true));
    });
  }

  onDigit(): () => void {
    return () => undefined;
  }

  collectDigits(): Promise<CollectedDigits> {
    return Promise.resolve({ digits: '', status: 'timeout' });
  }

  discardTypeahead(): void {}

  record(): Promise<RecordingResult> {
    return Promise.reject(new Error('a fake call records nothing'));
  }

  bridgeTo(target: string | readonly string[], options: BridgeOptions = {}): Promise<BridgeOutcome> {
    const targets = typeof target === 'string' ? [target] : [...target];
    const { clock } = this.options;
    const attempt = new BridgeAttempt(
      targets,
      options.headers ?? [],
      options.ringTimeoutMs,
      clock?.now() ?? 0,
      options.holdAudio,
    );
    this.bridges.push(attempt);
    if (this.current !== 'answered') attempt.end({ kind: 'failed', reason: 'the call is not answered' });
    targets.forEach((uri) => {
      const behaviour = this.phones(uri);
      if (behaviour === 'answers') attempt.answer(uri);
      else if (behaviour !== 'rings') attempt.refuse(uri, behaviour === 'fails' ? 'failed' : behaviour);
    });
    if (clock && options.ringTimeoutMs !== undefined && !attempt.outcome) {
      const timer = clock.setTimeout(() => attempt.ringOut(), options.ringTimeoutMs);
      void attempt.settled.then(() => clock.clearTimeout(timer));
    }
    this.options.onBridge?.(attempt, this);
    return attempt.settled;
  }

  transfer(): Promise<TransferOutcome> {
    return Promise.resolve({ kind: 'failed', reason: 'a fake call transfers nowhere' });
  }

  putThrough(target: string, options?: { ringTimeoutMs?: number }): Promise<PutThroughOutcome> {
    return this.bridgeTo(target, options);
  }

  hangup(): Promise<void> {
    this.hangUp({ reason: 'engine-hung-up' });
    return Promise.resolve();
  }
}

/** As the real call sums up its legs: all busy is busy, any rung out or cancelled is no-answer. */
function summary(legs: Readonly<Record<string, LegResult>>): BridgeOutcome {
  const results = Object.values(legs);
  if (results.every((r) => r === 'busy')) return { kind: 'busy', legs };
  if (results.some((r) => r === 'no-answer' || r === 'cancelled')) return { kind: 'no-answer', legs };
  return { kind: 'failed', reason: '503 Service Unavailable', legs };
}

/** Lets every pending promise callback run (one macrotask turn drains the microtask queue). */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Moves a manual clock on by `ms`, one due timer at a time, letting the promise callbacks each
 * timer starts run before the next: what follows a timer may set timers inside the same span.
 * `moved` hears the time after each step (to move a faked wall clock along).
 */
export async function elapse(clock: ManualClock, ms: number, moved?: (now: number) => void): Promise<void> {
  const end = clock.now() + ms;
  await flush();
  for (;;) {
    const due = clock.nextDueAt();
    if (due === undefined || due > end) break;
    clock.advance(Math.max(0, due - clock.now()));
    moved?.(clock.now());
    await flush();
  }
  clock.advance(end - clock.now());
  moved?.(clock.now());
  await flush();
}
