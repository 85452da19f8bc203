import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineInputSchema } from '../../../shared/domain/line.js';
import { testDatabase } from '../../../test/fakes/test-database.js';
import { AgentRepository } from '../store/agent-repository.js';
import { LineRepository } from '../store/line-repository.js';
import { plainFileCipher, SecretStore } from '../store/secret-store.js';
import { SettingsRepository } from '../store/settings-repository.js';
import { agentAor, createPhoneHandlers } from './phone-handlers.js';

describe('agentAor', () => {
  it('puts an extension at the registrar host without its port, and keeps a full URI', () => {
    expect(agentAor('201', 'pbx.example.com:5060')).toBe('sip:201@pbx.example.com');
    expect(agentAor('201', '[2001:db8::1]:5060')).toBe('sip:201@[2001:db8::1]');
    expect(agentAor('201', '192.168.0.10')).toBe('sip:201@192.168.0.10');
    expect(agentAor('sips:ann@pbx.example.com', undefined)).toBe('sips:ann@pbx.example.com');
    expect(agentAor('201', undefined)).toBeUndefined();
  });
});

/** An office with the PBX WebSocket, an enabled line and Ann, whose SIP password is set. */
function office() {
  const { db, dir } = testDatabase();
  const secrets = new SecretStore(join(dir, 'secrets.json'), plainFileCipher);
  const agents = new AgentRepository(db);
  const lines = new LineRepository(db, secrets);
  const settings = new SettingsRepository(db);
  settings.update({ pbxWebSocketUrl: 'wss://pbx.example.com:8089/ws' });
  lines.save(
    lineInputSchema.parse({
      displayName: 'Main',
      registrar: 'pbx.example.com:5060',
      username: 'office',
      password: 'officepw',
    }),
  );
  const ann = agents.save({ name: 'Ann', extension: '201', maxCalls: 1 })!;
  const handlers = createPhoneHandlers({ agents, lines, settings, secrets });
  return { handlers, ann };
}

describe('phone.config', () => {
  it('hands the SIP password out over a private connection (loopback, TLS, the desktop window)', async () => {
    const { handlers, ann } = office();
    await handlers['agents.setSipPassword']({ agentId: ann.id, password: 's3cret' }, { isPrivate: true });
    expect(await handlers['phone.config']({ agentId: ann.id }, { isPrivate: true })).toEqual({
      agentId: ann.id,
      displayName: 'Ann',
      wsUrl: 'wss://pbx.example.com:8089/ws',
      aor: 'sip:201@pbx.example.com',
      authUsername: '201',
      password: 's3cret',
      missing: [],
    });
  });

  it('withholds it from a connection others on the network could read, and says it lacks one', async () => {
    const { handlers, ann } = office();
    await handlers['agents.setSipPassword']({ agentId: ann.id, password: 's3cret' }, { isPrivate: true });
    expect(await handlers['phone.config']({ agentId: ann.id }, { isPrivate: false })).toMatchObject({
      aor: 'sip:201@pbx.example.com',
      password: null,
      missing: ['secureConnection'],
    });
  });

  it('refuses a SIP password sent where others on the network could read it', async () => {
    const { handlers, ann } = office();
    await expect(
      handlers['agents.setSipPassword']({ agentId: ann.id, password: 's3cret' }, { isPrivate: false }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await handlers['phone.config']({ agentId: ann.id }, { isPrivate: true })).toMatchObject({
      password: null,
      missing: ['password'],
    });
  });
});
