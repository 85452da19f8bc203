/**
 * A recording's outline for drawing: the loudest sample of each of `bars` equal slices, as a
 * fraction of full scale (0 to 1). Not normalised to the loudest bar, so a recording that is
 * too quiet looks too quiet. Fewer samples than bars give one bar per sample.
 */
export function waveformPeaks(samples: Int16Array, bars: number): number[] {
  const count = Math.min(Math.max(0, Math.floor(bars)), samples.length);
  const peaks: number[] = [];
  for (let bar = 0; bar < count; bar++) {
    const from = Math.floor((bar * samples.length) / count);
    const to = Math.floor(((bar + 1) * samples.length) / count);
    let peak = 0;
    for (let i = from; i < to; i++) peak = Math.max(peak, Math.abs(samples[i] ?? 0));
    // -32768 has no positive twin: clamp so the loudest bar is exactly 1.
    peaks.push(Math.min(1, peak / 32767));
  }
  return peaks;
}
