/**
 * Starting, waiting for and stopping the test bed's external programs (kamailio, rtpengine,
 * baresip, SIPp). Each program's stdout and stderr go to one log file, read back for readiness
 * checks and for failure messages. Stopping is by PID: SIGTERM, a grace period, then SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, openSync, closeSync, readFileSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface SupervisedProcess {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  readonly logPath: string;
  /** Resolves once the process has exited (and been reaped), with a short description. */
  readonly exited: Promise<string>;
  /** True until the process exits. */
  running(): boolean;
  /** Everything it wrote to stdout/stderr so far. */
  log(): string;
}

export interface StartOptions {
  name: string;
  command: string;
  args: readonly string[];
  logPath: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** Full path of an executable on PATH (also looking in the sbin dirs), or undefined. */
export function findExecutable(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this dir
    }
  }
  return undefined;
}

/** Spawns a program with its output going to `logPath`. Throws if it cannot be started. */
export async function startProcess(options: StartOptions): Promise<SupervisedProcess> {
  const fd = openSync(options.logPath, 'a');
  let child: ChildProcess;
  try {
    child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', fd, fd],
    });
  } finally {
    closeSync(fd); // the child has its own copy
  }
  // spawn() reports a missing binary asynchronously: wait for 'spawn' or 'error'.
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) => reject(new Error(`cannot start ${options.name}: ${error.message}`)));
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`cannot start ${options.name}: no PID`);

  let exitDescription: string | undefined;
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      exitDescription = signal ? `killed by ${signal}` : `exited with code ${code}`;
      resolve(exitDescription);
    });
  });
  const readLog = (): string => {
    try {
      return readFileSync(options.logPath, 'utf8');
    } catch {
      return '';
    }
  };
  return {
    name: options.name,
    pid,
    child,
    logPath: options.logPath,
    exited,
    running: () => exitDescription === undefined,
    log: readLog,
  };
}

export interface WaitOptions {
  /** What is awaited, for the timeout message ("kamailio listening on 127.0.0.1:5060"). */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** Checked before each attempt: a string aborts the wait with that reason. */
  abortIf?: () => string | undefined;
  /** Appended to the error message (e.g. the tail of a log). */
  details?: () => string;
}

/** Polls `check` until it returns true; throws on timeout or when `abortIf` gives a reason. */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  options: WaitOptions,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 25;
  for (;;) {
    const abortReason = options.abortIf?.();
    if (abortReason !== undefined) throw waitError(`${options.what}: ${abortReason}`, options);
    if (await check()) return;
    if (Date.now() >= deadline)
      throw waitError(`timed out after ${options.timeoutMs} ms waiting for ${options.what}`, options);
    await sleep(interval);
  }
}

function waitError(message: string, options: WaitOptions): Error {
  const details = options.details?.();
  return new Error(details ? `${message}\n${details}` : message);
}

/** Aborts a wait when the process has exited (for `WaitOptions.abortIf`). */
export function exitedReason(proc: SupervisedProcess): () => string | undefined {
  return () => (proc.running() ? undefined : `${proc.name} exited early`);
}

/** The last `lines` lines of a process's log, framed for an error message. */
export function logTail(proc: SupervisedProcess, lines = 30): string {
  const tail = proc.log().trimEnd().split('\n').slice(-lines).join('\n');
  return `--- last lines of ${proc.name} log (${proc.logPath}) ---\n${tail}\n--- end of ${proc.name} log ---`;
}

/** `/proc/<pid>/stat` split into state and parent PID, or undefined if there is no such process. */
function procStat(pid: number): { state: string; ppid: number } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid ...": comm may contain spaces and parentheses, so cut at the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const ppid = Number(fields[1]);
  if (state === undefined || !Number.isInteger(ppid)) return undefined;
  return { state, ppid };
}

/**
 * True while the PID names a live process. A zombie (exited, not yet reaped by its parent) or a
 * dead-but-listed process counts as stopped: it holds no ports and runs no code.
 */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const stat = procStat(pid);
  if (stat === undefined) return false;
  return stat.state !== 'Z' && stat.state !== 'X' && stat.state !== 'x';
}

/** All live descendants of `pid` (children, grandchildren...), e.g. kamailio's worker processes. */
export function descendantPids(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(Number(entry));
    if (stat === undefined) continue;
    const list = children.get(stat.ppid) ?? [];
    list.push(Number(entry));
    children.set(stat.ppid, list);
  }
  const result: number[] = [];
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      if (!isPidAlive(child)) continue;
      result.push(child);
      queue.push(child);
    }
  }
  return result;
}

/**
 * Stops processes together: SIGTERM to each (and to its descendants), waits up to `graceMs`
 * for all of them, then SIGKILLs whatever is still alive. Resolves when none is alive.
 */
export async function stopProcesses(procs: readonly SupervisedProcess[], graceMs = 4000): Promise<void> {
  const pids = new Set<number>();
  for (const proc of procs) {
    if (!isPidAlive(proc.pid)) continue;
    pids.add(proc.pid);
    for (const pid of descendantPids(proc.pid)) pids.add(pid);
  }
  if (pids.size === 0) return;
  const signal = (pid: number, sig: NodeJS.Signals): void => {
    try {
      process.kill(pid, sig);
    } catch {
      // already gone
    }
  };
  // Main processes first: kamailio's main process stops its own workers in order.
  for (const proc of procs) if (pids.has(proc.pid)) signal(proc.pid, 'SIGTERM');
  const alive = (): number[] => [...pids].filter(isPidAlive);
  const deadline = Date.now() + graceMs;
  while (alive().length > 0 && Date.now() < deadline) await sleep(25);
  const stubborn = alive();
  for (const pid of stubborn) signal(pid, 'SIGKILL');
  const killDeadline = Date.now() + 2000;
  while (alive().length > 0 && Date.now() < killDeadline) await sleep(25);
  const left = alive();
  if (left.length > 0) throw new Error(`processes still alive after SIGKILL: ${left.join(', ')}`);
}
