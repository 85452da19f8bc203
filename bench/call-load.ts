/**
 * Call load on the headless engine (issue 3): SIPp places calls at a fixed rate until N are up at
 * once, holds them, then ends them. Each call: INVITE -> 180 -> 200 (SDP answer) -> ACK, the
 * engine's 1.2 s greeting and then silence, one RFC 4733 digit, BYE. Prints per concurrency level:
 * failed calls, INVITE->200 p50/p99, RTP send jitter p50/p99 measured at a receiver, digits
 * detected / sent, engine CPU % and RSS. Prints figures; asserts nothing.
 *
 * NOT part of `npm run bench` (bench/run-all.ts): it must run inside a private network namespace,
 * because the SIP test bed binds fixed ports on 127.0.0.1. After a build (`npx tsc -b`):
 *
 *   node scripts/in-netns.mjs npx tsx bench/call-load.ts
 *
 * Overrides (environment): BENCH_CALLS=100,250,500,1000 (concurrency levels), BENCH_RATE=50
 * (calls/s), BENCH_HOLD_S=10 (seconds during which all N calls are up). A level lasts about
 * N / rate + hold + 3 s of SIPp, plus ~2 s to start the test bed and the engine.
 *
 * Setup per level, all on 127.0.0.1 in the namespace:
 * - Kamailio (test/pbx/testbed.ts, auth off) as the line's registrar; the engine registers to it
 *   as it would to the office PBX. SIPp then sends its INVITEs straight to the contact the
 *   engine registered (read from Kamailio's log): Kamailio is not in the call path, so its
 *   cost is not measured. The engine accepts them, as they come from the registrar's IP.
 * - bench/rtp-receiver.ts, in its own process: SIPp's SDP (bench/sipp/uac-load.xml) points the
 *   engine's RTP at it; it records each stream's inter-arrival deviation from 20 ms. It measures
 *   only while all N calls are up (from 1 s after the last INVITE to 0.5 s before the first
 *   digit, when symmetric RTP moves each stream to SIPp's media port).
 * - Engine CPU % (all threads, 100 % = one core) over that same window, from /proc/<pid>/stat;
 *   RSS at its end (VmRSS) and the peak over the level (VmHWM), from /proc/<pid>/status.
 * - INVITE->200 on the wire: a capture of SIPp's SIP port (dumpcap), first INVITE to first 200
 *   per Call-ID, kernel timestamps. SIPp's own response time (rtd, -trace_rtt) is printed too;
 *   it is quantised to 4 ms here (SIPp reads a coarse clock).
 * - Digits: a <log> line per digit SIPp sent vs `digit received` lines in the engine's log.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg, networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import {
  findExecutable,
  startProcess,
  stopProcesses,
  waitUntil,
  type SupervisedProcess,
} from '../test/pbx/process-supervisor.js';
import { startTestbed, type Testbed } from '../test/pbx/testbed.js';
import { tempDir } from '../test/fakes/temp-dir.js';
import type { EngineProcess } from '../test/support/engine-process.js';
import { startOfficeEngine } from '../test/support/office-engine.js';
import { percentile } from '../electron/engine/media/percentile.js';

const SELF = 'node scripts/in-netns.mjs npx tsx bench/call-load.ts';
const LEVELS = (process.env.BENCH_CALLS ?? '100,250,500,1000').split(',').map((n) => Number(n.trim()));
const RATE = Number(process.env.BENCH_RATE ?? 50);
const HOLD_S = Number(process.env.BENCH_HOLD_S ?? 10);
const SCENARIO = fileURLToPath(new URL('./sipp/uac-load.xml', import.meta.url));
const RECEIVER = fileURLToPath(new URL('./rtp-receiver.ts', import.meta.url));
const SIPP_SIP_PORT = 5070;
const SIPP_MEDIA_PORT = 6000;
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** Refuses to run outside the private namespace made by scripts/in-netns.mjs. */
function requirePrivateNetns(): void {
  const others = Object.keys(networkInterfaces()).filter((name) => name !== 'lo');
  if (process.env.SWITCHBOARD_NETNS !== '1' || others.length > 0) {
    console.error(
      'bench/call-load.ts must run inside a private network namespace (the SIP test bed binds fixed ' +
        'ports on 127.0.0.1, and SIPp floods the loopback). Run it as:\n' +
        `  ${SELF}\n` +
        (others.length > 0 ? `(this namespace has interfaces besides lo: ${others.join(', ')})\n` : ''),
    );
    process.exit(2);
  }
  for (const tool of ['sipp', 'kamailio']) {
    if (!findExecutable(tool)) {
      console.error(
        `bench/call-load.ts: ${tool} is missing; see test/pbx/testbed.ts for the install command`,
      );
      process.exit(2);
    }
  }
}

/** utime + stime of a process (all its threads), in seconds; undefined once it is gone. */
function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return undefined;
  }
}

/** A `/proc/<pid>/status` memory field (VmRSS, VmHWM) in MiB. */
function memoryMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** This namespace's UDP counters (/proc/net/snmp): datagrams dropped for a full buffer etc. */
function udpCounters(): Record<string, number> {
  const lines = readOrEmpty('/proc/net/snmp')
    .split('\n')
    .filter((line) => line.startsWith('Udp: '))
    .map((line) => line.slice(5).trim().split(/\s+/));
  const [names = [], values = []] = lines;
  return Object.fromEntries(names.map((name, i) => [name, Number(values[i] ?? Number.NaN)]));
}

/** CPU seconds all processes of the machine (every namespace) spent busy, from /proc/stat. */
function machineBusySeconds(): number {
  const fields = (/^cpu\s+(.*)$/m.exec(readOrEmpty('/proc/stat'))?.[1] ?? '').split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal: busy is everything but idle and iowait.
  const busy = fields.slice(0, 8).reduce((sum, value, i) => (i === 3 || i === 4 ? sum : sum + value), 0);
  return busy / CLK_TCK;
}

/** Key under which a CpuMark keeps the machine-wide figure. */
const MACHINE = -1;

interface CpuMark {
  at: number;
  seconds: Map<number, number | undefined>;
}
function markCpu(pids: readonly number[]): CpuMark {
  const seconds = new Map<number, number | undefined>(pids.map((pid) => [pid, cpuSeconds(pid)]));
  seconds.set(MACHINE, machineBusySeconds());
  return { at: performance.now(), seconds };
}
function cpuPercent(pid: number, from: CpuMark | undefined, to: CpuMark | undefined): number {
  const a = from?.seconds.get(pid);
  const b = to?.seconds.get(pid);
  if (!from || !to || a === undefined || b === undefined) return Number.NaN;
  return ((b - a) / ((to.at - from.at) / 1000)) * 100;
}

interface ReceiverFigures {
  packets: number;
  streams: number;
  p50: number;
  p99: number;
}
interface Receiver {
  pid: number;
  port: number;
  stop(): Promise<ReceiverFigures | undefined>;
}

/** bench/rtp-receiver.ts in its own process; it measures from `warmupMs` after its start. */
async function startReceiver(warmupMs: number): Promise<Receiver> {
  const child = spawn(process.execPath, ['--import', 'tsx', RECEIVER], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, WARMUP_MS: String(warmupMs) },
  });
  const lines = createInterface({ input: child.stdout });
  const iterator = lines[Symbol.asyncIterator]();
  const port = Number((await iterator.next()).value);
  if (!Number.isInteger(port) || port <= 0) throw new Error('the RTP receiver did not report its port');
  let result: Promise<ReceiverFigures | undefined> | undefined;
  return {
    pid: child.pid ?? 0,
    port,
    stop() {
      result ??= (async () => {
        child.kill('SIGTERM');
        const line = await iterator.next();
        return line.done ? undefined : (JSON.parse(String(line.value)) as ReceiverFigures);
      })();
      return result;
    },
  };
}

interface Capture {
  /** Stops the capture and returns INVITE->200 per call (ms), from the first INVITE sent. */
  stop(): Promise<number[]>;
}

/** Captures SIPp's SIP traffic (only that: the filter runs in the kernel) with dumpcap. */
async function startSipCapture(dir: string): Promise<Capture | undefined> {
  const dumpcap = findExecutable('dumpcap');
  const tshark = findExecutable('tshark');
  if (!dumpcap || !tshark) return undefined;
  const file = join(dir, 'sip.pcap');
  const proc = await startProcess({
    name: 'dumpcap',
    command: dumpcap,
    args: ['-q', '-i', 'lo', '-f', `udp port ${SIPP_SIP_PORT}`, '-w', file],
    logPath: join(dir, 'dumpcap.log'),
  });
  await waitUntil(() => /^File: /m.test(proc.log()), {
    what: 'dumpcap capturing',
    timeoutMs: 5000,
    details: () => proc.log(),
  });
  let result: Promise<number[]> | undefined;
  const stop = async (): Promise<number[]> => {
    await stopProcesses([proc]);
    const fields = execFileSync(
      tshark,
      ['-r', file, '-d', `udp.port==${SIPP_SIP_PORT},sip`, '-Y', 'sip', '-T', 'fields', '-E', 'separator=;']
        .concat(['-e', 'frame.time_epoch', '-e', 'sip.Call-ID', '-e', 'sip.Method'])
        .concat(['-e', 'sip.Status-Code', '-e', 'sip.CSeq.method']),
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const invites = new Map<string, number>();
    const answers = new Map<string, number>();
    for (const line of fields.split('\n')) {
      const [time, callId, method, status, cseqMethod] = line.split(';');
      if (!time || !callId) continue;
      const at = Number(time) * 1000;
      if (method === 'INVITE' && !invites.has(callId)) invites.set(callId, at);
      if (status === '200' && cseqMethod === 'INVITE' && !answers.has(callId)) answers.set(callId, at);
    }
    return [...answers].flatMap(([callId, at]) => {
      const sent = invites.get(callId);
      return sent === undefined ? [] : [at - sent];
    });
  };
  return { stop: () => (result ??= stop()) };
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** SIPp's -trace_stat CSV: header row, then one row per -fd period and a last one at exit. */
function parseStats(csv: string): Record<string, string>[] {
  const rows = csv
    .trim()
    .split('\n')
    .map((line) => line.split(';'));
  const header = rows[0] ?? [];
  return rows.slice(1).map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

/** Response times (ms) from SIPp's -trace_rtt file: "date_ms;response_time_ms;rtd_no" rows. */
function parseRtt(dir: string): number[] {
  const file = readdirSync(dir).find((name) => name.endsWith('_rtt.csv'));
  if (!file) return [];
  return readOrEmpty(join(dir, file))
    .trim()
    .split('\n')
    .map((line) => line.split(';'))
    .filter((fields) => /^\d/.test(fields[0] ?? ''))
    .map((fields) => Number(fields[1]));
}

interface LevelResult {
  calls: number;
  peakConcurrent: number;
  failed: number;
  successful: number;
  failureReasons: string[];
  inviteTo200Wire: number[] | undefined;
  inviteTo200Sipp: number[];
  jitter: ReceiverFigures | undefined;
  digitsSent: number;
  digitsDetected: number;
  otherDigits: string[];
  engineCpu: number;
  engineRss: number;
  engineRssPeak: number;
  sippCpu: number;
  receiverCpu: number;
  /** Busy CPU of the whole machine (100 % = one core), all namespaces, in the hold window. */
  machineCpu: number;
  load1: number;
  /** Changes of this namespace's UDP error counters over the hold window. */
  udp: Record<string, number>;
  sippExit: string;
  sippCommand: string;
  problems: string[];
  dir: string;
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

async function runLevel(calls: number, benchDir: string): Promise<LevelResult> {
  const dir = join(benchDir, `calls-${calls}`);
  mkdirSync(dir, { recursive: true });
  const rampMs = ((calls - 1) * 1000) / RATE;
  const pauseMs = Math.round(rampMs + HOLD_S * 1000);
  const windowStartMs = rampMs + 1000;
  const windowEndMs = pauseMs - 500;
  const load1 = loadavg()[0] ?? Number.NaN;

  let testbed: Testbed | undefined;
  let engine: EngineProcess | undefined;
  let receiver: Receiver | undefined;
  let sipp: SupervisedProcess | undefined;
  let capture: Capture | undefined;
  const data = tempDir('switchboard-call-load-');
  try {
    testbed = await startTestbed({ auth: false });
    engine = await startOfficeEngine(testbed, data.path);
    const enginePid = engine.child.pid ?? 0;
    const registered = /TESTBED REGISTERED office contact <sip:office@([\d.]+):(\d+)[;>]/;
    const kamailioLog = (): string => testbed?.logs('kamailio') ?? '';
    await waitUntil(() => registered.test(kamailioLog()), {
      what: 'the engine registering its office line at kamailio',
      timeoutMs: 10_000,
      details: () => `${tail(kamailioLog(), 20)}\n--- engine ---\n${tail(engine?.stderr() ?? '', 20)}`,
    });
    const [, contactHost, contactPort] = registered.exec(kamailioLog()) ?? [];

    capture = await startSipCapture(dir);
    receiver = await startReceiver(windowStartMs);
    const args = [
      `${contactHost}:${contactPort}`,
      '-sf',
      SCENARIO,
      '-s',
      'office',
      '-i',
      '127.0.0.1',
      '-p',
      String(SIPP_SIP_PORT),
      '-mi',
      '127.0.0.1',
      '-mp',
      String(SIPP_MEDIA_PORT),
      '-t',
      'u1',
      '-r',
      String(RATE),
      '-rp',
      '1000',
      '-l',
      String(calls),
      '-m',
      String(calls),
      '-d',
      String(pauseMs),
      '-key',
      'rtp_sink_port',
      String(receiver.port),
      '-recv_timeout',
      '10000',
      '-timeout',
      `${Math.ceil((pauseMs + rampMs) / 1000) + 30}s`,
      '-timeout_error',
      '-nostdin',
      '-trace_stat',
      '-stf',
      join(dir, 'stats.csv'),
      '-fd',
      '1',
      '-trace_rtt',
      '-rtt_freq',
      '1',
      '-trace_logs',
      '-log_file',
      join(dir, 'digits.log'),
      '-trace_err',
      '-error_file',
      join(dir, 'errors.log'),
      '-trace_screen',
      '-screen_file',
      join(dir, 'screen.log'),
    ];
    const sippCommand = `sipp ${args.join(' ')}`;
    const started = performance.now();
    sipp = await startProcess({
      name: 'sipp',
      command: findExecutable('sipp') ?? 'sipp',
      args,
      logPath: join(dir, 'sipp.log'),
      cwd: dir,
    });
    const sippPid = sipp.pid;
    const pids = [enginePid, sippPid, receiver.pid];
    const sippDone = sipp.exited;
    const at = (ms: number): Promise<unknown> =>
      Promise.race([sleep(Math.max(0, started + ms - performance.now())), sippDone]);

    // The hold window: every call is up, none has sent its digit yet.
    let windowStart: CpuMark | undefined;
    let windowEnd: CpuMark | undefined;
    let engineRss = Number.NaN;
    let jitter: ReceiverFigures | undefined;
    let udpBefore: Record<string, number> = {};
    let udpAfter: Record<string, number> = {};
    const sampling = (async () => {
      await at(windowStartMs);
      if (!sipp?.running()) return;
      windowStart = markCpu(pids);
      udpBefore = udpCounters();
      await at(windowEndMs);
      if (!sipp?.running()) return;
      windowEnd = markCpu(pids);
      udpAfter = udpCounters();
      engineRss = memoryMiB(enginePid, 'VmRSS');
      jitter = await receiver?.stop();
    })();
    const sippExit = await sipp.exited;
    await sampling;
    // Let the engine log the last BYEs before its log is read.
    await sleep(500);
    const engineRssPeak = memoryMiB(enginePid, 'VmHWM');
    const engineLog = engine.stderr();
    const inviteTo200Wire = await capture?.stop();
    const udp = Object.fromEntries(
      ['RcvbufErrors', 'SndbufErrors', 'NoPorts', 'InErrors'].map((name) => [
        name,
        (udpAfter[name] ?? Number.NaN) - (udpBefore[name] ?? Number.NaN),
      ]),
    );

    const stats = parseStats(readOrEmpty(join(dir, 'stats.csv')));
    const last = stats.at(-1) ?? {};
    const count = (name: string): number => Number(last[name] ?? Number.NaN);
    const failureReasons = Object.entries(last)
      .filter(([name, value]) => name.startsWith('Failed') && name.endsWith('(C)') && Number(value) > 0)
      .filter(([name]) => name !== 'FailedCall(C)')
      .map(([name, value]) => `${name.replace('(C)', '')} ${value}`);
    for (const name of [
      'OutOfCallMsgs(C)',
      'DeadCallMsgs(C)',
      'Retransmissions(C)',
      'Warnings(C)',
      'FatalErrors(C)',
    ]) {
      if (Number(last[name] ?? 0) > 0) failureReasons.push(`${name.replace('(C)', '')} ${last[name]}`);
    }

    const digitLines = [
      ...engineLog.matchAll(/digit received \{"callId":"[^"]+","digit":"(.)","via":"(\w+)"\}/g),
    ];
    const detected = digitLines.filter((m) => m[1] === '1' && m[2] === 'rfc4733').length;
    const otherDigits = digitLines
      .filter((m) => !(m[1] === '1' && m[2] === 'rfc4733'))
      .map((m) => `${m[1]}/${m[2]}`);
    const digitsSent = (readOrEmpty(join(dir, 'digits.log')).match(/digit sent /g) ?? []).length;

    const problems: string[] = [];
    const engineWarnings = engineLog.split('\n').filter((line) => / (WARN|ERROR) /.test(line));
    if (engineWarnings.length > 0) {
      problems.push(
        `engine: ${engineWarnings.length} WARN/ERROR lines, last ones:\n${engineWarnings.slice(-10).join('\n')}`,
      );
    }
    const errors = readOrEmpty(join(dir, 'errors.log'));
    if (errors.trim()) problems.push(`SIPp -trace_err (${dir}/errors.log), last lines:\n${tail(errors, 30)}`);
    if (!sippExit.endsWith('code 0')) {
      problems.push(
        `SIPp ${sippExit}; last lines of its output:\n${tail(readOrEmpty(join(dir, 'sipp.log')), 15)}`,
      );
    }
    if (!jitter) problems.push('no jitter figures (SIPp ended before the hold window closed)');

    return {
      calls,
      peakConcurrent: Math.max(0, ...stats.map((row) => Number(row['CurrentCall'] ?? 0))),
      failed: count('FailedCall(C)'),
      successful: count('SuccessfulCall(C)'),
      failureReasons,
      inviteTo200Wire,
      inviteTo200Sipp: parseRtt(dir),
      jitter,
      digitsSent,
      digitsDetected: detected,
      otherDigits,
      engineCpu: cpuPercent(enginePid, windowStart, windowEnd),
      engineRss,
      engineRssPeak,
      sippCpu: cpuPercent(sippPid, windowStart, windowEnd),
      receiverCpu: cpuPercent(receiver.pid, windowStart, windowEnd),
      machineCpu: cpuPercent(MACHINE, windowStart, windowEnd),
      load1,
      udp,
      sippExit,
      sippCommand,
      problems,
      dir,
    };
  } finally {
    if (sipp?.running()) await stopProcesses([sipp]);
    await capture?.stop().catch(() => []);
    await receiver?.stop();
    await engine?.stop();
    await testbed?.stop();
    data.remove();
  }
}

const f = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');

requirePrivateNetns();
if (LEVELS.some((n) => !Number.isInteger(n) || n < 1) || !(RATE > 0) || !(HOLD_S >= 2)) {
  console.error('BENCH_CALLS must list positive integers, BENCH_RATE be > 0 and BENCH_HOLD_S be >= 2');
  process.exit(2);
}
const benchDir = join(tmpdir(), `switchboard-call-load-${process.pid}`);
mkdirSync(benchDir, { recursive: true });
console.log(
  `call load: SIPp -> headless engine, ${RATE} calls/s, all N calls up for ${HOLD_S} s (node ${process.version})`,
);
console.log(`command: ${SELF}   (BENCH_CALLS=${LEVELS.join(',')} BENCH_RATE=${RATE} BENCH_HOLD_S=${HOLD_S})`);
console.log(`SIPp traces and stats: ${benchDir}/calls-N/`);
const results: LevelResult[] = [];
for (const calls of LEVELS) {
  let result: LevelResult;
  try {
    result = await runLevel(calls, benchDir);
  } catch (error) {
    console.log(
      `\n[${calls} calls] could not run: ${error instanceof Error ? error.message : String(error)}`,
    );
    continue;
  }
  results.push(result);
  console.log(`\n[${calls} calls] ${result.sippCommand}`);
  // Tick-sampled per-process and machine-wide counters differ by a few %: never below zero.
  const others = Math.max(0, result.machineCpu - result.engineCpu - result.sippCpu - result.receiverCpu);
  const details = [
    `SIPp ${result.sippExit}: ${result.successful} successful, ${result.failed} failed` +
      (result.failureReasons.length > 0 ? ` (SIPp counters: ${result.failureReasons.join(', ')})` : ''),
    `INVITE->200 as SIPp saw it (rtd, 4 ms ticks): p50 ${f(percentile(result.inviteTo200Sipp, 50), 0)} ms, ` +
      `p99 ${f(percentile(result.inviteTo200Sipp, 99), 0)} ms` +
      (result.inviteTo200Wire ? '' : ' (no dumpcap/tshark: the table shows these)'),
    `RTP receiver, hold window: ${result.jitter?.packets ?? 0} packets from ${result.jitter?.streams ?? 0} streams`,
    `hold-window CPU (100 % = one core): engine ${f(result.engineCpu, 0)} %, SIPp ${f(result.sippCpu, 0)} %, ` +
      `receiver ${f(result.receiverCpu, 0)} %, whole machine ${f(result.machineCpu, 0)} % of 200 % ` +
      `(other programs about ${f(others, 0)} %); load average at start ${f(result.load1, 2)}`,
    `hold-window UDP errors in the namespace: ${Object.entries(result.udp)
      .map(([name, value]) => `${name} ${value}`)
      .join(', ')}`,
    ...(result.otherDigits.length > 0 ? [`other digits detected: ${result.otherDigits.join(' ')}`] : []),
  ];
  for (const line of details) console.log(`  ${line}`);
  for (const problem of result.problems) console.log(`  ${problem.replaceAll('\n', '\n    ')}`);
}

console.log(
  '\n  calls  peak up  failed  INVITE->200 p50/p99  send jitter p50/p99  digits det/sent  engine CPU  RSS hold/peak',
);
for (const r of results) {
  const wire = r.inviteTo200Wire ?? r.inviteTo200Sipp;
  console.log(
    `${String(r.calls).padStart(7)}  ${String(r.peakConcurrent).padStart(7)}  ${String(r.failed).padStart(6)}  ` +
      `${`${f(percentile(wire, 50))} / ${f(percentile(wire, 99))} ms`.padStart(19)}  ` +
      `${`${f(r.jitter?.p50 ?? Number.NaN, 2)} / ${f(r.jitter?.p99 ?? Number.NaN, 2)} ms`.padStart(19)}  ` +
      `${`${r.digitsDetected} / ${r.digitsSent}`.padStart(15)}  ${`${f(r.engineCpu, 0)} %`.padStart(10)}  ` +
      `${f(r.engineRss, 0)} / ${f(r.engineRssPeak, 0)} MiB`,
  );
}
console.log(
  'INVITE->200: on the wire (dumpcap). Send jitter: |inter-arrival - 20 ms| per packet at the receiver, ' +
    'hold window. Engine CPU: all its threads, hold window, 100 % = one core. RSS: end of hold / peak (VmHWM).',
);
console.log(
  '\ntarget (2 cores): 1000 concurrent calls with 0 failures, send jitter p99 <= 2 ms, INVITE->200 p99 <= 20 ms at 50 calls/s',
);
