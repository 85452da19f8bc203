/**
 * The SIP test bed: real SIP peers on 127.0.0.1 that stand in for the office PBX and its phones.
 *
 *   rtpengine   media relay (bridges WebRTC and plain RTP), control ("ng") on udp 127.0.0.1:2223
 *   kamailio    registrar + proxy: SIP on udp/tcp 127.0.0.1:5060, ws://127.0.0.1:8080
 *               (test/pbx/kamailio.cfg), digest auth with static users when `auth` is on
 *   baresip     one process per agent phone: registers, auto-answers, plays a tone, and reports
 *               events (incl. DTMF) over ctrl_tcp (see baresip-agent.ts)
 *
 * Tests must run inside a private network namespace (`node scripts/in-netns.mjs vitest ...`):
 * the ports are fixed, and there they are ours alone. Only one test bed runs at a time per
 * process. Everything a run writes (configs, logs, recordings, control sockets) lives in a fresh
 * temp dir, removed by stop() unless SWITCHBOARD_KEEP_TESTBED=1 (or the start failed).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BaresipAgent } from './baresip-agent.js';
import { canConnectTcp, pingRtpengine, pingSipUdp } from './probes.js';
import {
  descendantPids,
  exitedReason,
  findExecutable,
  logTail,
  startProcess,
  stopProcesses,
  waitUntil,
  type SupervisedProcess,
} from './process-supervisor.js';
import { sineTone, writePcmWav } from './wav.js';

export const INSTALL_COMMAND =
  'apt-get install -y --no-install-recommends kamailio kamailio-websocket-modules rtpengine-daemon baresip-core sip-tester';

/** Programs the test bed needs, and the Debian package each comes from. */
export const REQUIRED_TOOLS: Readonly<Record<string, string>> = {
  kamailio: 'kamailio',
  rtpengine: 'rtpengine-daemon',
  baresip: 'baresip-core',
  sipp: 'sip-tester',
  ip: 'iproute2',
};

/** The static SIP users kamailio knows (user name => password). `office` is the engine's line. */
export const USERS = {
  agent1: 'agent1pw',
  agent2: 'agent2pw',
  caller1: 'caller1pw',
  web1: 'web1pw',
  office: 'officepw',
} as const;
export type UserName = keyof typeof USERS;
export type AgentName = 'agent1' | 'agent2';

export const HOST = '127.0.0.1';
const SIP_PORT = 5060;
const WS_PORT = 8080;
const RTPENGINE_NG_PORT = 2223;
const BARESIP_MODULE_PATH = '/usr/lib/baresip/modules';
const KAMAILIO_CFG = fileURLToPath(new URL('./kamailio.cfg', import.meta.url));

/**
 * Per-agent ports, all distinct: SIP listen (baresip also takes the next port, for SIP over TLS),
 * ctrl_tcp, RTP range; and the tone each plays, so recordings tell the agents apart.
 */
const AGENT_SETUP: Readonly<
  Record<AgentName, { sipPort: number; ctrlPort: number; rtpPorts: string; toneHz: number }>
> = {
  agent1: { sipPort: 5081, ctrlPort: 4444, rtpPorts: '20000-20099', toneHz: 440 },
  agent2: { sipPort: 5091, ctrlPort: 4445, rtpPorts: '20100-20199', toneHz: 660 },
};

export interface TestbedOptions {
  /** Digest auth on every REGISTER/INVITE/... (kamailio -A WITH_AUTH). Default true. */
  auth?: boolean;
  /** Agent phones to start and register. Default none. */
  agents?: AgentName[];
  /**
   * What an agent plays into its calls instead of its tone: a WAV file, best 8 kHz 16-bit mono
   * PCM (what aufile reads without conversion). It plays from the start of each call, once, and
   * baresip 1.0 hangs up when it runs out ("menu: audio error (0,end of file)", at aufile's next
   * 1 s check): make it longer than the calls it is used in.
   */
  agentAudio?: Partial<Record<AgentName, string>>;
  /** Agents that ring until told to answer (`accept`), instead of answering at once. */
  manualAnswer?: AgentName[];
}

export interface Testbed {
  /** Per-run temp dir: configs, logs/<name>.log, run/ (pid, ctl socket), per-agent dirs. */
  readonly dir: string;
  readonly auth: boolean;
  /** SIP domain / proxy host ("127.0.0.1"). */
  readonly host: string;
  /** SIP over UDP and TCP. */
  readonly sipPort: number;
  /** "127.0.0.1:5060", e.g. SIPp's remote host. */
  readonly proxyAddress: string;
  readonly wsPort: number;
  /** "ws://127.0.0.1:8080" for the browser softphone. */
  readonly wsUrl: string;
  /** rtpengine's control socket, "udp:127.0.0.1:2223". */
  readonly rtpengineNg: string;
  /** Passwords of the static users. */
  readonly users: typeof USERS;
  readonly agents: ReadonlyMap<AgentName, BaresipAgent>;
  /** Milliseconds spent in each start phase, and in total. */
  readonly timings: Readonly<Record<'rtpengine' | 'kamailio' | 'agents' | 'total', number>>;
  /** The agent's client; throws if it was not started. */
  agent(name: AgentName): BaresipAgent;
  /** "sip:<user>@127.0.0.1:5060". */
  uri(user: string): string;
  /** Every PID the test bed runs now: main processes and their children (kamailio's workers). */
  pids(): number[];
  /** Output of one process so far ("rtpengine", "kamailio", "agent1"...), also after stop(). */
  logs(name: string): string;
  /**
   * The agent's call recordings so far, oldest first (full paths). baresip's sndfile module
   * writes two 16-bit PCM WAV files per call, named after the second the audio started:
   * `dump-<YYYY-MM-DD-hh-mm-ss>-enc.wav` (what the agent sent) and `...-dec.wav` (what it heard,
   * decoded as it arrived). Their headers are complete once the call has closed.
   */
  recordings(name: AgentName): string[];
  /**
   * Stops kamailio (its registrations, held in memory, are lost as in a PBX restart), awaits
   * `whileDown`, and starts it again on the same ports.
   */
  restartKamailio(whileDown?: () => Promise<unknown>): Promise<void>;
  /** Stops agents, then kamailio and rtpengine; removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

let running = false;

/** Throws unless every program is installed, naming the missing ones and how to install them. */
export function checkTools(): Map<string, string> {
  const found = new Map<string, string>();
  const missing: string[] = [];
  for (const [tool, pkg] of Object.entries(REQUIRED_TOOLS)) {
    const path = findExecutable(tool);
    if (path) found.set(tool, path);
    else missing.push(`${tool} (package ${pkg})`);
  }
  if (missing.length > 0) {
    throw new Error(
      `SIP test bed: missing ${missing.join(', ')}. Install with:\n  ${INSTALL_COMMAND}` +
        (missing.some((m) => m.startsWith('ip ')) ? '\n  apt-get install -y iproute2' : ''),
    );
  }
  const websocketModule = [
    '/usr/lib/x86_64-linux-gnu',
    '/usr/lib/aarch64-linux-gnu',
    '/usr/lib',
    '/usr/lib64',
  ]
    .map((dir) => join(dir, 'kamailio/modules/websocket.so'))
    .some((path) => existsSync(path));
  if (!websocketModule) {
    throw new Error(
      `SIP test bed: kamailio's websocket module is missing (package kamailio-websocket-modules). Install with:\n  ${INSTALL_COMMAND}`,
    );
  }
  if (!existsSync(join(BARESIP_MODULE_PATH, 'ctrl_tcp.so'))) {
    throw new Error(
      `SIP test bed: ${BARESIP_MODULE_PATH}/ctrl_tcp.so is missing (package baresip-core). Install with:\n  ${INSTALL_COMMAND}`,
    );
  }
  return found;
}

const NETNS_HINT =
  'Run the tests through it, e.g.\n  node scripts/in-netns.mjs vitest run --project integration\n' +
  '(the test bed binds fixed ports on 127.0.0.1, which must not meet the host network).';

/**
 * Throws unless this process runs in the private network namespace made by scripts/in-netns.mjs:
 * the flag it sets must be there, and the only network interface must be the loopback (so a
 * stray SWITCHBOARD_NETNS=1 in the host namespace is caught too).
 */
export function checkPrivateNetns(): void {
  if (process.env.SWITCHBOARD_NETNS !== '1') {
    throw new Error(`SIP test bed: not inside a private network namespace. ${NETNS_HINT}`);
  }
  const others = Object.keys(networkInterfaces()).filter((name) => name !== 'lo');
  if (others.length > 0) {
    throw new Error(
      `SIP test bed: SWITCHBOARD_NETNS=1 is set, but this network namespace has interfaces ` +
        `${others.join(', ')} besides lo: it is not the private one. ${NETNS_HINT}`,
    );
  }
}

function baresipConfig(dir: string, name: AgentName, audioSource: string): string {
  const setup = AGENT_SETUP[name];
  return [
    `# baresip agent "${name}" for the Switchboard SIP test bed (written by test/pbx/testbed.ts)`,
    'poll_method epoll',
    `sip_listen ${HOST}:${setup.sipPort}`,
    // An interface name ("lo") fails with "No such device": give the address.
    `net_interface ${HOST}`,
    'net_af ipv4',
    `rtp_ports ${setup.rtpPorts}`,
    // No jitter buffer: on loopback packets arrive in order, and with one the RTP packets that end
    // the last DTMF digit stay buffered until more RTP comes (no CALL_DTMF_END for it).
    'jitter_buffer_delay 0-0',
    '',
    '# Audio: play a file into calls (a tone unless agentAudio names another); received audio goes',
    '# nowhere (no sound card here).',
    `audio_source aufile,${audioSource}`,
    'audio_player aubridge,nowhere',
    'audio_alert aubridge,nowhere',
    '',
    `module_path ${BARESIP_MODULE_PATH}`,
    'module g711.so',
    'module aufile.so',
    'module aubridge.so',
    '# sndfile records each call (both directions) as WAV into snd_path.',
    'module sndfile.so',
    `snd_path ${join(dir, 'rec')}`,
    'module_app account.so',
    'module_app menu.so',
    '',
    '# Events (registration, calls, DTMF) and commands as netstring-framed JSON.',
    'module_app ctrl_tcp.so',
    `ctrl_tcp_listen ${HOST}:${setup.ctrlPort}`,
    '',
  ].join('\n');
}

function baresipAccounts(name: AgentName, manualAnswer: boolean): string {
  return [
    '# One account: registers at the test-bed proxy and answers every call at once (or rings).',
    `<sip:${name}@${HOST}:${SIP_PORT}>;auth_pass=${USERS[name]};answermode=${manualAnswer ? 'manual' : 'auto'};regint=300;audio_codecs=PCMU,PCMA`,
    '',
  ].join('\n');
}

/** Starts rtpengine, kamailio and the requested agents, each waited for until it is usable. */
export async function startTestbed(options: TestbedOptions = {}): Promise<Testbed> {
  const auth = options.auth ?? true;
  const agentNames = [...new Set(options.agents ?? [])];

  checkPrivateNetns();
  const tools = checkTools();
  const tool = (name: string): string => tools.get(name) ?? name;
  if (running) throw new Error('SIP test bed: one is already running in this process; stop() it first');
  running = true;

  const t0 = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-testbed-'));
  const runDir = join(dir, 'run');
  const logDir = join(dir, 'logs');
  mkdirSync(runDir);
  mkdirSync(logDir);

  const processes = new Map<string, SupervisedProcess>();
  const agents = new Map<AgentName, BaresipAgent>();
  const savedLogs = new Map<string, string>();
  const logPath = (name: string): string => join(logDir, `${name}.log`);
  const start = async (name: string, command: string, args: string[]): Promise<SupervisedProcess> => {
    const proc = await startProcess({ name, command, args, logPath: logPath(name), cwd: dir });
    processes.set(name, proc);
    return proc;
  };

  let stopped = false;
  const stop = async (removeDir: boolean): Promise<void> => {
    if (stopped) return;
    stopped = true;
    try {
      // Agents first: they un-REGISTER, which waits ~4 s if kamailio is already gone.
      const agentProcs = [...processes.values()].filter((p) => p.name.startsWith('agent'));
      await stopProcesses(agentProcs);
      for (const agent of agents.values()) agent.close();
      await stopProcesses([...processes.values()].filter((p) => !agentProcs.includes(p)));
    } finally {
      for (const proc of processes.values()) savedLogs.set(proc.name, proc.log());
      if (removeDir && process.env.SWITCHBOARD_KEEP_TESTBED !== '1')
        rmSync(dir, { recursive: true, force: true });
      running = false;
    }
  };

  /** Starts kamailio and waits until it answers on UDP, TCP and the WebSocket port. */
  const startKamailio = async (): Promise<SupervisedProcess> => {
    const kamailioArgs = [
      '-f',
      KAMAILIO_CFG,
      '-DD', // stay in the foreground, so the PID we hold is the main process
      '-E', // log to stderr (our log file)
      '-m',
      '64',
      '-M',
      '8',
      '-Y',
      runDir,
      '-P',
      join(runDir, 'kamailio.pid'),
      '-A',
      `SIP_PORT=${SIP_PORT}`,
      '-A',
      `WS_PORT=${WS_PORT}`,
      '-A',
      `RTPENGINE_SOCK="udp:${HOST}:${RTPENGINE_NG_PORT}"`,
      '-A',
      `CTL_SOCKET="unix:${join(runDir, 'kamailio_ctl')}"`,
      ...(auth ? ['-A', 'WITH_AUTH'] : []),
    ];
    const proc = await start('kamailio', tool('kamailio'), kamailioArgs);
    await waitUntil(
      async () =>
        (await pingSipUdp(HOST, SIP_PORT, 50)) &&
        (await canConnectTcp(HOST, SIP_PORT)) &&
        (await canConnectTcp(HOST, WS_PORT)),
      {
        what: `kamailio answering on udp/tcp ${HOST}:${SIP_PORT} and tcp ${HOST}:${WS_PORT}`,
        timeoutMs: 5000,
        abortIf: exitedReason(proc),
        details: () => logTail(proc),
      },
    );
    return proc;
  };
  let kamailio: SupervisedProcess | undefined;

  const timings = { rtpengine: 0, kamailio: 0, agents: 0, total: 0 };
  try {
    // 1. rtpengine, before kamailio: kamailio pings it at start and otherwise disables it for
    //    60 s. --config-file=none skips Debian's config (which selects the kernel module).
    let mark = performance.now();
    const rtpengine = await start('rtpengine', tool('rtpengine'), [
      '--config-file=none',
      '--table=-1',
      `--interface=${HOST}`,
      `--listen-ng=${HOST}:${RTPENGINE_NG_PORT}`,
      '--port-min=30000',
      '--port-max=30199',
      '--num-threads=2',
      '--log-level=6',
      '--foreground',
      '--log-stderr',
    ]);
    await waitUntil(() => pingRtpengine(HOST, RTPENGINE_NG_PORT, 50), {
      what: `rtpengine answering ng ping on ${HOST}:${RTPENGINE_NG_PORT}`,
      timeoutMs: 5000,
      abortIf: exitedReason(rtpengine),
      details: () => logTail(rtpengine),
    });
    timings.rtpengine = performance.now() - mark;

    // 2. kamailio, parameterised with -A defines (see the top of kamailio.cfg).
    mark = performance.now();
    kamailio = await startKamailio();
    timings.kamailio = performance.now() - mark;

    // 3. Agents, in parallel: each registers (with digest auth if on) before we return.
    mark = performance.now();
    // allSettled, not all: on a failure, no other agent may still be starting while we stop.
    const results = await Promise.allSettled(
      agentNames.map(async (name) => {
        const setup = AGENT_SETUP[name];
        const agentDir = join(dir, name);
        mkdirSync(join(agentDir, 'rec'), { recursive: true });
        // 60 s of tone: plain 8 kHz 16-bit mono PCM, what aufile reads without conversion.
        writePcmWav(join(agentDir, 'tone.wav'), sineTone(60, setup.toneHz));
        const audio = options.agentAudio?.[name] ?? join(agentDir, 'tone.wav');
        if (!existsSync(audio)) throw new Error(`${name}: audio file ${audio} does not exist`);
        writeFileSync(join(agentDir, 'config'), baresipConfig(agentDir, name, audio));
        writeFileSync(
          join(agentDir, 'accounts'),
          baresipAccounts(name, options.manualAnswer?.includes(name) ?? false),
        );
        const proc = await start(name, tool('baresip'), ['-f', agentDir]);
        const agent = await BaresipAgent.connect({
          name,
          aor: `sip:${name}@${HOST}:${SIP_PORT}`,
          sipAddress: `${HOST}:${setup.sipPort}`,
          host: HOST,
          port: setup.ctrlPort,
          timeoutMs: 5000,
          abortIf: exitedReason(proc),
        }).catch((error: Error) => {
          throw new Error(`${error.message}\n${logTail(proc)}`);
        });
        agents.set(name, agent);
        // REGISTER_OK may have fired before we connected: its log line counts too.
        await waitUntil(
          () =>
            agent.events.some((e) => e.type === 'REGISTER_OK') || /\b200 OK\b.*\bbinding/.test(proc.log()),
          {
            what: `${name} REGISTERED at ${HOST}:${SIP_PORT}`,
            timeoutMs: 5000,
            abortIf: () => {
              const fail = agent.events.find((e) => e.type === 'REGISTER_FAIL');
              if (fail) return `registration failed (${fail.param ?? 'no reason'})`;
              return exitedReason(proc)();
            },
            details: () => `${logTail(proc)}\n${kamailio ? logTail(kamailio) : ''}`,
          },
        );
      }),
    );
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    timings.agents = performance.now() - mark;
    timings.total = performance.now() - t0;
  } catch (error) {
    await stop(false).catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`SIP test bed failed to start: ${message}\n(files kept in ${dir})`, { cause: error });
  }

  const logs = (name: string): string => {
    const proc = processes.get(name);
    if (!proc && !savedLogs.has(name)) {
      throw new Error(`no test-bed process "${name}"; there are: ${[...processes.keys()].join(', ')}`);
    }
    return savedLogs.get(name) ?? proc?.log() ?? '';
  };

  return {
    dir,
    auth,
    host: HOST,
    sipPort: SIP_PORT,
    proxyAddress: `${HOST}:${SIP_PORT}`,
    wsPort: WS_PORT,
    wsUrl: `ws://${HOST}:${WS_PORT}`,
    rtpengineNg: `udp:${HOST}:${RTPENGINE_NG_PORT}`,
    users: USERS,
    agents,
    timings,
    agent(name) {
      const agent = agents.get(name);
      if (!agent) throw new Error(`agent ${name} was not started (startTestbed({ agents: ['${name}'] }))`);
      return agent;
    },
    uri: (user) => `sip:${user}@${HOST}:${SIP_PORT}`,
    pids() {
      const pids: number[] = [];
      for (const proc of processes.values()) pids.push(proc.pid, ...descendantPids(proc.pid));
      return pids;
    },
    logs,
    recordings(name) {
      const recDir = join(dir, name, 'rec');
      if (!existsSync(recDir)) return [];
      return readdirSync(recDir)
        .filter((file) => file.endsWith('.wav'))
        .sort()
        .map((file) => join(recDir, file));
    },
    async restartKamailio(whileDown) {
      if (kamailio) await stopProcesses([kamailio]);
      await whileDown?.();
      kamailio = await startKamailio();
    },
    stop: () => stop(true),
  };
}
