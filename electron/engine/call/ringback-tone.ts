/**
 * One cadence of ringback (ITU-T E.180 / the North American 440 + 480 Hz, 2 s on, 4 s off) as
 * 8 kHz mono PCM: what a caller hears while an agent's transfer target rings, so the line never
 * sounds dead. Built once and shared: callers only read it.
 */
let cached: Int16Array | undefined;

export function ringbackTone(): Int16Array {
  if (cached) return cached;
  const rate = 8000;
  const pcm = new Int16Array(rate * 6);
  const on = rate * 2;
  for (let i = 0; i < on; i++) {
    // About -19 dBFS per tone; a 10 ms ramp at each end avoids clicks.
    const ramp = Math.min(1, i / 80, (on - i) / 80);
    const t = i / rate;
    pcm[i] = Math.round(ramp * 3600 * (Math.sin(2 * Math.PI * 440 * t) + Math.sin(2 * Math.PI * 480 * t)));
  }
  cached = pcm;
  return pcm;
}
