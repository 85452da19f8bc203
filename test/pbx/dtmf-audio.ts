/**
 * Audio fixtures made with sox, an encoder independent of the engine's: in-band DTMF (the tone
 * pairs of ITU-T Q.23 in the audio itself, as an analogue phone or a gateway without RFC 4733
 * sends them) as 8 kHz 16-bit mono WAV, and that audio encoded to G.711 for RTP.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable } from './process-supervisor.js';

const ROWS = [697, 770, 852, 941] as const;
const COLUMNS = [1209, 1336, 1477, 1633] as const;
const KEYPAD = ['123A', '456B', '789C', '*0#D'] as const;

/** The low (row) and high (column) frequency of a DTMF key, in Hz. */
export function dtmfFrequencies(digit: string): [number, number] {
  for (let row = 0; row < KEYPAD.length; row++) {
    const column = KEYPAD[row]?.indexOf(digit.toUpperCase()) ?? -1;
    const low = ROWS[row];
    const high = COLUMNS[column];
    if (column >= 0 && low !== undefined && high !== undefined) return [low, high];
  }
  throw new Error(`not a DTMF key: ${JSON.stringify(digit)}`);
}

export interface DtmfTiming {
  /** Silence before the first tone, ms. */
  leadMs: number;
  /** Length of each tone, ms. */
  toneMs: number;
  /** Silence between tones, ms. */
  gapMs: number;
  /** Silence after the last tone, ms. */
  tailMs: number;
}

function sox(args: string[]): void {
  const command = findExecutable('sox');
  if (!command) {
    throw new Error('sox is missing: install it with apt-get install -y --no-install-recommends sox');
  }
  const run = spawnSync(command, args, { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error(`sox ${args.join(' ')} failed: ${run.error?.message ?? run.stderr.trim()}`);
  }
}

const PCM = ['-r', '8000', '-c', '1', '-b', '16', '-e', 'signed-integer'];

/**
 * Writes `digits` as in-band DTMF to `path` (8 kHz 16-bit mono PCM WAV, what baresip's aufile
 * plays). Each tone is sox's `synth <s> sine <low> sine <high>` (the two sines mixed, each at
 * half full scale). Returns the length in ms.
 */
export function writeDtmfWav(path: string, digits: string, timing: DtmfTiming): number {
  const work = mkdtempSync(join(tmpdir(), 'switchboard-dtmf-'));
  try {
    const silence = (name: string, ms: number): string => {
      const file = join(work, name);
      sox(['-n', ...PCM, file, 'trim', '0', String(ms / 1000)]);
      return file;
    };
    const pieces: string[] = [];
    if (timing.leadMs > 0) pieces.push(silence('lead.wav', timing.leadMs));
    const gap = timing.gapMs > 0 ? silence('gap.wav', timing.gapMs) : undefined;
    [...digits].forEach((digit, i) => {
      if (i > 0 && gap) pieces.push(gap);
      const [low, high] = dtmfFrequencies(digit);
      const tone = join(work, `tone-${i}.wav`);
      sox([
        '-n',
        ...PCM,
        tone,
        'synth',
        String(timing.toneMs / 1000),
        'sine',
        String(low),
        'sine',
        String(high),
      ]);
      pieces.push(tone);
    });
    if (timing.tailMs > 0) pieces.push(silence('tail.wav', timing.tailMs));
    // One input is not a concatenation for sox: copy it as is.
    sox(pieces.length === 1 ? [pieces[0] ?? '', path] : [...pieces, path]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return timing.leadMs + digits.length * timing.toneMs + (digits.length - 1) * timing.gapMs + timing.tailMs;
}

/** The WAV's audio as G.711 bytes (one per sample), encoded by sox. */
export function encodeG711WithSox(wavPath: string, codec: 'PCMA' | 'PCMU'): Buffer {
  const work = mkdtempSync(join(tmpdir(), 'switchboard-g711-'));
  try {
    const out = join(work, 'audio.raw');
    sox([
      wavPath,
      '-t',
      'raw',
      '-r',
      '8000',
      '-c',
      '1',
      '-b',
      '8',
      '-e',
      codec === 'PCMA' ? 'a-law' : 'u-law',
      out,
    ]);
    return readFileSync(out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
