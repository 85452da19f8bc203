import { percentile } from '../electron/engine/media/percentile.js';

export function summary(label: string, samples: readonly number[], unit = 'ms'): string {
  const f = (n: number): string => n.toFixed(unit === 'ms' ? 1 : 0);
  return `${label.padEnd(34)} n=${String(samples.length).padStart(4)}  p50 ${f(percentile(samples, 50))} ${unit}  p95 ${f(
    percentile(samples, 95),
  )} ${unit}  p99 ${f(percentile(samples, 99))} ${unit}  max ${f(Math.max(...samples))} ${unit}`;
}
