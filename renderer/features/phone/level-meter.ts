/** RMS of a block of samples in [-1, 1], mapped to 0..1 on a dB scale from -60 dBFS to 0. */
export function levelOf(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const s of samples) sum += s * s;
  const rms = Math.sqrt(sum / samples.length);
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db + 60) / 60));
}

/**
 * What the meter shows next: a new peak at once, then falling back slowly (about 20 dB a second
 * at 60 frames a second), so short sounds stay visible as on a hardware meter.
 */
export function meterLevel(shown: number, measured: number): number {
  return Math.max(measured, shown - 1 / 180);
}

/**
 * Reports the level of a stream's audio every animation frame (about 60 times a second) until
 * stopped; the analyser only reads, so the stream plays on unchanged.
 */
export function watchLevel(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  let frame = 0;
  let shown = 0;
  const read = (): void => {
    analyser.getFloatTimeDomainData(samples);
    shown = meterLevel(shown, levelOf(samples));
    onLevel(shown);
    frame = requestAnimationFrame(read);
  };
  frame = requestAnimationFrame(read);
  return () => {
    cancelAnimationFrame(frame);
    source.disconnect();
    void context.close();
  };
}
