/**
 * Runs one SIPp scenario as a scripted caller (one call: -m 1 -l 1) and reports how it went.
 * SIPp's own traces go into `dir`: unexpected messages (-trace_err) and, for diagnosis, every
 * message sent and received (-trace_msg). Exit codes: 0 all calls succeeded, 1 some failed,
 * 97/99 stopped without calls, 255/254 fatal (e.g. cannot bind).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findExecutable } from './process-supervisor.js';

/** Scenarios shipped beside this file, by name. */
export const SCENARIOS = {
  /** Caller through the proxy: follows Record-Route, answers 407, plays audio, sends RFC 4733 1 2 3 #. */
  uacDtmf: fileURLToPath(new URL('./sipp-uac-dtmf.xml', import.meta.url)),
  /** The same caller with a late offer: INVITE without SDP, the answer in the ACK. */
  uacLateOffer: fileURLToPath(new URL('./sipp-uac-late-offer.xml', import.meta.url)),
} as const;

export interface SippOptions {
  /** Path of the XML scenario (see SCENARIOS). */
  scenario: string;
  /** The called user part: [service] in the scenario (-s). */
  service: string;
  /** Where requests go, "host:port" (the proxy). */
  remote: string;
  /** Digest credentials for 401/407 challenges (-au/-ap). Also the From user unless `fromUser`. */
  auth?: { user: string; password: string };
  /** [from_user] in the scenario. Default: auth user, else "sipp". */
  fromUser?: string;
  /** Folder for SIPp's trace files. */
  dir: string;
  /** Local address for SIP and media. Default 127.0.0.1. */
  localIp?: string;
  /** Local SIP port (-p). Default: a free one chosen by the system. */
  localPort?: number;
  /** Local media port (-mp). Default 6000; give distinct ones to concurrent runs. */
  mediaPort?: number;
  /** Global timeout in seconds: SIPp gives up and fails after it. Default 30. */
  timeoutSeconds?: number;
  /** Transport flag: "u1" UDP (default), "t1" TCP. */
  transport?: 'u1' | 't1';
  /** Extra command-line arguments. */
  extraArgs?: string[];
}

export interface SippResult {
  /** SIPp's exit code (0 = the call succeeded); null if killed. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Contents of the -trace_err file: unexpected messages, empty if none. */
  errors: string;
  /** Contents of the -trace_msg file: every SIP message sent and received. */
  messages: string;
  /** The command line, for error messages. */
  commandLine: string;
}

let runCounter = 0;

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export function runSipp(options: SippOptions): Promise<SippResult> {
  const scenario = isAbsolute(options.scenario) ? options.scenario : join(process.cwd(), options.scenario);
  const timeoutSeconds = options.timeoutSeconds ?? 30;
  const localIp = options.localIp ?? '127.0.0.1';
  const runId = `sipp-${process.pid}-${++runCounter}-${basename(scenario, '.xml')}`;
  const errorFile = join(options.dir, `${runId}-errors.log`);
  const messageFile = join(options.dir, `${runId}-messages.log`);
  const fromUser = options.fromUser ?? options.auth?.user ?? 'sipp';

  const args = [
    options.remote,
    '-sf',
    scenario,
    '-s',
    options.service,
    '-i',
    localIp,
    '-mi',
    localIp,
    '-t',
    options.transport ?? 'u1',
    '-m',
    '1',
    '-l',
    '1',
    '-nostdin',
    '-timeout',
    `${timeoutSeconds}s`,
    '-timeout_error',
    '-trace_err',
    '-error_file',
    errorFile,
    '-trace_msg',
    '-message_file',
    messageFile,
    '-key',
    'from_user',
    fromUser,
    ...(options.localPort !== undefined ? ['-p', String(options.localPort)] : []),
    ...(options.mediaPort !== undefined ? ['-mp', String(options.mediaPort)] : []),
    ...(options.auth ? ['-au', options.auth.user, '-ap', options.auth.password] : []),
    ...(options.extraArgs ?? []),
  ];
  const commandLine = `sipp ${args.join(' ')}`;

  return new Promise((resolve, reject) => {
    const child = spawn(findExecutable('sipp') ?? 'sipp', args, {
      cwd: options.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Backstop in case SIPp hangs despite -timeout.
    const killer = setTimeout(() => child.kill('SIGKILL'), (timeoutSeconds + 10) * 1000);
    child.once('error', (error) => {
      clearTimeout(killer);
      reject(
        new Error(
          `cannot run SIPp (${error.message}); install it with: apt-get install -y --no-install-recommends sip-tester`,
        ),
      );
    });
    child.once('close', (code) => {
      clearTimeout(killer);
      resolve({
        code,
        stdout,
        stderr,
        errors: readOrEmpty(errorFile),
        messages: readOrEmpty(messageFile),
        commandLine,
      });
    });
  });
}

/** A readable summary of a SIPp run for assertion messages. */
export function describeSipp(result: SippResult): string {
  const tail = (text: string, lines: number): string => text.trimEnd().split('\n').slice(-lines).join('\n');
  return [
    `${result.commandLine}\nexit code ${result.code}`,
    result.stderr.trim() && `--- stderr ---\n${tail(result.stderr, 20)}`,
    result.errors.trim() && `--- unexpected messages (-trace_err) ---\n${tail(result.errors, 40)}`,
    result.messages.trim() && `--- last SIP messages ---\n${tail(result.messages, 60)}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * caller1 calls the office line through the test bed's proxy with digest auth: the call every
 * engine test makes. `scenario` defaults to RFC 4733 digits 1 2 3 #, then BYE. `pauseMs` is
 * SIPp's default pause (-d): in the default scenario, how much longer the caller stays on the
 * line before its digits.
 */
export function callOffice(
  testbed: { proxyAddress: string; users: { caller1: string }; dir: string },
  options: { scenario?: string; timeoutSeconds?: number; pauseMs?: number } = {},
): Promise<SippResult> {
  return runSipp({
    scenario: options.scenario ?? SCENARIOS.uacDtmf,
    service: 'office',
    remote: testbed.proxyAddress,
    auth: { user: 'caller1', password: testbed.users.caller1 },
    dir: testbed.dir,
    timeoutSeconds: options.timeoutSeconds ?? 20,
    ...(options.pauseMs !== undefined ? { extraArgs: ['-d', String(options.pauseMs)] } : {}),
  });
}
