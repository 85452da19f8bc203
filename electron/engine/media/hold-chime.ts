/**
 * What a waiting caller hears until the office adds its own music: a soft two-note chime every
 * five seconds, so the line never sounds dead (callers hang up on silence) nor grates on a loop.
 */
export function holdChime(): Int16Array {
  const rate = 8000;
  const pcm = new Int16Array(rate * 5);
  const note = (startMs: number, hz: number) => {
    const start = (startMs * rate) / 1000;
    const length = rate * 0.6;
    for (let i = 0; i < length; i++) {
      // A bell-like decay, starting soft: -20 dBFS at its peak.
      const envelope = Math.exp((-4 * i) / length) * Math.min(1, i / 80);
      pcm[start + i] = Math.round(3300 * envelope * Math.sin((2 * Math.PI * hz * i) / rate));
    }
  };
  note(0, 659.25); // E5
  note(400, 523.25); // C5
  return pcm;
}
