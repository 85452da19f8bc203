/**
 * A polyphase windowed-sinc (Kaiser) resampler for any rational ratio of integer rates.
 *
 * Output sample m sits at input time t = m · inputRate / outputRate and is the band-limited
 * interpolation y[m] = Σ x[i] · h(t − i), where h is a Kaiser-windowed sinc low-pass whose cutoff
 * lies below the lower of the two Nyquist frequencies. With L/M the reduced ratio, t − ⌊t⌋ takes
 * only the L values p/L, so h is tabulated once per phase p and each output costs one dot product
 * (the polyphase structure). The kernel is symmetric, so the output is not delayed: output
 * sample 0 is input sample 0. Beyond the ends the input is taken as silence.
 *
 * Defaults are those of telephony: for 8 kHz output, flat to 3.4 kHz (85 % of Nyquist) and at
 * least 90 dB down (design value) from 4 kHz, so nothing the caller hears comes back as an alias.
 * Decimating by dropping samples, or a short filter, folds 4–20 kHz content (sibilants, music)
 * down into the speech band; that is the failure this module exists to prevent.
 *
 * Sources:
 * - R. E. Crochiere, L. R. Rabiner, "Multirate Digital Signal Processing" (1983), ch. 2
 *   (sampling-rate conversion by L/M) and ch. 3 (its polyphase structure).
 * - J. O. Smith, "Digital Audio Resampling Home Page", CCRMA, https://ccrma.stanford.edu/~jos/resample/:
 *   the time-domain form above, and linear interpolation between table entries when the exact
 *   phases are too many to store.
 * - J. F. Kaiser, "Nonrecursive digital filter design using the I0-sinh window function" (1974),
 *   with its β and length formulas as given in A. V. Oppenheim, R. W. Schafer, "Discrete-Time
 *   Signal Processing", 3rd ed., "The Kaiser window filter design method".
 */

export interface ResamplerOptions {
  /** Highest frequency kept flat, in Hz. Default: 85 % of the lower Nyquist frequency (3400 Hz for 8 kHz). */
  passbandHz?: number;
  /** Lowest frequency removed, in Hz. Default: the lower Nyquist frequency (4000 Hz for 8 kHz). */
  stopbandHz?: number;
  /** Design stopband attenuation in dB. Default 90. */
  attenuationDb?: number;
  /**
   * Most coefficients to tabulate (default 2^20, 8 MiB of doubles). Ratios like 96001 → 8000 have
   * thousands of exact phases; past this limit the table holds fewer, evenly spaced phases and
   * coefficients are interpolated linearly between them (Smith, above), at a small cost in speed.
   */
  maxTableSize?: number;
}

const DEFAULT_ATTENUATION_DB = 90;
const DEFAULT_PASSBAND_FRACTION = 0.85;
const DEFAULT_MAX_TABLE_SIZE = 1 << 20;
/** Enough for 768 kHz → 8 kHz (about 7,300 taps); beyond it the request is a mistake. */
const MAX_TAPS = 1 << 14;
/** Hard ceiling on the table whatever the options, so no ratio can make us allocate gigabytes. */
const MAX_TABLE_SIZE = 1 << 23;
const MAX_RATE = 100_000_000;

export class Resampler {
  readonly inputRate: number;
  readonly outputRate: number;
  /** Input samples that make up each output sample. */
  readonly tapsPerPhase: number;
  /** Rows of the coefficient table (the kernel at evenly spaced fractional delays). */
  readonly phaseCount: number;
  /** Whether coefficients are interpolated between table rows (too many exact phases to store). */
  readonly isInterpolated: boolean;
  /** Reduced ratio: L output samples for every M input samples. */
  private readonly up: number;
  private readonly down: number;
  private readonly isIdentity: boolean;
  private readonly table: Float64Array;

  /** @throws RangeError on rates that are not positive integers or on impossible band edges. */
  constructor(inputRate: number, outputRate: number, options: ResamplerOptions = {}) {
    for (const [what, rate] of [
      ['input', inputRate],
      ['output', outputRate],
    ] as const) {
      if (!Number.isInteger(rate) || rate <= 0 || rate > MAX_RATE) {
        throw new RangeError(
          `Resampler: ${what} rate must be a whole number of Hz in 1..${MAX_RATE}, got ${rate}`,
        );
      }
    }
    this.inputRate = inputRate;
    this.outputRate = outputRate;
    const divisor = gcd(inputRate, outputRate);
    this.up = outputRate / divisor;
    this.down = inputRate / divisor;

    const nyquist = Math.min(inputRate, outputRate) / 2;
    const passband = options.passbandHz ?? DEFAULT_PASSBAND_FRACTION * nyquist;
    const stopband = options.stopbandHz ?? nyquist;
    const attenuation = options.attenuationDb ?? DEFAULT_ATTENUATION_DB;
    if (!(passband > 0 && stopband > passband && Number.isFinite(stopband))) {
      throw new RangeError(`Resampler: need 0 < passband < stopband, got ${passband} and ${stopband} Hz`);
    }
    if (!(attenuation >= 20 && attenuation <= 200)) {
      throw new RangeError(`Resampler: attenuation must be 20..200 dB, got ${attenuation}`);
    }
    this.isIdentity =
      inputRate === outputRate && options.passbandHz === undefined && options.stopbandHz === undefined;

    // Kaiser's length estimate (O&S) with the transition width in radians per input
    // sample; rounded up to a multiple of 4 so the kernel is centred and the loop unrolls evenly.
    const transition = (2 * Math.PI * (stopband - passband)) / inputRate;
    const order = Math.ceil((attenuation - 8) / (2.285 * transition));
    const taps = 4 * Math.ceil((order + 1) / 4);
    if (taps > MAX_TAPS) {
      throw new RangeError(`Resampler: ${inputRate} → ${outputRate} Hz would need ${taps} taps per phase`);
    }
    this.tapsPerPhase = taps;

    // Cutoff mid-transition, in cycles per input sample.
    const cutoff = (passband + stopband) / 2 / inputRate;
    const maxTable = Math.min(options.maxTableSize ?? DEFAULT_MAX_TABLE_SIZE, MAX_TABLE_SIZE);
    this.isInterpolated = this.up * taps > maxTable;
    // Linear interpolation errs by at most (π·cutoff/P)²/2 of the peak coefficient (the kernel's
    // second derivative is bounded by its bandwidth): P ≥ 3000·cutoff keeps that below −120 dB.
    this.phaseCount = this.isInterpolated
      ? Math.min(this.up, Math.max(Math.floor(maxTable / taps), Math.ceil(3000 * cutoff), 2))
      : this.up;
    const rows = this.isInterpolated ? this.phaseCount + 1 : this.phaseCount;
    if (rows * taps > MAX_TABLE_SIZE) {
      throw new RangeError(
        `Resampler: ${inputRate} → ${outputRate} Hz with these band edges needs too large a table`,
      );
    }
    this.table = designTable(rows, this.phaseCount, taps, cutoff, kaiserBeta(attenuation));
  }

  /**
   * round(inputLength · out / in), so the duration is kept to half an output sample. Integer
   * arithmetic, exact while 2 · inputLength · L < 2^53 (hours of audio at any rate here).
   */
  outputLength(inputLength: number): number {
    return Math.floor((2 * inputLength * this.up + this.down) / (2 * this.down));
  }

  /** Resamples a whole signal into a new array; `input` is only read. */
  process(input: Float32Array): Float32Array {
    if (this.isIdentity) return input.slice();
    const outLength = this.outputLength(input.length);
    const out = new Float32Array(outLength);
    if (outLength === 0) return out;
    const taps = this.tapsPerPhase;
    // Zeros on both sides stand for the silence beyond the ends, and spare the inner loop any
    // bounds checks. Output m reads input indices ⌊t⌋ − taps/2 + 1 … ⌊t⌋ + taps/2.
    const padded = new Float32Array(input.length + taps + 1);
    padded.set(input, taps / 2 - 1);
    if (this.isInterpolated) this.runInterpolated(padded, out);
    else this.runExact(padded, out);
    return out;
  }

  private runExact(x: Float32Array, out: Float32Array): void {
    const { up, down, table } = this;
    const taps = this.tapsPerPhase;
    const whole = Math.floor(down / up);
    const rest = down % up;
    // t = base + phase / up, advanced by down / up per output in integers: no drift over hours.
    let base = 0;
    let phase = 0;
    for (let m = 0; m < out.length; m++) {
      const row = phase * taps;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      for (let j = 0; j < taps; j += 4) {
        a0 += x[base + j]! * table[row + j]!;
        a1 += x[base + j + 1]! * table[row + j + 1]!;
        a2 += x[base + j + 2]! * table[row + j + 2]!;
        a3 += x[base + j + 3]! * table[row + j + 3]!;
      }
      out[m] = a0 + a1 + a2 + a3;
      base += whole;
      phase += rest;
      if (phase >= up) {
        phase -= up;
        base++;
      }
    }
  }

  private runInterpolated(x: Float32Array, out: Float32Array): void {
    const { up, down, table } = this;
    const taps = this.tapsPerPhase;
    const whole = Math.floor(down / up);
    const rest = down % up;
    const rowsPerPhase = this.phaseCount / up;
    let base = 0;
    let phase = 0;
    for (let m = 0; m < out.length; m++) {
      const position = phase * rowsPerPhase;
      const row = Math.floor(position);
      const weight = position - row;
      const r0 = row * taps;
      const r1 = r0 + taps;
      // Σ x·(h0 + w·(h1 − h0)) = Σ x·h0 + w·(Σ x·h1 − Σ x·h0): two dot products, then one blend.
      let s0 = 0;
      let s1 = 0;
      for (let j = 0; j < taps; j++) {
        const v = x[base + j]!;
        s0 += v * table[r0 + j]!;
        s1 += v * table[r1 + j]!;
      }
      out[m] = s0 + weight * (s1 - s0);
      base += whole;
      phase += rest;
      if (phase >= up) {
        phase -= up;
        base++;
      }
    }
  }
}

/** Resamples `input` (not modified) from one rate to another; see {@link Resampler}. */
export function resample(
  input: Float32Array,
  inputRate: number,
  outputRate: number,
  options?: ResamplerOptions,
): Float32Array {
  return new Resampler(inputRate, outputRate, options).process(input);
}

/**
 * Row r holds the kernel for fractional delay r / phaseCount: entry j weighs input sample
 * ⌊t⌋ − taps/2 + 1 + j, at distance τ = frac + taps/2 − 1 − j from t.
 */
function designTable(
  rows: number,
  phaseCount: number,
  taps: number,
  cutoff: number,
  beta: number,
): Float64Array {
  const table = new Float64Array(rows * taps);
  const half = taps / 2;
  const windowScale = 1 / besselI0(beta);
  for (let r = 0; r < rows; r++) {
    const frac = r / phaseCount;
    let sum = 0;
    for (let j = 0; j < taps; j++) {
      const tau = frac + half - 1 - j;
      const ratio = tau / half;
      const window =
        ratio <= -1 || ratio >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - ratio * ratio)) * windowScale;
      const sinc = tau === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * tau) / (Math.PI * tau);
      const h = sinc * window;
      table[r * taps + j] = h;
      sum += h;
    }
    // Unit DC gain in every phase, so a constant stays exactly constant and no phase-to-phase
    // gain ripple turns into a faint tone at the output.
    for (let j = 0; j < taps; j++) table[r * taps + j] = table[r * taps + j]! / sum;
  }
  return table;
}

/** Kaiser's β for a stopband attenuation in dB (Kaiser 1974, as given by O&S). */
function kaiserBeta(attenuationDb: number): number {
  if (attenuationDb > 50) return 0.1102 * (attenuationDb - 8.7);
  if (attenuationDb >= 21) return 0.5842 * (attenuationDb - 21) ** 0.4 + 0.07886 * (attenuationDb - 21);
  return 0;
}

/** Modified Bessel function of the first kind, order 0, by its power series (converges fast for β ≤ 25). */
function besselI0(x: number): number {
  const quarterSquare = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; term > sum * 1e-17; k++) {
    term *= quarterSquare / (k * k);
    sum += term;
  }
  return sum;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
