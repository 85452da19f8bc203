/**
 * Prompt conversion speed, in × real time, for the sample rates uploads come in, and the
 * resampler's measured response: the worst passband deviation (100 Hz–3.4 kHz) and the worst
 * stopband level (4 kHz up to the input's Nyquist) over sine sweeps in 50 Hz steps.
 * Prints figures; asserts nothing. Run with `npx tsx bench/resampler.ts`.
 */
import { performance } from 'node:perf_hooks';
import { convertWavToTelephone, writeWav } from '../electron/engine/audio/prompt-converter.js';
import { Resampler } from '../electron/engine/audio/resampler.js';
import { fitTone } from '../test/support/tone-fit.js';
import { summary } from './stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const SECONDS = 60;
const RATES = [44100, 48000, 22050, 16000, 11025, 6000, 96000, 96001];

function tone(frequency: number, rate: number, length: number): Float32Array {
  const x = new Float32Array(length);
  for (let i = 0; i < length; i++) x[i] = 0.5 * Math.sin((2 * Math.PI * frequency * i) / rate);
  return x;
}

/** Level in dB (re. the input tone) of `frequency` in `y`, by least squares; skips the edges. */
function levelDb(y: Float32Array, frequency: number, rate: number, skip: number): number {
  return 20 * Math.log10(fitTone(y, frequency, rate, skip).amplitude / 0.5);
}

/** RMS level in dB re. the input tone's RMS, skipping the edges. */
function rmsDb(y: Float32Array, skip: number): number {
  let sum = 0;
  for (let i = skip; i < y.length - skip; i++) sum += y[i]! ** 2;
  return 20 * Math.log10(Math.sqrt(sum / (y.length - 2 * skip)) / (0.5 / Math.SQRT2));
}

console.log(`resampler → 8 kHz, ${SECONDS} s input (node ${process.version})`);
for (const rate of RATES) {
  const designStart = performance.now();
  const resampler = new Resampler(rate, 8000);
  const designMs = performance.now() - designStart;
  const input = tone(440, rate, rate * SECONDS);
  resampler.process(input); // warm-up: let the JIT settle before timing
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    resampler.process(input);
    times.push(performance.now() - start);
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
  const realTime = (SECONDS * 1000) / median;

  // Quality: half-second tones, edges skipped.
  const skip = Math.ceil(((resampler.tapsPerPhase / 2) * 8000) / rate) + 2;
  const passTop = Math.min(3400, (0.85 * Math.min(rate, 8000)) / 2);
  let passband = 0;
  for (let f = 100; f <= passTop; f += 50) {
    passband = Math.max(
      passband,
      Math.abs(levelDb(resampler.process(tone(f, rate, rate / 2)), f, 8000, skip)),
    );
  }
  let stopband = Number.NEGATIVE_INFINITY;
  let worstAt = 0;
  // 50 Hz steps where aliases land near the band, coarser far above it.
  for (let f = 4000; f < rate / 2; f += f < 8000 ? 50 : 250) {
    const level = rmsDb(resampler.process(tone(f, rate, rate / 2)), skip);
    if (level > stopband) [stopband, worstAt] = [level, f];
  }
  const phases = `${resampler.phaseCount} ${resampler.isInterpolated ? 'interpolated' : 'exact'}`;
  const stop = Number.isFinite(stopband)
    ? `${stopband.toFixed(1)} dB worst (at ${worstAt} Hz)`
    : 'n/a (nothing above 4 kHz)';
  console.log(
    summary(`${rate} Hz`, times) +
      `  → ${realTime.toFixed(0)}× real time | ${resampler.tapsPerPhase} taps, phases: ${phases}, ` +
      `design ${designMs.toFixed(1)} ms | passband ±${passband.toFixed(4)} dB to ${passTop} Hz | stopband ${stop}`,
  );
}

// The whole upload path: parse, mix down, resample, dither.
const stereo = new Int16Array(44100 * SECONDS * 2);
for (let i = 0; i < stereo.length; i++) stereo[i] = Math.round(Math.sin(i / 13) * 12000);
// writeWav writes mono; this 88.2 kHz mono file has the bytes of 44.1 kHz stereo, so patch the header.
const wav = writeWav(stereo, 88200);
const header = new DataView(wav.buffer);
header.setUint16(22, 2, true);
header.setUint32(24, 44100, true);
header.setUint16(32, 4, true);
convertWavToTelephone(wav, 'bench.wav');
const times: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const start = performance.now();
  convertWavToTelephone(wav, 'bench.wav');
  times.push(performance.now() - start);
}
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
console.log(
  summary('convertWavToTelephone 44.1k stereo', times) +
    `  → ${((SECONDS * 1000) / median).toFixed(0)}× real time`,
);
