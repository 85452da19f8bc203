import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineWithApi } from '../support/engine-api.js';
import { RawApiClient } from '../support/ws-client.js';

/**
 * What an agent's softphone registers with: the office's PBX WebSocket, the agent's address at
 * the office line's domain, and a SIP password set write-only (by the manager or the agent).
 */
describe('the softphone config over the API', () => {
  const running = engineWithApi();

  it('says what is missing, keeps the password secret from others, and gives it to its agent', async () => {
    const { api, engine, dir } = running;
    const ann = await api.result<{ id: string }>('agents.save', { name: 'Ann', extension: '201' });
    const bob = await api.result<{ id: string }>('agents.save', { name: 'Bob', extension: '202' });
    expect(await api.result('phone.config', { agentId: ann.id })).toMatchObject({
      wsUrl: null,
      aor: null,
      password: null,
      missing: ['wsUrl', 'line', 'password'],
    });

    const refused = await api.call('settings.update', { pbxWebSocketUrl: 'http://pbx:8080' });
    expect(refused).toMatchObject({ t: 'err', error: { code: 'INVALID_PARAMS' } });
    await api.result('settings.update', { pbxWebSocketUrl: 'wss://pbx.example.com:8089/ws' });
    await api.result('lines.save', {
      displayName: 'Main',
      registrar: 'pbx.example.com:5060',
      username: 'office',
      password: 'officepw',
      enabled: false,
    });
    // A disabled line still names nothing: only an enabled one gives the domain.
    expect(await api.result('phone.config', { agentId: ann.id })).toMatchObject({
      missing: ['line', 'password'],
    });

    const { token } = await api.result<{ token: string }>('agents.issueToken', {
      agentId: ann.id,
      label: 'Ann’s laptop',
    });
    const app = await RawApiClient.connect(engine.origin, `?token=${encodeURIComponent(token)}`);
    try {
      expect(await app.result('agents.setSipPassword', { password: 's3cret-비밀' })).toEqual({
        agentId: ann.id,
        hasSipPassword: true,
      });
      expect(await app.call('agents.setSipPassword', { agentId: bob.id, password: 'x' })).toMatchObject({
        error: { code: 'UNAUTHORIZED' },
      });
      expect(await app.call('phone.config', { agentId: bob.id })).toMatchObject({
        error: { code: 'UNAUTHORIZED' },
      });
      const lines = await api.result<{ id: string }[]>('lines.list', {});
      await api.result('lines.save', {
        id: lines[0]!.id,
        displayName: 'Main',
        registrar: 'pbx.example.com:5060',
        username: 'office',
        enabled: true,
      });
      expect(await app.result('phone.config', {})).toEqual({
        agentId: ann.id,
        displayName: 'Ann',
        wsUrl: 'wss://pbx.example.com:8089/ws',
        aor: 'sip:201@pbx.example.com',
        authUsername: '201',
        password: 's3cret-비밀',
        missing: [],
      });
    } finally {
      app.close();
    }
    // Stored in the secret store, never in the database or the settings.
    expect(readFileSync(join(dir, 'switchboard.db')).includes('s3cret')).toBe(false);
    expect(await api.call('agents.setSipPassword', { agentId: ann.id, password: '' })).toMatchObject({
      error: { code: 'INVALID_PARAMS' },
    });
    // A removed agent's password leaves the secret store with it.
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toContain(ann.id);
    await api.result('agents.remove', { id: ann.id });
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain(ann.id);
  });
});
