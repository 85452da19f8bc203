#!/usr/bin/env node
// Runs a command inside a private network namespace with only the loopback interface up.
//
//   node scripts/in-netns.mjs vitest run --project integration
//
// The SIP test bed (kamailio, rtpengine, baresip, SIPp) binds fixed ports on 127.0.0.1; on a
// shared machine those may be taken, and other programs' SIP traffic may arrive on them. In a
// fresh namespace the loopback is ours alone. Binaries from node_modules/.bin are found on PATH.
//
// If SWITCHBOARD_NETNS=1 we are already inside one: the command runs as is. Otherwise this
// re-executes it as: unshare --net [--map-root-user] sh -c 'ip link set lo up && exec "$@"'.
// Exits with the command's exit code (128 + signal number if a signal ended it). Processes the
// command leaves running in the namespace (say, after a crashed test run) are stopped then.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { delimiter, join, resolve } from 'node:path';
import { constants as osConstants } from 'node:os';

const INSTALL_HINT = 'Install them with: apt-get install -y util-linux iproute2';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node scripts/in-netns.mjs <command> [args...]');
  process.exit(2);
}

const env = { ...process.env, PATH: [resolve('node_modules/.bin'), process.env.PATH ?? ''].join(delimiter) };

/** Full path of an executable found on PATH (plus the sbin dirs, where `ip` lives), or undefined. */
function which(name) {
  const dirs = [...(env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The network namespace of a process ("net:[4026532...]"), or undefined if unreadable. */
function netnsOf(pid) {
  try {
    return readlinkSync(`/proc/${pid}/ns/net`);
  } catch {
    return undefined;
  }
}

/** PIDs (and names) of the processes still living in network namespace `netns`. */
function processesIn(netns) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    if (netnsOf(entry) !== netns) continue;
    let stat = '';
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') continue; // exited, only waiting to be reaped
    found.push({ pid: Number(entry), name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) });
  }
  return found;
}

/**
 * Stops processes the command left behind in the private namespace (e.g. a SIP server whose test
 * runner crashed before stopping it): SIGTERM, up to 2 s, then SIGKILL. Only that namespace's
 * processes are touched; they can only have been started by the command.
 */
async function reapLeftovers(netns) {
  const signalAll = (procs, signal) => {
    for (const { pid } of procs) {
      try {
        process.kill(pid, signal);
      } catch {
        // already gone
      }
    }
  };
  const leftovers = processesIn(netns);
  if (leftovers.length === 0) return;
  console.error(
    `in-netns: stopping ${leftovers.length} process(es) left in the namespace: ` +
      leftovers.map(({ pid, name }) => `${name}(${pid})`).join(', '),
  );
  signalAll(leftovers, 'SIGTERM');
  for (let waited = 0; waited < 2000 && processesIn(netns).length > 0; waited += 50) await sleep(50);
  signalAll(processesIn(netns), 'SIGKILL');
}

/**
 * Runs the child with inherited stdio, forwards termination signals, exits with its code.
 * With `ownNetns`, the child is expected to move into a new network namespace: its leftovers
 * there are stopped once it exits.
 */
function runAndExit(file, args, ownNetns = false) {
  const hostNetns = netnsOf('self');
  const child = spawn(file, args, { stdio: 'inherit', env });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);

  // Learn the child's namespace as soon as unshare has made it (within milliseconds).
  let childNetns;
  const watch = ownNetns
    ? setInterval(() => {
        const netns = child.pid === undefined ? undefined : netnsOf(child.pid);
        if (netns !== undefined && netns !== hostNetns) {
          childNetns = netns;
          clearInterval(watch);
        }
      }, 5)
    : undefined;

  child.once('error', (error) => {
    console.error(`in-netns: cannot start ${file}: ${error.message}`);
    process.exit(1);
  });
  child.once('exit', async (code, signal) => {
    clearInterval(watch);
    if (childNetns !== undefined) await reapLeftovers(childNetns);
    process.exit(code ?? 128 + (signal ? (osConstants.signals[signal] ?? 0) : 1));
  });
}

if (process.env.SWITCHBOARD_NETNS === '1') {
  runAndExit(command[0], command.slice(1));
} else {
  const unshare = which('unshare');
  const ip = which('ip');
  const missing = [!unshare && 'unshare (util-linux)', !ip && 'ip (iproute2)'].filter(Boolean);
  if (missing.length > 0) {
    console.error(
      `in-netns: missing ${missing.join(' and ')}, needed to run tests in a private network namespace.`,
    );
    console.error(INSTALL_HINT);
    process.exit(1);
  }

  const unshareArgs = ['--net'];
  if (typeof process.getuid === 'function' && process.getuid() !== 0) unshareArgs.push('--map-root-user');
  // `ip` may be outside a normal user's PATH (/usr/sbin): call it by full path.
  const script = `${ip} link set lo up && exec "$@"`;
  env.SWITCHBOARD_NETNS = '1';

  // Check the namespace can be made before handing over the terminal, so that a failure of
  // unshare/ip is reported as such and not confused with the command's own exit code.
  const probe = spawnSync(unshare, [...unshareArgs, 'sh', '-c', `${ip} link set lo up`], {
    env,
    encoding: 'utf8',
  });
  if (probe.error || probe.status !== 0) {
    const detail = probe.error ? probe.error.message : (probe.stderr || `exit code ${probe.status}`).trim();
    console.error(`in-netns: cannot create a private network namespace: ${detail}`);
    console.error(
      `  tried: ${unshare} ${unshareArgs.join(' ')} sh -c '${ip} link set lo up'` +
        (unshareArgs.includes('--map-root-user')
          ? '\n  (as a normal user this needs unprivileged user namespaces: sysctl kernel.unprivileged_userns_clone=1)'
          : ''),
    );
    console.error(INSTALL_HINT);
    process.exit(1);
  }

  runAndExit(unshare, [...unshareArgs, 'sh', '-c', script, 'sh', ...command], true);
}
