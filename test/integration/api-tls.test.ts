import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../fakes/temp-dir.js';
import { checkPrivateNetns } from '../pbx/testbed.js';
import { findExecutable } from '../pbx/process-supervisor.js';
import { runEngineCli, startEngineProcess, type EngineProcess } from '../support/engine-process.js';
import { httpsStatus, selfSignedCertificate, wssCall, type TestCertificate } from '../support/tls-api.js';
import { RawApiClient } from '../support/ws-client.js';

/** An address of "another PC": added to the namespace's loopback device, yet not a loopback address. */
const LAN_ADDRESS = '192.0.2.10';
/** The office line: the softphone takes its SIP domain from it. */
const LINE = { displayName: 'Main', registrar: 'pbx.example.com', username: 'office', password: 'pw' };

/**
 * `--tls-cert/--tls-key`: the UI and API over https and wss on the one port, the same token and
 * origin rules; and the SIP password only for connections no one on the network can read.
 */
describe('the API over TLS', () => {
  let certs: ReturnType<typeof tempDir>;
  let cert: TestCertificate;
  let other: TestCertificate;
  let dir: ReturnType<typeof tempDir>;
  let engine: EngineProcess | undefined;
  beforeAll(() => {
    certs = tempDir();
    cert = selfSignedCertificate(certs.path, 'office', [LAN_ADDRESS]);
    other = selfSignedCertificate(certs.path, 'other');
  });
  afterAll(() => certs.remove());
  beforeEach(() => {
    dir = tempDir();
    return async () => {
      await engine?.stop();
      engine = undefined;
      dir.remove();
    };
  });
  const tlsArgs = () => ['--tls-cert', cert.certFile, '--tls-key', cert.keyFile];

  it('serves the page and the API over https/wss with the token and origin checks, and no plain ws', async () => {
    engine = await startEngineProcess(dir.path, tlsArgs());
    expect(engine.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/#token=/);
    const { origin, token } = engine;
    expect(await httpsStatus(`${origin}/`, cert.pem)).toBe(200);

    const status = await wssCall(origin, `?token=${token}`, cert.pem, {
      method: 'system.status',
      headers: { Origin: origin },
    });
    expect(status.frames).toEqual([
      {
        t: 'res',
        id: 1,
        result: expect.objectContaining({ engine: expect.objectContaining({ state: 'running' }) }),
      },
    ]);
    const refused = { t: 'err', id: null, error: { code: 'UNAUTHORIZED', message: expect.any(String) } };
    for (const [query, headers] of [
      ['?token=wrong', {}],
      [`?token=${token}`, { Origin: 'https://evil.example' }],
    ] as const) {
      expect(await wssCall(origin, query, cert.pem, { method: 'system.status', headers })).toEqual({
        frames: [refused],
        closeCode: 1008,
      });
    }
    // The port speaks TLS only: a plain WebSocket gets no connection at all.
    await expect(
      RawApiClient.connect(origin.replace(/^https:/, 'http:'), `?token=${token}`),
    ).rejects.toThrow();
  });

  it('does not start on a missing or wrong certificate or key: names the file, exits, opens nothing', async () => {
    const run = (extra: string[]) => runEngineCli(['--data', dir.path, '--http', '127.0.0.1:0', ...extra]);
    const half = await run(['--tls-cert', cert.certFile]);
    expect(half).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--tls-cert and --tls-key go together'),
    });

    const missing = join(certs.path, 'missing.key');
    for (const [args, message] of [
      [['--tls-cert', cert.certFile, '--tls-key', missing], `--tls-key ${missing} cannot be read`],
      [
        ['--tls-cert', cert.keyFile, '--tls-key', cert.keyFile],
        `--tls-cert ${cert.keyFile} holds no PEM certificate`,
      ],
      [
        ['--tls-cert', cert.certFile, '--tls-key', other.keyFile],
        `--tls-key ${other.keyFile} is not the key`,
      ],
    ] as const) {
      const result = await run([...args]);
      expect(result, result.stderr).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr).toContain(message);
    }
    // Stopped before the engine opened its data folder.
    expect(existsSync(join(dir.path, 'switchboard.db'))).toBe(false);
    expect(existsSync(join(dir.path, 'api-token'))).toBe(false);
  });

  it('hands the SIP password to another PC only over TLS, and always on this machine', async () => {
    checkPrivateNetns();
    const ip = findExecutable('ip') ?? 'ip';
    execFileSync(ip, ['addr', 'replace', `${LAN_ADDRESS}/32`, 'dev', 'lo']);
    try {
      engine = await startEngineProcess(dir.path, ['--http', `0.0.0.0:0`]);
      const { stderr } = engine;
      await vi.waitFor(() => expect(stderr()).toContain('crosses the network in clear'));
      const office = await RawApiClient.connect(`http://127.0.0.1:${engine.port}`, `?token=${engine.token}`);
      await office.result('settings.update', { pbxWebSocketUrl: 'wss://pbx.example.com:8089/ws' });
      await office.result('lines.save', LINE);
      const ann = await office.result<{ id: string }>('agents.save', { name: 'Ann', extension: '201' });
      await office.result('agents.setSipPassword', { agentId: ann.id, password: 's3cret' });
      const { token } = await office.result<{ token: string }>('agents.issueToken', {
        agentId: ann.id,
        label: 'Ann’s PC',
      });
      office.close();
      const agentQuery = `?token=${encodeURIComponent(token)}`;
      const configOver = async (origin: string) => {
        const app = await RawApiClient.connect(origin, agentQuery);
        try {
          return await app.result('phone.config', {});
        } finally {
          app.close();
        }
      };
      expect(await configOver(`http://127.0.0.1:${engine.port}`)).toMatchObject({
        password: 's3cret',
        missing: [],
      });
      expect(await configOver(`http://${LAN_ADDRESS}:${engine.port}`)).toMatchObject({
        aor: 'sip:201@pbx.example.com',
        password: null,
        missing: ['secureConnection'],
      });
      await engine.stop();

      engine = await startEngineProcess(dir.path, ['--http', `0.0.0.0:0`, ...tlsArgs()]);
      expect(engine.stderr()).not.toContain('crosses the network in clear');
      const overTls = await wssCall(`https://${LAN_ADDRESS}:${engine.port}`, agentQuery, cert.pem, {
        method: 'phone.config',
      });
      expect(overTls.frames).toEqual([
        { t: 'res', id: 1, result: expect.objectContaining({ password: 's3cret', missing: [] }) },
      ]);
    } finally {
      // First the engine: with the address gone, its close of that connection could not reach it.
      await engine?.stop();
      engine = undefined;
      execFileSync(ip, ['addr', 'del', `${LAN_ADDRESS}/32`, 'dev', 'lo']);
    }
  });
});
