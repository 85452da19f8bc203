import type { Clock, TimerHandle } from '../clock.js';

/** How a caller's key presses are gathered into one answer (a menu choice, a number). */
export interface CollectDigitsOptions {
  /** Fewer digits than this, ended by the terminator or a pause, is 'too-short'. Default 1. */
  min?: number;
  /** Collection ends as soon as this many digits are in. */
  max: number;
  /** A key that ends the entry early and is not part of it; '#' by default, '' for none. */
  terminator?: string;
  /** How long to wait for the first key. */
  firstDigitTimeoutMs: number;
  /** How long to wait for each further key; the first-digit timeout when not given. */
  interDigitTimeoutMs?: number;
}

export interface CollectedDigits {
  digits: string;
  /**
   * ok: `max` digits, or at least `min` ended by the terminator or a pause. timeout: no key at
   * all before the first-digit timeout. too-short: the terminator or a pause came after fewer
   * than `min` digits. hangup: the call ended first.
   */
  status: 'ok' | 'timeout' | 'too-short' | 'hangup';
}

/** Keys pressed ahead of time are kept, but not without bound (a stuck key, a fax tone). */
const TYPEAHEAD_LIMIT = 32;

/**
 * The call's keypad as an IVR reads it. Keys pressed while no one is collecting (during a
 * prompt, typically the key that barged in) wait here as type-ahead, so a caller who knows the
 * menu can press 3 before it is read out; `collect` takes them first.
 */
export class DigitBuffer {
  private readonly typeahead: string[] = [];
  private active: ((digit: string) => void) | undefined;
  private ended = false;
  private endActive: (() => void) | undefined;

  constructor(private readonly clock: Clock) {}

  push(digit: string): void {
    if (this.active) this.active(digit);
    else if (this.typeahead.length < TYPEAHEAD_LIMIT) this.typeahead.push(digit);
  }

  /** Forgets the type-ahead, e.g. the keys a caller pressed while leaving a voicemail. */
  clear(): void {
    this.typeahead.length = 0;
  }

  /** The call is over: a pending or later collection resolves as 'hangup'. */
  hangup(): void {
    this.ended = true;
    this.endActive?.();
  }

  collect(options: CollectDigitsOptions): Promise<CollectedDigits> {
    if (this.active) throw new Error('Digits are already being collected on this call');
    const min = options.min ?? 1;
    const terminator = options.terminator ?? '#';
    if (!Number.isInteger(options.max) || options.max < 1 || min < 0 || min > options.max) {
      throw new RangeError(`Invalid digit limits: min ${min}, max ${options.max}`);
    }
    if (this.ended) return Promise.resolve({ digits: '', status: 'hangup' });
    return new Promise((resolve) => {
      let digits = '';
      let timer: TimerHandle | undefined;
      const finish = (status: CollectedDigits['status']) => {
        if (timer) this.clock.clearTimeout(timer);
        this.active = undefined;
        this.endActive = undefined;
        resolve({ digits, status });
      };
      const paused = () => finish(digits === '' ? 'timeout' : digits.length < min ? 'too-short' : 'ok');
      const wait = (ms: number) => {
        if (timer) this.clock.clearTimeout(timer);
        timer = this.clock.setTimeout(paused, ms);
      };
      /** Returns true when this key completed the entry. */
      const take = (digit: string): boolean => {
        if (terminator !== '' && digit === terminator) {
          finish(digits.length < min ? 'too-short' : 'ok');
          return true;
        }
        digits += digit;
        if (digits.length >= options.max) {
          finish('ok');
          return true;
        }
        wait(options.interDigitTimeoutMs ?? options.firstDigitTimeoutMs);
        return false;
      };
      while (this.typeahead.length > 0) {
        if (take(this.typeahead.shift() as string)) return;
      }
      if (digits === '') wait(options.firstDigitTimeoutMs);
      this.active = (digit) => void take(digit);
      this.endActive = () => finish('hangup');
    });
  }
}
