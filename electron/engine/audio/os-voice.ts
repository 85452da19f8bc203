/**
 * What the speech synthesizer needs from an operating system's own voices (Windows SAPI, macOS
 * `say`), and the pieces both share: a process runner that never goes through a shell, private
 * temporary folders, and choosing a voice for a language.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import type { SpeechLanguage } from './speech-synthesizer.js';

/** A speech engine of the operating system. */
export interface OsVoice {
  /** Short engine name, reported with the voice ('sapi:Microsoft Heami Desktop'). */
  readonly engine: string;
  /**
   * The installed voice that speaks the language, or undefined when there is none. The voices
   * are listed once per instance and remembered, a failed listing too.
   * @throws when the voices cannot be listed.
   */
  voiceFor(language: SpeechLanguage): Promise<string | undefined>;
  /** The text spoken by the named voice (one voiceFor returned), as the bytes of a WAV file. */
  synthesize(text: string, voice: string): Promise<Uint8Array>;
}

export interface RunOptions {
  /** Added to the environment the program inherits. */
  env?: Readonly<Record<string, string>>;
}

/**
 * Runs a program with arguments as given, without a shell. Resolves with its output; rejects when
 * it cannot start, exits with a failure, or runs too long.
 */
export type ProcessRunner = (
  file: string,
  args: readonly string[],
  options: RunOptions,
) => Promise<{ stdout: string; stderr: string }>;

/** Starting PowerShell takes seconds on a busy PC; speaking 2000 characters to a file, a few more. */
const RUN_TIMEOUT_MS = 30_000;
/** Voice lists are a few kilobytes; the audio goes to a file, never to stdout. */
const MAX_OUTPUT_BYTES = 1024 * 1024;

const execFileAsync = promisify(execFile);

export const execFileRunner: ProcessRunner = async (file, args, options) => {
  try {
    const { stdout, stderr } = await execFileAsync(file, [...args], {
      env: { ...process.env, ...options.env },
      timeout: RUN_TIMEOUT_MS,
      maxBuffer: MAX_OUTPUT_BYTES,
      // Without it every prompt rendered from the desktop app flashes a console window on Windows.
      windowsHide: true,
      encoding: 'utf8',
    });
    return { stdout, stderr };
  } catch (error) {
    // execFile's own message repeats the whole command line (a PowerShell script); the log needs
    // what went wrong and what the program said.
    throw new Error(runFailure(basename(file), error), { cause: error });
  }
};

function runFailure(program: string, error: unknown): string {
  // The fields execFile adds to its errors (Node's child_process documentation).
  const failed = error as { code?: string | number; killed?: boolean; stderr?: string; message?: string };
  const said = failed.stderr?.trim() ? `: ${failed.stderr.trim()}` : '';
  if (failed.code === 'ENOENT') return `${program} was not found`;
  if (failed.killed) return `${program} took longer than ${RUN_TIMEOUT_MS / 1000} s${said}`;
  if (typeof failed.code === 'number') return `${program} exited with code ${failed.code}${said}`;
  return `${program} failed: ${failed.message ?? String(error)}${said}`;
}

/** Runs `work` in a new private folder under the OS temp folder, removed afterwards whatever happens. */
export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-tts-'));
  try {
    return await work(dir);
  } finally {
    // Retried: on Windows a virus scanner may still hold the WAV file for a moment.
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

export interface InstalledVoice {
  name: string;
  /** BCP 47, as Windows writes it: 'ko-KR', 'en-US'. */
  locale: string;
}

/** Where each language is first looked for: the offices are in Korea, their English is American. */
const HOME_LOCALES: Record<SpeechLanguage, string> = { ko: 'ko-kr', en: 'en-us' };

/**
 * The voice to speak a language: the first of `preferred` that is installed and speaks it, else
 * the first voice of the language's home locale (ko-KR, en-US), else the first of any region.
 */
export function pickVoice(
  voices: readonly InstalledVoice[],
  language: SpeechLanguage,
  preferred: readonly string[] = [],
): string | undefined {
  const speaking = voices.filter(({ locale }) => {
    const normal = locale.toLowerCase();
    return normal === language || normal.startsWith(`${language}-`);
  });
  const chosen =
    preferred.map((name) => speaking.find((voice) => voice.name === name)).find((voice) => voice) ??
    speaking.find(({ locale }) => locale.toLowerCase() === HOME_LOCALES[language]) ??
    speaking[0];
  return chosen?.name;
}
