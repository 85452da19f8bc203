/**
 * The two lossy steps between a decoded file and a telephone prompt: channels to mono, and float
 * to 16-bit PCM. Both return new arrays and leave their input alone.
 *
 * Sources for the dither:
 * - S. P. Lipshitz, R. A. Wannamaker, J. Vanderkooy, "Quantization and Dither: A Theoretical
 *   Survey", J. Audio Eng. Soc. 40(5), 1992: triangular-PDF dither of 2 LSB peak to peak is the
 *   least noise that makes the error's mean and variance independent of the signal (no
 *   distortion, no noise modulation on fades), at a total error power of 1/4 LSB².
 */

/**
 * Averages the channels into one. An average of samples within [-1, 1] stays within it, so this
 * never clips (a plain sum would, and is what makes stereo music distort on a phone line).
 * @throws RangeError if there are no channels or their lengths differ.
 */
export function mixToMono(channels: readonly Float32Array[]): Float32Array {
  const [first, ...others] = channels;
  if (first === undefined) throw new RangeError('mixToMono: no channels');
  if (others.some((channel) => channel.length !== first.length)) {
    throw new RangeError('mixToMono: channels differ in length');
  }
  if (others.length === 0) return first.slice();
  const mono = new Float32Array(first.length);
  const scale = 1 / channels.length;
  for (let i = 0; i < mono.length; i++) {
    let sum = first[i]!;
    for (const channel of others) sum += channel[i]!;
    mono[i] = sum * scale;
  }
  return mono;
}

export interface QuantizeOptions {
  /**
   * 'tpdf' (default) adds triangular dither before rounding, for any signal that is not already
   * on the 16-bit grid (a resampled or mixed one); 'none' rounds only, which keeps samples that
   * came from 16-bit (or coarser) PCM bit-exact.
   */
  dither?: 'tpdf' | 'none';
  /** Seed of the dither's noise; the same input and seed give the same output, byte for byte. */
  seed?: number;
}

/** Default seed: converting one file twice must give identical prompts (caches, tests, diffs). */
const DEFAULT_DITHER_SEED = 0x5eed_cafe;

/**
 * Float samples (full scale ±1) to 16-bit PCM, scaled by 32768 so that int16 → float → int16 is
 * exact. Rounds half away from zero (symmetric, so no DC offset appears), clips to
 * [-32768, 32767], and maps NaN to 0.
 */
export function floatToInt16(samples: Float32Array, options: QuantizeOptions = {}): Int16Array {
  const out = new Int16Array(samples.length);
  const random = options.dither === 'none' ? undefined : mulberry32(options.seed ?? DEFAULT_DITHER_SEED);
  for (let i = 0; i < samples.length; i++) {
    let value = samples[i]! * 32768;
    // The difference of two uniform variables in [0, 1) is triangular on (-1, 1) LSB.
    if (random) value += random() - random();
    const rounded = value < 0 ? -Math.round(-value) : Math.round(value);
    // NaN fails both comparisons and would be stored as 0 by Int16Array anyway; say so.
    out[i] = rounded > 32767 ? 32767 : rounded < -32768 ? -32768 : Number.isNaN(rounded) ? 0 : rounded;
  }
  return out;
}

/**
 * A small seeded PRNG (Tommy Ettinger's Mulberry32, public domain): fast, 2^32 period, and
 * statistically good enough for dither, where Math.random would make output irreproducible.
 */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
