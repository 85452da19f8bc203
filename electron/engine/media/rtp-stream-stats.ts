/**
 * Receiver-side statistics of one RTP stream (one SSRC): packets expected and lost from the
 * extended sequence number (RFC 3550 §6.4.1, appendix A.1 and A.3) and interarrival jitter
 * (§6.4.1, appendix A.8). What an RTCP receiver report carries, kept for benchmarks, tests and
 * call-quality logs.
 */

/** RFC 3550 A.1: a jump of fewer packets ahead is loss, not a restart. */
const MAX_DROPOUT = 3000;
/** RFC 3550 A.1: up to this many packets behind is reordering (or a duplicate). */
const MAX_MISORDER = 100;
const SEQ_MOD = 0x10000;

export interface RtpStreamStatsOptions {
  /** RTP clock rate of the payload (8000 for G.711 and telephone-event). */
  readonly clockRate: number;
  /**
   * RFC 3550 A.1: sequential packets needed before a source is valid (MIN_SEQUENTIAL = 2);
   * packets during probation are not counted. 0 counts from the first packet.
   */
  readonly probation?: number;
}

export interface RtpIntervalReport {
  readonly expected: number;
  readonly received: number;
  /** Expected − received in the interval; negative when duplicates outnumber losses. */
  readonly lost: number;
  /** RFC 3550 §6.4.1 "fraction lost", as a ratio 0–1 (0 when nothing was lost). */
  readonly fractionLost: number;
}

export class RtpStreamStats {
  private readonly clockRate: number;
  private readonly minSequential: number;
  private probation: number;
  private started = false;
  private maxSeq = 0;
  private baseSeq = 0;
  private cycles = 0;
  private badSeq = SEQ_MOD + 1;
  private receivedCount = 0;
  private expectedPrior = 0;
  private receivedPrior = 0;
  private jitterUnits = 0;
  private lastArrival = Number.NaN; // in timestamp units
  private lastTimestamp = 0;

  constructor(options: RtpStreamStatsOptions) {
    if (!(options.clockRate > 0)) throw new RangeError('clockRate must be positive');
    this.clockRate = options.clockRate;
    this.minSequential = options.probation ?? 2;
    this.probation = this.minSequential;
  }

  /**
   * Accounts one received packet, arrived at `arrivalMs` (a monotonic ms clock). Returns false
   * for a packet that does not count: during probation, or a far jump that may be a restart.
   */
  update(sequenceNumber: number, timestamp: number, arrivalMs: number): boolean {
    const seq = sequenceNumber & 0xffff;
    if (!this.updateSequence(seq)) return false;
    this.updateJitter(timestamp >>> 0, (arrivalMs * this.clockRate) / 1000);
    return true;
  }

  /** Packets counted (duplicates included, as RFC 3550 A.3 counts them). */
  get received(): number {
    return this.receivedCount;
  }

  /** Cycles × 65536 + the highest sequence number seen (§6.4.1 "extended highest"). */
  get extendedHighestSequence(): number {
    return this.cycles + this.maxSeq;
  }

  get expected(): number {
    return this.receivedCount === 0 ? 0 : this.extendedHighestSequence - this.baseSeq + 1;
  }

  /** Cumulative packets lost (A.3): expected − received, negative if duplicates arrived. */
  get lost(): number {
    return this.expected - this.receivedCount;
  }

  /** Interarrival jitter (A.8), in timestamp units. */
  get jitter(): number {
    return this.jitterUnits;
  }

  get jitterMs(): number {
    return (this.jitterUnits * 1000) / this.clockRate;
  }

  /** Loss since the previous call (A.3), as an RTCP receiver report computes it. */
  takeInterval(): RtpIntervalReport {
    const expected = this.expected;
    const expectedInterval = expected - this.expectedPrior;
    const receivedInterval = this.receivedCount - this.receivedPrior;
    this.expectedPrior = expected;
    this.receivedPrior = this.receivedCount;
    const lost = expectedInterval - receivedInterval;
    return {
      expected: expectedInterval,
      received: receivedInterval,
      lost,
      fractionLost: expectedInterval > 0 && lost > 0 ? lost / expectedInterval : 0,
    };
  }

  private initSequence(seq: number): void {
    this.baseSeq = seq;
    this.maxSeq = seq;
    this.badSeq = SEQ_MOD + 1; // so that seq == badSeq is false
    this.cycles = 0;
    this.receivedCount = 0;
    this.receivedPrior = 0;
    this.expectedPrior = 0;
    // A restarted source has a new timestamp base: transit times would jump.
    this.lastArrival = Number.NaN;
  }

  /** RFC 3550 A.1 update_seq(). */
  private updateSequence(seq: number): boolean {
    if (!this.started) {
      this.started = true;
      this.initSequence(seq);
      this.maxSeq = (seq - 1) & 0xffff;
      if (this.probation === 0) {
        this.maxSeq = seq;
        this.receivedCount = 1;
        return true;
      }
    }
    const udelta = (seq - this.maxSeq) & 0xffff;
    if (this.probation > 0) {
      // The source is valid only once MIN_SEQUENTIAL packets arrive in sequence.
      if (seq === ((this.maxSeq + 1) & 0xffff)) {
        this.probation--;
        this.maxSeq = seq;
        if (this.probation === 0) {
          this.initSequence(seq);
          this.receivedCount++;
          return true;
        }
      } else {
        this.probation = this.minSequential - 1;
        this.maxSeq = seq;
      }
      return false;
    }
    if (udelta < MAX_DROPOUT) {
      // In order, with a permissible gap.
      if (seq < this.maxSeq) this.cycles += SEQ_MOD; // wrapped
      this.maxSeq = seq;
    } else if (udelta <= SEQ_MOD - MAX_MISORDER) {
      // A very large jump: two sequential packets mean the other side restarted.
      if (seq === this.badSeq) {
        this.initSequence(seq);
      } else {
        this.badSeq = (seq + 1) & 0xffff;
        return false;
      }
    }
    // else: a duplicate or reordered packet, counted as received.
    this.receivedCount++;
    return true;
  }

  /** RFC 3550 A.8: J += (|D(i−1, i)| − J) / 16, D from the change in transit time. */
  private updateJitter(timestamp: number, arrival: number): void {
    if (!Number.isNaN(this.lastArrival)) {
      // (timestamp − last) | 0 takes the 32-bit wrap of RTP timestamps into account.
      const d = arrival - this.lastArrival - ((timestamp - this.lastTimestamp) | 0);
      this.jitterUnits += (Math.abs(d) - this.jitterUnits) / 16;
    }
    this.lastArrival = arrival;
    this.lastTimestamp = timestamp;
  }
}
