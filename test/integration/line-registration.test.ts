import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestbed, type Testbed } from '../pbx/testbed.js';
import { tempDir } from '../fakes/temp-dir.js';
import { startEngineProcess, type EngineProcess } from '../support/engine-process.js';
import { RawApiClient } from '../support/ws-client.js';

/**
 * The engine registers the office line to a real registrar (Kamailio with digest auth) over
 * UDP or TCP, shows a wrong password as such, and un-registers when it stops.
 */
describe('office line registration against Kamailio', () => {
  let testbed: Testbed;
  let dir: ReturnType<typeof tempDir>;
  let engine: EngineProcess | undefined;

  beforeAll(async () => {
    testbed = await startTestbed({ auth: true });
    dir = tempDir();
  });
  afterAll(async () => {
    await engine?.stop();
    await testbed?.stop();
    dir?.remove();
  });

  /** Polls lines.list: registration may finish before the client connects, so events can be missed. */
  const registrationOf = async (client: RawApiClient, name: string, state: string) => {
    for (let i = 0; i < 150; i++) {
      const listed = (await client.call('lines.list', {})).result as {
        displayName: string;
        registration: { state: string; reason?: string };
      }[];
      const line = listed.find((l) => l.displayName === name);
      if (line?.registration.state === state) return line;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`line ${name} never reached ${state}`);
  };

  it('registers with digest auth, reports a wrong password, and un-registers on stop', async () => {
    const config = join(dir.path, 'office.json');
    writeFileSync(
      config,
      JSON.stringify({
        lines: [
          {
            displayName: 'Main',
            registrar: testbed.proxyAddress,
            username: 'office',
            password: testbed.users.office,
          },
          {
            displayName: 'Typo',
            registrar: testbed.proxyAddress,
            username: 'caller1',
            password: 'not-the-password',
          },
        ],
      }),
    );
    engine = await startEngineProcess(dir.path, ['--config', config]);
    const client = await RawApiClient.connect(engine.origin, `?token=${engine.token}`);
    await client.call('system.status', {});
    await registrationOf(client, 'Main', 'registered');
    const typo = await registrationOf(client, 'Typo', 'failed');
    expect(typo.registration.reason).toMatch(/wrong (username or )?password/);

    const listed = (await client.call('lines.list', {})).result as {
      displayName: string;
      registration: { state: string };
    }[];
    expect(listed.map((l) => [l.displayName, l.registration.state])).toEqual([
      ['Main', 'registered'],
      ['Typo', 'failed'],
    ]);
    expect(testbed.logs('kamailio')).toMatch(/TESTBED AUTH challenge REGISTER from office/);
    // Kamailio logs a registration after sending its 200: the engine may know first.
    await vi.waitFor(() =>
      expect(testbed.logs('kamailio')).toMatch(
        /TESTBED REGISTERED office contact <sip:office@127\.0\.0\.1:\d+>/,
      ),
    );
    client.close();

    expect(await engine.stop()).toBe(0);
    engine = undefined;
    await vi.waitFor(() =>
      expect(testbed.logs('kamailio')).toMatch(/TESTBED REGISTERED office contact \S+ expires 0/),
    );
  });

  it('registers over TCP (RFC 3261 §18) with the connection’s own port as Contact, and un-registers on stop', async () => {
    const config = join(dir.path, 'office-tcp.json');
    writeFileSync(
      config,
      JSON.stringify({
        lines: [
          {
            displayName: 'Main',
            registrar: testbed.proxyAddress,
            username: 'office',
            password: testbed.users.office,
            transport: 'tcp',
          },
        ],
      }),
    );
    // A data dir of its own: the first test's lines (the UDP one, the wrong password) stay out.
    engine = await startEngineProcess(join(dir.path, 'tcp'), ['--config', config]);
    const client = await RawApiClient.connect(engine.origin, `?token=${engine.token}`);
    await client.call('system.status', {});
    await registrationOf(client, 'Main', 'registered');

    await vi.waitFor(() =>
      expect(testbed.logs('kamailio')).toMatch(/TESTBED REGISTERED office contact \S+transport=tcp/),
    );
    const log = testbed.logs('kamailio');
    const request = /TESTBED REQ REGISTER \S+ from sip:office@\S+ via tcp:127\.0\.0\.1:(\d+)/.exec(log);
    const binding = /TESTBED REGISTERED office contact <sip:office@127\.0\.0\.1:(\d+);transport=tcp>/.exec(
      log,
    );
    expect(request, log).not.toBeNull();
    expect(binding, log).not.toBeNull();
    // Kamailio sends INVITEs back over the REGISTER's connection only if the Contact names it.
    expect(binding?.[1]).toBe(request?.[1]);
    client.close();

    expect(await engine.stop()).toBe(0);
    engine = undefined;
    await vi.waitFor(() =>
      expect(testbed.logs('kamailio')).toContain(
        `TESTBED REGISTERED office contact <sip:office@127.0.0.1:${binding?.[1]};transport=tcp>;expires=0 expires 0`,
      ),
    );
  });
});
