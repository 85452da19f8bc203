/** What a least-squares fit of one sine finds in a signal. */
export interface ToneFit {
  amplitude: number;
  /** Phase relative to sin(2πft) with t = 0 at sample 0: 0 means no delay. */
  phase: number;
  /** RMS of what the fitted tone does not explain. */
  residual: number;
}

/**
 * Fits a·sin(ωn) + b·cos(ωn) to `y` by least squares, skipping `skip` samples at each end (a
 * filter's edges); `scale` maps integer PCM to [-1, 1). Used by the audio tests and benchmarks
 * to measure level, delay and distortion at one frequency.
 */
export function fitTone(
  y: ArrayLike<number>,
  frequency: number,
  rate: number,
  skip: number,
  scale = 1,
): ToneFit {
  const w = (2 * Math.PI * frequency) / rate;
  let ss = 0;
  let cc = 0;
  let sc = 0;
  let ys = 0;
  let yc = 0;
  for (let i = skip; i < y.length - skip; i++) {
    const s = Math.sin(w * i);
    const c = Math.cos(w * i);
    const v = y[i]! * scale;
    ss += s * s;
    cc += c * c;
    sc += s * c;
    ys += v * s;
    yc += v * c;
  }
  const det = ss * cc - sc * sc;
  const a = (ys * cc - yc * sc) / det;
  const b = (yc * ss - ys * sc) / det;
  let sum = 0;
  for (let i = skip; i < y.length - skip; i++)
    sum += (y[i]! * scale - a * Math.sin(w * i) - b * Math.cos(w * i)) ** 2;
  return {
    amplitude: Math.hypot(a, b),
    phase: Math.atan2(b, a),
    residual: Math.sqrt(sum / (y.length - 2 * skip)),
  };
}
