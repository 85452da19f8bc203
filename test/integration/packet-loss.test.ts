import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callOffice, describeSipp } from '../pbx/sipp.js';
import { startTestbed, type Testbed } from '../pbx/testbed.js';
import { tempDir } from '../fakes/temp-dir.js';
import type { EngineProcess } from '../support/engine-process.js';
import { startOfficeEngine } from '../support/office-engine.js';

/**
 * 5 % of SIP datagrams lost on the namespace's loopback (iptables' statistic match: this kernel
 * has no netem, TESTBED.md pitfall 10). Registration and calls must still complete through
 * retransmissions, and a retransmitted request must never be handled twice.
 */
const LOSS_RULES = [
  ['-p', 'udp', '--dport', '5060'],
  ['-p', 'udp', '--sport', '5060'],
].map((match) => [
  '-i',
  'lo',
  ...match,
  '-m',
  'statistic',
  '--mode',
  'random',
  '--probability',
  '0.05',
  '-j',
  'DROP',
]);

function iptables(action: '-A' | '-D', rule: string[]): void {
  try {
    execFileSync('iptables', [action, 'INPUT', ...rule], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `iptables ${action} failed (${String(error)}): install it with \`apt-get install -y iptables\`, and run the suite through scripts/in-netns.mjs`,
    );
  }
}

describe('5 % SIP packet loss', () => {
  let testbed: Testbed;
  let dir: ReturnType<typeof tempDir>;
  let engine: EngineProcess | undefined;

  beforeAll(async () => {
    testbed = await startTestbed({ auth: true });
    for (const rule of LOSS_RULES) iptables('-A', rule);
    dir = tempDir();
  });
  afterAll(async () => {
    for (const rule of LOSS_RULES) iptables('-D', rule);
    await engine?.stop();
    await testbed?.stop();
    dir?.remove();
  });

  it('registers, and every call completes with each digit reported once', async () => {
    engine = await startOfficeEngine(testbed, dir.path);

    const calls = 6;
    for (let call = 0; call < calls; call++) {
      const result = await callOffice(testbed, { timeoutSeconds: 40 });
      expect(result.code, describeSipp(result)).toBe(0);
    }
    // The last call's end is logged just after the engine answered its BYE, which SIPp may beat.
    await vi.waitFor(() => expect(engine?.stderr().match(/call ended/g)).toHaveLength(calls));
    const log = engine.stderr();
    expect(log.match(/call received/g)).toHaveLength(calls);
    const digits = [...log.matchAll(/"digit":"(.)"/g)].map((m) => m[1]).join('');
    expect(digits).toBe('123#'.repeat(calls));
  });
});
