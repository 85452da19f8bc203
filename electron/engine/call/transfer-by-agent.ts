import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { OutgoingOutcome } from './outgoing-call.js';
import { failureStatus } from './refer-notify.js';
import type { ReferTarget } from './refer-to.js';

/** The agent's leg that sent the REFER: the transferor (RFC 5589 §2). */
export interface Transferor {
  /** Reports progress in a NOTIFY with a sipfrag status line (RFC 3515 §2.4.5). */
  notify(status: number, reason?: string): Promise<void>;
  /** Still up: the agent has not hung up. */
  readonly isUp: boolean;
  hangup(): Promise<void>;
}

/** The new leg to the transfer target, as the line dials it. */
export interface TransferLeg {
  start(): Promise<OutgoingOutcome>;
  hangup(): Promise<void>;
}

/** The caller's side of the transfer: what it hears and whom it talks to. */
export interface TransferCaller {
  readonly isUp: boolean;
  /** Caller taken off the agent's audio, hearing ringback while the target rings. */
  waitForTarget(): void;
  /** Bridges the caller to the answered leg; false if that could not be done. */
  connect(leg: TransferLeg): boolean;
  /** Transfer recall: the caller goes back to the agent who transferred. */
  backToTransferor(): void;
}

export interface AgentTransferDeps {
  clock: Clock;
  logger: Logger;
  transferor: Transferor;
  caller: TransferCaller;
  dial(target: ReferTarget): TransferLeg;
  ringTimeoutMs: number;
}

/**
 * How an agent's transfer ended:
 * - transferred: the caller talks to the target; the agent's leg is over (or ending);
 * - recalled: the target did not take it, the caller is back with the agent;
 * - failed: the target did not take it and the agent had hung up already (the line then rings
 *   the agent's phone again, and ends the call if nobody takes it);
 * - abandoned: the caller hung up meanwhile.
 */
export type AgentTransferResult =
  | { kind: 'transferred'; leg: TransferLeg }
  | { kind: 'recalled'; status: number }
  | { kind: 'failed'; status: number }
  | { kind: 'abandoned' };

/**
 * One transfer an agent asked for with REFER (RFC 3515; attended with Replaces, RFC 3891),
 * after we answered the REFER 202:
 *
 * ```
 *   NOTIFY 100 ──> ringing (caller hears ringback) ──answered──> bridged to target
 *                     │                                          NOTIFY 200, BYE agent leg
 *                     ├─ busy / no answer / refused ──>
 *                     │      agent still up ──> recalled (caller bridged back to the agent)
 *                     │      agent gone     ──> failed (the agent's phone rings again)
 *                     │    then NOTIFY 4xx-6xx
 *                     └─ caller hangs up ──> target leg cancelled, NOTIFY 487, abandoned
 * ```
 *
 * The agent hanging up while the target rings does not stop the transfer (a blind transfer
 * is often "REFER, then BYE"); a failure then comes out 'failed', and the caller's side rings
 * the agent's phone again instead of bridging back to the leg that is gone.
 */
export class AgentTransfer {
  private leg: TransferLeg | undefined;
  private cancelled = false;
  private decided = false;

  /**
   * The caller's fate is known (bridged to the target, back with the agent, or ending): what is
   * left is reporting it, which never keeps the caller waiting.
   */
  get settled(): boolean {
    return this.decided;
  }

  constructor(private readonly deps: AgentTransferDeps) {}

  /** The caller hung up: stop ringing the target. */
  cancel(): void {
    this.cancelled = true;
    void this.leg?.hangup();
  }

  async run(target: ReferTarget): Promise<AgentTransferResult> {
    const { transferor, caller, clock, logger } = this.deps;
    // RFC 3515 §2.4.5: an immediate NOTIFY, so the transferor knows the subscription exists.
    void transferor.notify(100, 'Trying');
    caller.waitForTarget();
    const leg = (this.leg = this.deps.dial(target));
    const timer = clock.setTimeout(() => void leg.hangup(), this.deps.ringTimeoutMs);
    let outcome: OutgoingOutcome;
    try {
      outcome = await leg.start();
    } finally {
      clock.clearTimeout(timer);
    }
    this.decided = true;
    if (this.cancelled || !caller.isUp) {
      if (outcome.kind === 'answered') void leg.hangup();
      void transferor.notify(487, 'Request Terminated');
      return { kind: 'abandoned' };
    }
    if (outcome.kind === 'answered') {
      if (!caller.connect(leg)) {
        void leg.hangup();
        void transferor.notify(500, 'Server Internal Error');
        return { kind: 'abandoned' };
      }
      // §2.4.7 and RFC 5589 §6.1: the final NOTIFY, then the transferor's leg is done; a phone
      // that did not hang up itself gets our BYE (after the NOTIFY, which it must see first).
      await transferor.notify(200, 'OK');
      if (transferor.isUp) void transferor.hangup();
      return { kind: 'transferred', leg };
    }
    const failure = failureStatus(outcome);
    logger.info('an agent’s transfer was not taken', { target: target.uri, status: failure.status });
    // The caller goes back at once; the report to the agent's phone follows.
    const recall = transferor.isUp;
    if (recall) caller.backToTransferor();
    void transferor.notify(failure.status, failure.reason);
    return recall ? { kind: 'recalled', status: failure.status } : { kind: 'failed', status: failure.status };
  }
}
