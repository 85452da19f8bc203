import { randomUUID } from 'node:crypto';
import type {
  BridgeOutcome,
  Call,
  CallEnd,
  CallState,
  PlayOptions,
  PutThroughOutcome,
  TransferOutcome,
} from '../call/call.js';
import { DigitBuffer, type CollectDigitsOptions, type CollectedDigits } from '../call/digit-buffer.js';
import type { ManualClock } from '../manual-clock.js';
import type { DigitSource, RecordingResult, RecordOptions } from '../media/media-worker-protocol.js';

/** What the simulated far end does when the workflow puts the caller through. */
export type SimulatedAnswer = 'answers' | 'busy' | 'no-answer';

/**
 * A phone call with no SIP and no RTP, on virtual time: prompts take as long as their audio,
 * keys come from the test-call keypad, and nothing is dialled or recorded for real. It lets the
 * editor's test call, and the tests, run the very interpreter that real calls run.
 */
export class SimulatedCall implements Call {
  readonly id = `sim-${randomUUID()}`;
  readonly lineId = 'simulator';
  readonly ended: Promise<CallEnd>;
  private current: CallState = 'ringing';
  private readonly keypad: DigitBuffer;
  private readonly digitListeners = new Set<(digit: string, via: DigitSource) => void>();
  private finish!: (end: CallEnd) => void;
  /** Ends what is playing or recording now (a barge-in key, the finishing key, hang-up). */
  private interrupt: ((digit: string | undefined) => void) | undefined;

  constructor(
    private readonly clock: ManualClock,
    readonly caller: string,
    readonly dialled: string,
    /** How a bridge or transfer target responds. */
    private readonly farEnd: () => SimulatedAnswer,
  ) {
    this.ended = new Promise((resolve) => (this.finish = resolve));
    this.keypad = new DigitBuffer(clock);
  }

  get state(): CallState {
    return this.current;
  }

  answer(): Promise<void> {
    if (this.current === 'ringing') this.current = 'answered';
    return Promise.resolve();
  }

  /** A key on the test call's keypad. */
  press(digit: string): void {
    if (this.current !== 'answered') return;
    this.interrupt?.(digit);
    this.keypad.push(digit);
    for (const listener of this.digitListeners) listener(digit, 'rfc4733');
  }

  /** The tester hangs up. */
  callerHangsUp(): void {
    this.end({ reason: 'caller-hung-up' });
  }

  play(pcm: Int16Array, options: PlayOptions = {}): Promise<{ interrupted: boolean }> {
    if (this.current !== 'answered' || options.signal?.aborted) return Promise.resolve({ interrupted: true });
    const bargeIn = options.bargeIn === true;
    const played = this.wait(pcm.length / 8, () => bargeIn);
    const abort = () => this.interrupt?.('');
    options.signal?.addEventListener('abort', abort, { once: true });
    return played.then((by) => {
      options.signal?.removeEventListener('abort', abort);
      return { interrupted: by !== 'done' };
    });
  }

  onDigit(listener: (digit: string, via: DigitSource) => void): () => void {
    this.digitListeners.add(listener);
    return () => this.digitListeners.delete(listener);
  }

  collectDigits(options: CollectDigitsOptions): Promise<CollectedDigits> {
    return this.keypad.collect(options);
  }

  discardTypeahead(): void {
    this.keypad.clear();
  }

  /** Nothing is recorded: the caller "speaks" until the time is up, the key or hang-up. */
  async record(options: RecordOptions): Promise<RecordingResult> {
    const started = this.clock.now();
    const finishKeys = options.finishOnKey ?? '#';
    const by = await this.wait(options.maxMs, (digit) => finishKeys.includes(digit));
    this.keypad.clear();
    return {
      path: options.path,
      durationMs: Math.round(this.clock.now() - started),
      reason: by === 'done' ? 'max-length' : by === 'key' ? 'key' : 'hangup',
      bytes: 0,
      heardSound: this.clock.now() > started,
    };
  }

  bridgeTo(target: string | readonly string[]): Promise<BridgeOutcome> {
    const first = typeof target === 'string' ? target : (target[0] ?? '');
    return Promise.resolve(this.connect({ kind: 'bridged', target: first }));
  }

  transfer(): Promise<TransferOutcome> {
    const outcome = this.connect({ kind: 'transferred' });
    return Promise.resolve(
      outcome.kind === 'transferred' ? outcome : { kind: 'failed', reason: `the target was ${outcome.kind}` },
    );
  }

  putThrough(target: string): Promise<PutThroughOutcome> {
    return this.bridgeTo(target);
  }

  hangup(): Promise<void> {
    this.end({ reason: 'engine-hung-up' });
    return Promise.resolve();
  }

  private connect<T extends { kind: 'bridged' | 'transferred' }>(
    success: T,
  ): T | { kind: 'busy' } | { kind: 'no-answer' } | { kind: 'failed'; reason: string } {
    if (this.current !== 'answered') return { kind: 'failed', reason: 'the call is not answered' };
    const answer = this.farEnd();
    if (answer === 'answers') return success;
    return answer === 'busy' ? { kind: 'busy' } : { kind: 'no-answer' };
  }

  /** Resolves after `ms` of virtual time, or early on a key that `stopsOn` or hang-up. */
  private wait(ms: number, stopsOn: (digit: string) => boolean): Promise<'done' | 'key' | 'hangup'> {
    return new Promise((resolve) => {
      const timer = this.clock.setTimeout(() => done('done'), ms);
      const done = (by: 'done' | 'key' | 'hangup') => {
        this.clock.clearTimeout(timer);
        this.interrupt = undefined;
        resolve(by);
      };
      // undefined: hang-up; '': stopped by the workflow (an aborted play); else a key.
      this.interrupt = (digit) => {
        if (digit === undefined) done('hangup');
        else if (digit === '' || stopsOn(digit)) done('key');
      };
    });
  }

  private end(end: CallEnd): void {
    if (this.current === 'ended') return;
    this.current = 'ended';
    this.interrupt?.(undefined);
    this.keypad.hangup();
    this.finish(end);
  }
}
