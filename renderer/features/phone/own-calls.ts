import { OWN_CALLS_LAPSE_MS } from '../../../shared/domain/agents.js';
import type { CallPhase } from './call-session.js';

/** The phone's calls as far as counting goes (ActiveCall has more). */
interface PhoneCalls {
  phase: CallPhase;
  session: { readonly conversationId: string | undefined };
  consult?: { phase: CallPhase };
}

const occupies = (phase: CallPhase): boolean => phase !== 'ringing' && phase !== 'ended';

/**
 * Calls on this phone that the engine did not place, which it cannot see: one the agent dialled
 * (from the first INVITE on), a direct call taken (a colleague consulting them), the consultation
 * of an attended transfer. The engine's own calls carry its call id and are counted there.
 */
export function ownCallCount(call: PhoneCalls | undefined): number {
  if (!call) return 0;
  const main = occupies(call.phase) && call.session.conversationId === undefined ? 1 : 0;
  return main + (call.consult && occupies(call.consult.phase) ? 1 : 0);
}

/**
 * Tells the engine (presence.ownCalls) how many such calls the phone is on: at every change, and
 * again every third of the lapse while there are any, so the agent stays busy for the queues
 * through a long call and is freed soon after the app goes away mid-call.
 */
export class OwnCallsReport {
  private reported: number | undefined;
  private count = 0;
  private repeat: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly send: (calls: number) => Promise<unknown>) {}

  update(count: number): void {
    this.count = count;
    if (count === this.reported) return;
    this.flush();
    if (count > 0) this.repeat ??= setInterval(() => this.flush(), OWN_CALLS_LAPSE_MS / 3);
    else this.stopRepeating();
  }

  /** After the API reconnects: the engine may have restarted and forgotten. */
  resend(): void {
    this.reported = undefined;
    this.update(this.count);
  }

  stop(): void {
    this.stopRepeating();
  }

  private flush(): void {
    const count = this.count;
    this.reported = count;
    this.send(count).catch(() => {
      // Lost (the API is reconnecting): the next change, repeat or resend() says it again.
      if (this.reported === count) this.reported = undefined;
    });
  }

  private stopRepeating(): void {
    if (this.repeat !== undefined) clearInterval(this.repeat);
    this.repeat = undefined;
  }
}
