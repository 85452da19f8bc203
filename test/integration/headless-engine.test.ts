import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../fakes/temp-dir.js';
import { runEngineCli, startEngineProcess, type EngineProcess } from '../support/engine-process.js';
import { RawApiClient } from '../support/ws-client.js';

const newLine = {
  displayName: 'Main line',
  registrar: '127.0.0.1:5060',
  username: 'office',
  password: 'Pa55-never-on-the-wire',
  numbers: ['0212345678'],
};

describe('headless engine (switchboard-engine)', () => {
  let dir: ReturnType<typeof tempDir>;
  let engine: EngineProcess | undefined;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(async () => {
    await engine?.stop();
    engine = undefined;
    dir.remove();
  });

  it('serves the UI with a strict CSP, and nothing outside the renderer folder', async () => {
    engine = await startEngineProcess(dir.path);
    const page = await fetch(`${engine.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    expect((await fetch(`${engine.origin}/settings`)).status).toBe(200);
    expect((await fetch(`${engine.origin}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${engine.origin}/%2e%2e/%2e%2e/package.json`)).status).not.toBe(200);
  });

  it('keeps the token and data folder private to the user', async () => {
    engine = await startEngineProcess(dir.path);
    expect(statSync(join(dir.path, 'api-token')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir.path, 'switchboard.db')).mode & 0o777).toBe(0o600);
  });

  it('refuses a wrong, missing or cross-origin token with the error shape, then closes', async () => {
    engine = await startEngineProcess(dir.path);
    const attempts: [string, Record<string, string>][] = [
      ['?token=wrong', {}],
      ['', {}],
      [`?token=${engine.token}`, { Origin: 'http://evil.example' }],
    ];
    for (const [query, headers] of attempts) {
      const client = await RawApiClient.connect(engine.origin, query, headers);
      expect(await client.waitClosed()).toBe(1008);
      expect(client.frames).toEqual([
        { t: 'err', id: null, error: { code: 'UNAUTHORIZED', message: expect.any(String) } },
      ]);
    }
    // A client that can set headers may use a bearer token instead.
    const viaHeader = await RawApiClient.connect(engine.origin, '', {
      Authorization: `Bearer ${engine.token}`,
    });
    expect(await viaHeader.call('settings.get', {})).toMatchObject({ t: 'res' });
    viaHeader.close();
  });

  it('rejects unknown methods, invalid params and garbage frames, and keeps serving', async () => {
    engine = await startEngineProcess(dir.path);
    const client = await RawApiClient.connect(engine.origin, `?token=${engine.token}`);
    expect(await client.call('lines.drop', {})).toMatchObject({
      t: 'err',
      error: { code: 'UNKNOWN_METHOD', message: 'Unknown method: lines.drop' },
    });
    const invalid = await client.call('lines.save', {
      ...newLine,
      registrar: 'http://pbx',
      transport: 'sctp',
    });
    expect(invalid).toMatchObject({ t: 'err', error: { code: 'INVALID_PARAMS' } });
    const issues = (invalid.error as { data: { issues: { path: string[] }[] } }).data.issues;
    expect(issues.map((i) => i.path[0])).toEqual(['registrar', 'transport']);
    client.socket.send('{not json');
    await client.waitFor((f) => (f.error as { code?: string } | undefined)?.code === 'BAD_MESSAGE');
    // A frame over the limit drops that client only.
    const abuser = await RawApiClient.connect(engine.origin, `?token=${engine.token}`);
    abuser.socket.send('x'.repeat(2 * 1024 * 1024));
    expect(await abuser.waitClosed()).toBe(1009);
    expect(await client.call('lines.list', {})).toEqual({ t: 'res', id: expect.any(Number), result: [] });
    client.close();
  });

  it('keeps lines across a restart, never sends the password, and pushes status to other clients', async () => {
    engine = await startEngineProcess(dir.path);
    const token = engine.token;
    const writer = await RawApiClient.connect(engine.origin, `?token=${token}`);
    const watcher = await RawApiClient.connect(engine.origin, `?token=${token}`);
    const saved = await writer.call('lines.save', newLine);
    expect(saved).toMatchObject({ t: 'res', result: { displayName: 'Main line', hasPassword: true } });
    const status = await watcher.waitFor((f) => f.t === 'evt' && f.name === 'engine.statusChanged');
    expect(status.payload).toMatchObject({
      state: 'running',
      // Nothing answers at the registrar's address here: the line is trying to register.
      lines: [
        {
          displayName: 'Main line',
          registration: { state: expect.stringMatching(/^(not_registered|registering)$/) },
        },
      ],
    });
    writer.close();
    watcher.close();
    expect(await engine.stop('SIGTERM')).toBe(0);

    engine = await startEngineProcess(dir.path);
    expect(engine.token).toBe(token);
    const reader = await RawApiClient.connect(engine.origin, `?token=${token}`);
    const listed = await reader.call('lines.list', {});
    const { password: _password, ...withoutPassword } = newLine;
    expect(listed.result).toEqual([expect.objectContaining({ ...withoutPassword, hasPassword: true })]);
    expect(listed.result).toEqual([expect.not.objectContaining({ password: expect.anything() })]);
    const all = [...writer.rawFrames, ...watcher.rawFrames, ...reader.rawFrames].join('\n');
    expect(all).not.toContain(newLine.password);
    reader.close();
  });

  it('stops cleanly on SIGINT', async () => {
    engine = await startEngineProcess(dir.path);
    expect(await engine.stop('SIGINT')).toBe(0);
    expect(engine.stderr()).toContain('SIGINT: shutting down');
  });

  it('provisions from --config idempotently, and names the file and JSON path on errors', async () => {
    const good = join(dir.path, 'office.json');
    writeFileSync(good, JSON.stringify({ lines: [newLine] }));
    for (let run = 0; run < 2; run++) {
      engine = await startEngineProcess(dir.path, ['--config', good]);
      const client = await RawApiClient.connect(engine.origin, `?token=${engine.token}`);
      expect((await client.call('lines.list', {})).result).toHaveLength(1);
      client.close();
      await engine.stop();
    }
    engine = undefined;
    const bad = join(dir.path, 'bad.json');
    writeFileSync(bad, JSON.stringify({ lines: [{ ...newLine, numbers: ['02-123'] }] }));
    const result = await runEngineCli(['--data', dir.path, '--http', '127.0.0.1:0', '--config', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bad}: lines[0].numbers[0]: Digits only`);
    expect(result.stdout).not.toContain('Switchboard ready');
  });

  it('explains bad arguments instead of starting', async () => {
    const result = await runEngineCli(['--http', 'everywhere']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--http expects HOST:PORT');
    expect(result.stderr).toContain('Usage: switchboard-engine');
  });
});
