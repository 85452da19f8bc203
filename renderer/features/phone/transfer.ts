import type { SipfragStatus } from './sipfrag.js';

/** How a REFER (RFC 3515) is going, as the transferor hears of it. */
export interface ReferProgress {
  /** The REFER itself was refused: its final non-2xx response (RFC 3515 §2.4.2). */
  onRejected(status: SipfragStatus): void;
  /** A NOTIFY's sipfrag status line about the referred call (RFC 3515 §2.4.5). */
  onNotify(status: SipfragStatus): void;
}

/** What a transfer needs of a call: CallSession, or a fake in tests. */
export interface TransferLeg<Leg> {
  /**
   * REFER this call's other party to `target`: a number (blind transfer) or another call of
   * ours, whose dialog goes in Refer-To with Replaces (attended transfer, RFC 3891 / RFC 5589 §7).
   */
  refer(target: string | Leg, progress: ReferProgress): Promise<void>;
  setHeld(held: boolean): Promise<void>;
  hangUp(): Promise<void>;
}

export interface ConsultEvents {
  onAnswered(): void;
  /** The consultation call ended or failed; `failure` is its final response if never answered. */
  onEnded(failure: SipfragStatus | undefined): void;
}

export interface TransferDeps<Leg extends TransferLeg<Leg>> {
  /** The call with the caller, the transferee. */
  caller: Leg;
  /** Places the consultation call to a colleague. */
  consult(target: string, events: ConsultEvents): Leg;
  onChange(state: TransferState): void;
}

/**
 * A transfer of the agent's call, blind or attended (RFC 5589):
 *
 * ```
 *  idle ──blind──────────────────────────────▶ referring ──NOTIFY 2xx──▶ transferred
 *   │                                            ▲   │
 *   └─consult──▶ consulting ──complete (answered)┘   └─REFER refused / NOTIFY ≥ 300──▶ failed
 *                 │   ▲                                                  (the caller stays)
 *                 │   └──────────── attended REFER failed: consult still up
 *                 └─back / consult ended──▶ idle (caller off hold)
 * ```
 *
 * While consulting the caller is on hold. After success the agent's legs are hung up, as the
 * transferor does once the transfer is reported done (RFC 5589 §6.1).
 */
export type TransferState =
  | { phase: 'idle' }
  | { phase: 'consulting'; target: string; answered: boolean; failure?: SipfragStatus }
  | { phase: 'referring'; mode: TransferMode; target: string; progress?: SipfragStatus }
  | { phase: 'transferred'; mode: TransferMode; target: string }
  | { phase: 'failed'; mode: TransferMode; target: string; failure: SipfragStatus };

export type TransferMode = 'blind' | 'attended';

export class Transfer<Leg extends TransferLeg<Leg>> {
  private current: TransferState = { phase: 'idle' };
  private consultLeg: Leg | undefined;

  constructor(private readonly deps: TransferDeps<Leg>) {}

  get state(): TransferState {
    return this.current;
  }

  /** Blind transfer: REFER the caller to `target` at once. */
  async blind(target: string): Promise<void> {
    if (this.current.phase !== 'idle' && this.current.phase !== 'failed') return;
    await this.refer('blind', target, target);
  }

  /** Attended transfer, first half: the caller waits on hold while the agent calls `target`. */
  async consult(target: string): Promise<void> {
    if (this.current.phase !== 'idle' && this.current.phase !== 'failed') return;
    await this.deps.caller.setHeld(true);
    this.set({ phase: 'consulting', target, answered: false });
    try {
      this.consultLeg = this.placeConsult(target);
    } catch (error) {
      await this.resumeCaller(target, {
        status: 0,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private placeConsult(target: string): Leg {
    const leg: Leg = this.deps.consult(target, {
      onAnswered: () => {
        if (this.consultLeg === leg && this.current.phase === 'consulting')
          this.set({ phase: 'consulting', target, answered: true });
      },
      onEnded: (failure) => {
        if (this.consultLeg !== leg) return;
        this.consultLeg = undefined;
        // The colleague did not take it or hung up: the caller comes back to the agent.
        if (this.current.phase === 'consulting') void this.resumeCaller(target, failure);
      },
    });
    return leg;
  }

  /** Attended transfer, second half: the caller is put through to the colleague (REFER with Replaces). */
  async complete(): Promise<void> {
    const leg = this.consultLeg;
    if (this.current.phase !== 'consulting' || !this.current.answered || !leg) return;
    await this.refer('attended', this.current.target, leg);
  }

  /** Ends the consultation and takes the caller off hold. */
  async back(): Promise<void> {
    if (this.current.phase !== 'consulting') return;
    const leg = this.consultLeg;
    this.consultLeg = undefined;
    await leg?.hangUp();
    await this.resumeCaller(this.current.target, undefined);
  }

  private async refer(mode: TransferMode, target: string, to: string | Leg): Promise<void> {
    this.set({ phase: 'referring', mode, target });
    let settled = false;
    const fail = (failure: SipfragStatus): void => {
      if (settled) return;
      settled = true;
      const leg = this.consultLeg;
      if (mode === 'attended' && leg) this.set({ phase: 'consulting', target, answered: true, failure });
      else this.set({ phase: 'failed', mode, target, failure });
    };
    try {
      await this.deps.caller.refer(to, {
        onRejected: fail,
        onNotify: (status) => {
          if (settled) return;
          if (status.status < 200) {
            this.set({ phase: 'referring', mode, target, progress: status });
          } else if (status.status < 300) {
            settled = true;
            this.set({ phase: 'transferred', mode, target });
            void this.finish();
          } else {
            fail(status);
          }
        },
      });
    } catch (error) {
      fail({ status: 0, reason: error instanceof Error ? error.message : String(error) });
    }
  }

  private async finish(): Promise<void> {
    const leg = this.consultLeg;
    this.consultLeg = undefined;
    await Promise.allSettled([this.deps.caller.hangUp(), leg?.hangUp()]);
  }

  private async resumeCaller(target: string, failure: SipfragStatus | undefined): Promise<void> {
    try {
      await this.deps.caller.setHeld(false);
    } finally {
      this.set(failure ? { phase: 'failed', mode: 'attended', target, failure } : { phase: 'idle' });
    }
  }

  private set(state: TransferState): void {
    this.current = state;
    this.deps.onChange(state);
  }
}
