/**
 * In-band DTMF detection (ITU-T Q.23 tone pairs, Q.24 acceptance limits) on 8 kHz 16-bit PCM,
 * for callers whose phone or trunk sends no RFC 4733 events.
 *
 * The Goertzel algorithm measures the eight DTMF frequencies over a 100-sample (12.5 ms)
 * window, as Asterisk and spandsp do over 102 samples: neighbouring row tones (73 Hz apart)
 * fall near each other's first null, and a tone 1.5 % off frequency loses at most 2 dB. Unlike
 * them, the window slides every 20 samples (2.5 ms) instead of every 100: each 20-sample
 * sub-block gets one complex Goertzel result per frequency, phase-aligned to an absolute
 * sample clock, and a window is the sum of its five sub-blocks. That costs little more than
 * non-overlapping blocks, and measures a tone's length to a few ms, which is what lets the
 * detector accept 40 ms tones and reject 30 ms ones (the limits Asterisk and spandsp take from
 * Q.24: accept ≥ 40 ms, reject < 23 ms; accept ±1.5 %, reject ±3.5 %; twist 8 dB / 4 dB).
 *
 * A window is a hit for a key when:
 * - each tone beats the other three of its group by ≥ 8 dB (one key, not a chord);
 * - both tones are within ±2.5 % of their nominal frequency, measured from how fast their
 *   phase turns between windows three hops apart;
 * - a least-squares fit of two sinusoids at those frequencies finds both at or above the
 *   minimum level (default −30 dBm0 each) and
 * - twist within limits: the low group stronger by ≤ 8 dB ("normal" twist, the usual case after
 *   the line has attenuated the high group) or the high group stronger by ≤ 4 dB ("reverse");
 * - the two fitted tones explain ≥ 92 % of the window's energy (thresholds relative to the
 *   total are what reject speech and music, which spread their energy over many harmonics);
 * - the second harmonic of each tone, once the fitted tones are taken out, is ≥ 16 dB below
 *   it: voiced speech is a harmonic series, a DTMF generator is not.
 * A key press is reported once, when its hits have lasted the minimum duration, with the time
 * the tone began; it is held until a pause, so that a brief dropout inside one press is bridged.
 * Silence (most of any call) is skipped before any filtering, from the window's energy alone.
 */
import type { DtmfDigit } from './dtmf-digit.js';
import { DTMF_COLUMN_FREQUENCIES, DTMF_KEYPAD, DTMF_ROW_FREQUENCIES } from './dtmf-digit.js';

const SAMPLE_RATE = 8000;
/** Sub-block length: the hop between windows (2.5 ms). */
const HOP = 20;
/** Sub-blocks per window. */
const HOPS_PER_WINDOW = 5;
/** Window length (12.5 ms). */
const WINDOW = HOP * HOPS_PER_WINDOW;
/**
 * Windows whose phases are compared to measure a tone's frequency are this many hops apart:
 * far enough for leakage from the other tone to average out, near enough that offsets up to
 * ±66 Hz (4 % of 1633 Hz) are not ambiguous.
 */
const PHASE_LAG = 3;
/** Sub-blocks kept: the window and the PHASE_LAG before it. */
const SLOTS = HOPS_PER_WINDOW + PHASE_LAG;
const RING = SLOTS * HOP;
const TONES = 8; // 0–3 rows, 4–7 columns

/**
 * Peak of a full-scale sine in dBm0: G.711 puts 0 dBm0 3.14 dB (A-law; μ-law 3.17) below the
 * largest sine the codec can carry (G.711 tables 5 and 6): a 0 dBm0 sine peaks at about 22 800.
 */
const FULL_SCALE_DBM0 = 3.14;
const ZERO_DBM0_PEAK = 32768 * 10 ** (-FULL_SCALE_DBM0 / 20);

export interface DtmfDetection {
  readonly digit: DtmfDigit;
  /** Sample index (since the detector started) at which the tone began, ±2.5 ms. */
  readonly startSample: number;
  /** The same, in ms. */
  readonly startMs: number;
}

export interface DtmfDetectorOptions {
  /** Called once per key press, as soon as the tone has lasted long enough. */
  readonly onDigit: (detection: DtmfDetection) => void;
  /** Minimum level of each tone, dBm0 (default −30: detectors are usually asked to take −25). */
  readonly minLevelDbm0?: number;
  /** Low group stronger than high group by at most this (default 8 dB). */
  readonly normalTwistDb?: number;
  /** High group stronger than low group by at most this (default 4 dB). */
  readonly reverseTwistDb?: number;
  /**
   * Shortest tone reported, ms (default 35). Tones of 40 ms are always detected, tones of
   * 30 ms never; the boundary sits between so that a 40 ms tone survives timing error.
   */
  readonly minToneMs?: number;
  /**
   * A gap this long (ms) ends a press, so the same key can be pressed again (default 25).
   * The usual Q.24 limits: a pause of 40 ms must part two digits, a 10 ms dropout must not.
   */
  readonly minPauseMs?: number;
}

/**
 * Fraction of the window's energy the two fitted tones must explain. A DTMF pair explains all
 * of it (0.95–0.98 with white noise 15 dB down); a vowel whose formants sit on the two
 * harmonics nearest a DTMF pair still spreads 12–50 % over its other harmonics.
 */
const TONE_TO_TOTAL = 0.92;
/** Each tone must exceed the others of its group by this much (8 dB). */
const RELATIVE_PEAK = 10 ** (8 / 10);
/**
 * Largest frequency error accepted: Q.24 asks to accept ±1.5 % and to reject ±3.5 %; the
 * boundary sits between.
 */
const FREQUENCY_TOLERANCE = 0.025;
/**
 * Each tone's second harmonic must be this far below it (16 dB): generators keep extraneous
 * frequencies about 20 dB below the tones (Q.23); voiced speech is a harmonic series.
 */
const HARMONIC = 10 ** (-16 / 10);
/** Twist is accepted up to the limit plus this (dB): noise must not reject a tone at the limit. */
const TWIST_MARGIN_DB = 0.5;
/** A dropout within a not yet confirmed tone that is bridged, in hops (10 ms). */
const CANDIDATE_BRIDGE_HOPS = 4;

const FREQUENCIES = [...DTMF_ROW_FREQUENCIES, ...DTMF_COLUMN_FREQUENCIES];

/** Σ cos θn over the window (n = 0 … WINDOW − 1), in closed form (Dirichlet kernel). */
function sumCos(theta: number): number {
  const half = Math.sin(theta / 2);
  if (Math.abs(half) < 1e-12) return WINDOW;
  return (Math.cos((theta * (WINDOW - 1)) / 2) * Math.sin((theta * WINDOW) / 2)) / half;
}

/** Σ sin θn over the window. */
function sumSin(theta: number): number {
  const half = Math.sin(theta / 2);
  if (Math.abs(half) < 1e-12) return 0;
  return (Math.sin((theta * (WINDOW - 1)) / 2) * Math.sin((theta * WINDOW) / 2)) / half;
}

function setRow(m: Float64Array, row: number, a: number, b: number, c: number, d: number, y: number): void {
  const at = row * 5;
  m[at] = a;
  m[at + 1] = b;
  m[at + 2] = c;
  m[at + 3] = d;
  m[at + 4] = y;
}

/**
 * Solves a 4×4 system in place, given as 4 rows of [a₀ a₁ a₂ a₃ | b]; the solution replaces
 * b. The matrix is a Gram matrix of nearly orthogonal sinusoids: symmetric, positive definite
 * and diagonally dominant, so elimination needs no pivoting.
 */
function solve4(m: Float64Array): void {
  for (let i = 0; i < 4; i++) {
    const pivot = m[i * 5 + i] ?? 1;
    for (let j = i + 1; j < 4; j++) {
      const factor = (m[j * 5 + i] ?? 0) / pivot;
      for (let k = i; k < 5; k++) m[j * 5 + k] = (m[j * 5 + k] ?? 0) - factor * (m[i * 5 + k] ?? 0);
    }
  }
  for (let i = 3; i >= 0; i--) {
    let sum = m[i * 5 + 4] ?? 0;
    for (let k = i + 1; k < 4; k++) sum -= (m[i * 5 + k] ?? 0) * (m[k * 5 + 4] ?? 0);
    m[i * 5 + 4] = sum / (m[i * 5 + i] ?? 1);
  }
}

export class DtmfDetector {
  private readonly onDigit: (detection: DtmfDetection) => void;
  private readonly minTonePower: number;
  private readonly normalTwist: number;
  private readonly reverseTwist: number;
  private readonly minHits: number;
  private readonly pauseHops: number;

  // Per-frequency constants.
  private readonly coefficient = new Float64Array(TONES);
  private readonly cosW = new Float64Array(TONES);
  private readonly sinW = new Float64Array(TONES);
  /** e^{−jω·HOP}: advances the phase reference by one sub-block. */
  private readonly stepRe = new Float64Array(TONES);
  private readonly stepIm = new Float64Array(TONES);
  /** e^{−jω(n₀ + HOP − 1)} for the sub-block being filled, n₀ its first sample. */
  private readonly phaseRe = new Float64Array(TONES);
  private readonly phaseIm = new Float64Array(TONES);

  /** The last RING samples; slot k occupies [k·HOP, (k+1)·HOP). */
  private readonly ring = new Float64Array(RING);
  private fill = 0; // samples in the slot being filled
  private slot = 0; // slot being filled; once full, the next one is the oldest
  private readonly slotEnergy = new Float64Array(SLOTS);
  private readonly slotReady = new Uint8Array(SLOTS);
  private readonly slotPhaseRe = new Float64Array(SLOTS * TONES);
  private readonly slotPhaseIm = new Float64Array(SLOTS * TONES);
  /** Phase-aligned sub-block DFT results, computed only when a window is loud enough. */
  private readonly slotRe = new Float64Array(SLOTS * TONES);
  private readonly slotIm = new Float64Array(SLOTS * TONES);
  /** This window's DFT per frequency, and the one PHASE_LAG hops earlier. */
  private readonly re = new Float64Array(TONES);
  private readonly im = new Float64Array(TONES);
  private readonly prevRe = new Float64Array(TONES);
  private readonly prevIm = new Float64Array(TONES);
  private readonly power = new Float64Array(TONES);
  private energy = 0;
  // Scratch results of windowDft and fitTwoTones (fields, not objects: nothing is allocated).
  private dftRe = 0;
  private dftIm = 0;
  private readonly normal = new Float64Array(20);
  private fitRowOmega = 0;
  private fitColumnOmega = 0;
  private fitRowPower = 0;
  private fitColumnPower = 0;
  private fitEnergy = 0;

  /** Sub-blocks completed since the start. */
  private hop = 0;
  // Candidate: a key whose hits are adding up towards the minimum duration.
  private candidate = -1;
  private candidateHits = 0;
  private candidateFirst = 0;
  private candidateLast = 0;
  // Held: the key last reported, until a pause.
  private held = -1;
  private heldLast = 0;

  constructor(options: DtmfDetectorOptions) {
    this.onDigit = options.onDigit;
    const minLevel = options.minLevelDbm0 ?? -30;
    const amplitude = ZERO_DBM0_PEAK * 10 ** (minLevel / 20);
    this.minTonePower = (amplitude * amplitude) / 2;
    this.normalTwist = 10 ** (((options.normalTwistDb ?? 8) + TWIST_MARGIN_DB) / 10);
    this.reverseTwist = 10 ** (((options.reverseTwistDb ?? 4) + TWIST_MARGIN_DB) / 10);
    // Only windows (nearly) wholly inside a tone pass the tone-to-total test, so a tone of
    // D samples gives about (D − WINDOW) / HOP + 1 hits…
    const minTone = ((options.minToneMs ?? 35) * SAMPLE_RATE) / 1000;
    this.minHits = Math.max(1, Math.round((minTone - WINDOW) / HOP + 1));
    // …and a gap of G samples about (G + WINDOW) / HOP − 1 windows without one.
    const minPause = ((options.minPauseMs ?? 25) * SAMPLE_RATE) / 1000;
    this.pauseHops = Math.max(CANDIDATE_BRIDGE_HOPS + 1, Math.round((minPause + WINDOW) / HOP - 1));
    for (let f = 0; f < TONES; f++) {
      const w = (2 * Math.PI * (FREQUENCIES[f] ?? 0)) / SAMPLE_RATE;
      this.coefficient[f] = 2 * Math.cos(w);
      this.cosW[f] = Math.cos(w);
      this.sinW[f] = Math.sin(w);
      this.stepRe[f] = Math.cos(w * HOP);
      this.stepIm[f] = -Math.sin(w * HOP);
    }
    this.reset();
  }

  /** Forgets all state; sample indices start again from 0. */
  reset(): void {
    for (let f = 0; f < TONES; f++) {
      const w = (2 * Math.PI * (FREQUENCIES[f] ?? 0)) / SAMPLE_RATE;
      this.phaseRe[f] = Math.cos(w * (HOP - 1));
      this.phaseIm[f] = -Math.sin(w * (HOP - 1));
    }
    this.ring.fill(0);
    this.slotEnergy.fill(0);
    this.slotReady.fill(0);
    this.fill = 0;
    this.slot = 0;
    this.energy = 0;
    this.hop = 0;
    this.candidate = -1;
    this.held = -1;
  }

  /** Feeds the next samples (any length; typically one 20 ms frame of 160). */
  process(samples: Int16Array): void {
    const ring = this.ring;
    let at = this.slot * HOP + this.fill;
    for (let i = 0; i < samples.length; i++) {
      const x = samples[i] ?? 0;
      ring[at++] = x;
      this.energy += x * x;
      if (++this.fill === HOP) {
        this.endSubBlock();
        at = this.slot * HOP;
      }
    }
  }

  private endSubBlock(): void {
    const slot = this.slot;
    this.slotEnergy[slot] = this.energy;
    this.slotReady[slot] = 0;
    const base = slot * TONES;
    for (let f = 0; f < TONES; f++) {
      const re = this.phaseRe[f] ?? 0;
      const im = this.phaseIm[f] ?? 0;
      this.slotPhaseRe[base + f] = re;
      this.slotPhaseIm[base + f] = im;
      const sr = this.stepRe[f] ?? 0;
      const si = this.stepIm[f] ?? 0;
      this.phaseRe[f] = re * sr - im * si;
      this.phaseIm[f] = re * si + im * sr;
    }
    if ((this.hop & 0x3ff) === 0x3ff) this.renormalisePhase();
    this.energy = 0;
    this.fill = 0;
    this.slot = (slot + 1) % SLOTS;
    this.hop++;
    if (this.hop >= SLOTS) this.track(this.analyse());
  }

  /** Keeps rounding error in the rotating phasors from growing over a long call. */
  private renormalisePhase(): void {
    for (let f = 0; f < TONES; f++) {
      const re = this.phaseRe[f] ?? 0;
      const im = this.phaseIm[f] ?? 0;
      const norm = Math.hypot(re, im);
      this.phaseRe[f] = re / norm;
      this.phaseIm[f] = im / norm;
    }
  }

  /** Runs the Goertzel filters over one slot and stores its phase-aligned results. */
  private computeSlot(slot: number): void {
    const ring = this.ring;
    const start = slot * HOP;
    const base = slot * TONES;
    for (let f = 0; f < TONES; f++) {
      const c = this.coefficient[f] ?? 0;
      let s1 = 0;
      let s2 = 0;
      for (let n = start; n < start + HOP; n++) {
        const s0 = (ring[n] ?? 0) + c * s1 - s2;
        s2 = s1;
        s1 = s0;
      }
      // Σ x[m]·e^{−jωm} = e^{−jω(HOP−1)}·(s1 − e^{−jω}·s2); the stored phasor also carries
      // e^{−jω·n₀}, so results of different sub-blocks add up like one long DFT.
      const yRe = s1 - (this.cosW[f] ?? 0) * s2;
      const yIm = (this.sinW[f] ?? 0) * s2;
      const pRe = this.slotPhaseRe[base + f] ?? 0;
      const pIm = this.slotPhaseIm[base + f] ?? 0;
      this.slotRe[base + f] = yRe * pRe - yIm * pIm;
      this.slotIm[base + f] = yRe * pIm + yIm * pRe;
    }
    this.slotReady[slot] = 1;
  }

  /** Judges the window that ends now: the key it holds (row · 4 + column), or −1. */
  private analyse(): number {
    const oldest = this.slot; // first slot of the earlier window
    const first = (oldest + PHASE_LAG) % SLOTS; // first slot of this window
    let energy = 0;
    for (let k = 0; k < HOPS_PER_WINDOW; k++) energy += this.slotEnergy[(first + k) % SLOTS] ?? 0;
    const meanSquare = energy / WINDOW;
    // Two tones at the minimum level make a mean square of twice that: quieter is no key, and
    // silence (most of a call) costs no filtering at all.
    if (meanSquare < 1.5 * this.minTonePower) return -1;

    for (let k = 0; k < SLOTS; k++) if (this.slotReady[k] === 0) this.computeSlot(k);
    // Tone power (A²/2) of each frequency: |X|² · 2 / N².
    const scale = 2 / (WINDOW * WINDOW);
    for (let f = 0; f < TONES; f++) {
      let re = 0;
      let im = 0;
      let prevRe = 0;
      let prevIm = 0;
      for (let k = 0; k < HOPS_PER_WINDOW; k++) {
        const now = ((first + k) % SLOTS) * TONES + f;
        const before = ((oldest + k) % SLOTS) * TONES + f;
        re += this.slotRe[now] ?? 0;
        im += this.slotIm[now] ?? 0;
        prevRe += this.slotRe[before] ?? 0;
        prevIm += this.slotIm[before] ?? 0;
      }
      this.re[f] = re;
      this.im[f] = im;
      this.prevRe[f] = prevRe;
      this.prevIm[f] = prevIm;
      this.power[f] = (re * re + im * im) * scale;
    }

    const p = this.power;
    let row = 0;
    let column = 4;
    for (let f = 1; f < 4; f++) if ((p[f] ?? 0) > (p[row] ?? 0)) row = f;
    for (let f = 5; f < 8; f++) if ((p[f] ?? 0) > (p[column] ?? 0)) column = f;
    for (let f = 0; f < TONES; f++) {
      if (f === row || f === column) continue;
      if ((p[f] ?? 0) * RELATIVE_PEAK > (p[f < 4 ? row : column] ?? 0)) return -1;
    }

    // A tone off its bin centre loses power in the window (2 dB at 1633 Hz + 1.5 %); its
    // phase turns between windows at the rate of the offset, which measures the offset.
    const rowFrequency = (FREQUENCIES[row] ?? 0) + this.frequencyOffset(row);
    const columnFrequency = (FREQUENCIES[column] ?? 0) + this.frequencyOffset(column);
    if (Math.abs(rowFrequency / (FREQUENCIES[row] ?? 1) - 1) > FREQUENCY_TOLERANCE) return -1;
    if (Math.abs(columnFrequency / (FREQUENCIES[column] ?? 1) - 1) > FREQUENCY_TOLERANCE) return -1;
    this.fitTwoTones(rowFrequency, columnFrequency);
    const rowPower = this.fitRowPower;
    const columnPower = this.fitColumnPower;

    if (rowPower < this.minTonePower || columnPower < this.minTonePower) return -1;
    if (rowPower > columnPower * this.normalTwist || columnPower > rowPower * this.reverseTwist) return -1;
    if (this.fitEnergy < TONE_TO_TOTAL * energy) return -1;

    if (this.harmonicPower(2 * rowFrequency) > rowPower * HARMONIC) return -1;
    if (this.harmonicPower(2 * columnFrequency) > columnPower * HARMONIC) return -1;
    return row * 4 + (column - 4);
  }

  /** Frequency offset (Hz) of tone `f` from its bin centre, from its phase turn over PHASE_LAG hops. */
  private frequencyOffset(f: number): number {
    const re = this.re[f] ?? 0;
    const im = this.im[f] ?? 0;
    const pRe = this.prevRe[f] ?? 0;
    const pIm = this.prevIm[f] ?? 0;
    // arg(X · conj(X_earlier)) = 2π · offset · PHASE_LAG · HOP / SAMPLE_RATE
    const turn = Math.atan2(im * pRe - re * pIm, re * pRe + im * pIm);
    return (turn * SAMPLE_RATE) / (2 * Math.PI * PHASE_LAG * HOP);
  }

  /** Σ x[n]·e^{−jωn} over this window, n counted from its first sample, into dftRe/dftIm. */
  private windowDft(frequency: number): void {
    const w = (2 * Math.PI * frequency) / SAMPLE_RATE;
    const cos = Math.cos(w);
    const sin = Math.sin(w);
    const c = 2 * cos;
    const ring = this.ring;
    // The window starts PHASE_LAG slots after the oldest (the slot to be filled next).
    const start = ((this.slot + PHASE_LAG) % SLOTS) * HOP;
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < WINDOW; i++) {
      const s0 = (ring[(start + i) % RING] ?? 0) + c * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    const yRe = s1 - cos * s2;
    const yIm = sin * s2;
    const phase = -w * (WINDOW - 1);
    const pRe = Math.cos(phase);
    const pIm = Math.sin(phase);
    this.dftRe = yRe * pRe - yIm * pIm;
    this.dftIm = yRe * pIm + yIm * pRe;
  }

  /**
   * Tone power (A²/2) at `frequency` over this window once the two fitted tones are taken
   * out: a DFT bin 60–90 Hz from the column tone (the row harmonic of keys 2, 6, B, C)
   * would otherwise read the column tone's leakage, a few dB, as harmonic.
   */
  private harmonicPower(frequency: number): number {
    this.windowDft(frequency);
    const h = (2 * Math.PI * frequency) / SAMPLE_RATE;
    let re = this.dftRe;
    let im = this.dftIm;
    for (let tone = 0; tone < 2; tone++) {
      const w = tone === 0 ? this.fitRowOmega : this.fitColumnOmega;
      const c = this.normal[tone === 0 ? 4 : 14] ?? 0;
      const s = this.normal[tone === 0 ? 9 : 19] ?? 0;
      // c·cos ωn + s·sin ωn = A·e^{jωn} + conj(A)·e^{−jωn} with A = (c − js)/2, and
      // Σ e^{jθn}·e^{−jhn} = K(θ − h) = sumCos + j·sumSin.
      const aRe = c / 2;
      const aIm = -s / 2;
      const kRe = sumCos(w - h);
      const kIm = sumSin(w - h);
      const lRe = sumCos(-w - h);
      const lIm = sumSin(-w - h);
      re -= aRe * kRe - aIm * kIm + (aRe * lRe + aIm * lIm);
      im -= aRe * kIm + aIm * kRe + (aRe * lIm - aIm * lRe);
    }
    return ((re * re + im * im) * 2) / (WINDOW * WINDOW);
  }

  /**
   * Least-squares fit of two sinusoids (at the measured frequencies) to this window: sets the
   * power of each and the energy they explain. Unlike a DFT bin, the fit is not fooled by
   * one tone leaking into the other's bin or by a tone's negative-frequency image (±20 % on
   * the power of keys whose tones are close, such as *), so the tone-to-total test can be
   * strict enough to reject vowels.
   */
  private fitTwoTones(rowFrequency: number, columnFrequency: number): void {
    // Normal equations G·a = y over the basis cos ω₁n, sin ω₁n, cos ω₂n, sin ω₂n.
    const m = this.normal;
    this.windowDft(rowFrequency);
    const y0 = this.dftRe;
    const y1 = -this.dftIm;
    this.windowDft(columnFrequency);
    const y2 = this.dftRe;
    const y3 = -this.dftIm;
    const w1 = (2 * Math.PI * rowFrequency) / SAMPLE_RATE;
    const w2 = (2 * Math.PI * columnFrequency) / SAMPLE_RATE;
    const c2w1 = sumCos(2 * w1);
    const c2w2 = sumCos(2 * w2);
    const cDiff = sumCos(w1 - w2);
    const cSum = sumCos(w1 + w2);
    const sDiff = sumSin(w1 - w2);
    const sSum = sumSin(w1 + w2);
    const g00 = (WINDOW + c2w1) / 2;
    const g11 = (WINDOW - c2w1) / 2;
    const g01 = sumSin(2 * w1) / 2;
    const g22 = (WINDOW + c2w2) / 2;
    const g33 = (WINDOW - c2w2) / 2;
    const g23 = sumSin(2 * w2) / 2;
    const g02 = (cDiff + cSum) / 2; // Σ cos ω₁n · cos ω₂n
    const g13 = (cDiff - cSum) / 2; // Σ sin ω₁n · sin ω₂n
    const g03 = (sSum - sDiff) / 2; // Σ cos ω₁n · sin ω₂n
    const g12 = (sSum + sDiff) / 2; // Σ sin ω₁n · cos ω₂n
    setRow(m, 0, g00, g01, g02, g03, y0);
    setRow(m, 1, g01, g11, g12, g13, y1);
    setRow(m, 2, g02, g12, g22, g23, y2);
    setRow(m, 3, g03, g13, g23, g33, y3);
    solve4(m);
    this.fitRowOmega = w1;
    this.fitColumnOmega = w2;
    const a0 = m[4] ?? 0;
    const a1 = m[9] ?? 0;
    const a2 = m[14] ?? 0;
    const a3 = m[19] ?? 0;
    this.fitRowPower = (a0 * a0 + a1 * a1) / 2;
    this.fitColumnPower = (a2 * a2 + a3 * a3) / 2;
    this.fitEnergy = a0 * y0 + a1 * y1 + a2 * y2 + a3 * y3;
  }

  /** Turns per-window verdicts into key presses: minimum duration, dropouts, pauses. */
  private track(key: number): void {
    const hop = this.hop;
    if (key < 0) {
      if (this.held >= 0 && hop - this.heldLast >= this.pauseHops) this.held = -1;
      if (this.candidate >= 0 && hop - this.candidateLast > CANDIDATE_BRIDGE_HOPS) this.candidate = -1;
      return;
    }
    if (key === this.held) {
      // Still the reported key: a dropout shorter than a pause was bridged.
      this.heldLast = hop;
      this.candidate = -1;
      return;
    }
    if (key === this.candidate && hop - this.candidateLast <= CANDIDATE_BRIDGE_HOPS) {
      this.candidateHits++;
      this.candidateLast = hop;
    } else {
      this.candidate = key;
      this.candidateHits = 1;
      this.candidateFirst = hop;
      this.candidateLast = hop;
    }
    if (this.candidateHits < this.minHits) return;

    this.held = key;
    this.heldLast = hop;
    this.candidate = -1;
    // The first hit window, which ended with sub-block `candidateFirst`, began with the tone.
    const startSample = Math.max(0, this.candidateFirst * HOP - WINDOW);
    const digit = DTMF_KEYPAD[Math.floor(key / 4)]?.[key % 4];
    if (digit !== undefined)
      this.onDigit({ digit, startSample, startMs: (startSample * 1000) / SAMPLE_RATE });
  }
}
