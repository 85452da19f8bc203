import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const repoRoot = join(import.meta.dirname, '../..');
const cliPath = join(repoRoot, 'build/electron/engine/cli.js');

export interface EngineProcess {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** What the engine wrote to stderr so far (its log). */
  stderr(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs the built `switchboard-engine` as a user would, on an OS-assigned port unless `port` is
 * given (a restart on the same port keeps the page's origin, as for a real user).
 */
export async function startEngineProcess(
  dataDir: string,
  extraArgs: string[] = [],
  port = 0,
): Promise<EngineProcess> {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first`);
  const child = spawn(
    process.execPath,
    [cliPath, '--data', dataDir, '--http', `127.0.0.1:${port}`, ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`no ready line in 10 s; stderr:\n${stderr}`)), 10_000);
    lines.on('line', (line) => {
      if (!line.startsWith('Switchboard ready: ')) return;
      clearTimeout(timer);
      resolve(line.slice('Switchboard ready: '.length));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`engine exited with ${code} before ready; stderr:\n${stderr}`));
    });
  });
  const url = new URL(ready);
  return {
    url: ready,
    origin: url.origin,
    token: url.hash.replace(/^#token=/, ''),
    port: Number(url.port),
    child,
    stderr: () => stderr,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs the CLI to completion (for arguments that make it exit), returning code and output. */
export function runEngineCli(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
