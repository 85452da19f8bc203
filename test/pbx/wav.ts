/** Plain PCM WAV files for audio fixtures (what baresip's `aufile` source plays into a call). */
import { writeFileSync } from 'node:fs';

/** Writes mono 16-bit little-endian PCM samples as a canonical 44-byte-header WAV file. */
export function writePcmWav(path: string, samples: Int16Array, sampleRate = 8000): void {
  const dataBytes = samples.length * 2;
  const buffer = Buffer.alloc(44 + dataBytes);
  buffer.write('RIFF', 0, 'latin1');
  buffer.writeUInt32LE(36 + dataBytes, 4);
  buffer.write('WAVE', 8, 'latin1');
  buffer.write('fmt ', 12, 'latin1');
  buffer.writeUInt32LE(16, 16); // fmt chunk size
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate * 2, 28); // byte rate
  buffer.writeUInt16LE(2, 32); // block align
  buffer.writeUInt16LE(16, 34); // bits per sample
  buffer.write('data', 36, 'latin1');
  buffer.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) buffer.writeInt16LE(samples[i] ?? 0, 44 + i * 2);
  writeFileSync(path, buffer);
}

/** A sine tone: `seconds` long at `frequencyHz`, amplitude as a fraction of full scale. */
export function sineTone(
  seconds: number,
  frequencyHz: number,
  sampleRate = 8000,
  amplitude = 0.3,
): Int16Array {
  const samples = new Int16Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i++) {
    samples[i] = Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * frequencyHz * i) / sampleRate));
  }
  return samples;
}
