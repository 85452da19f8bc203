import { describe, expect, it, vi } from 'vitest';
import { engineWithApi } from '../support/engine-api.js';
import { RawApiClient } from '../support/ws-client.js';

/**
 * An agent's app on another PC connects with a token of the agent's own: it can run the agent's
 * day (presence, queues, inbox) but acts only as that agent, and touches nothing of the office's.
 */
describe('an agent’s own API token', () => {
  const running = engineWithApi();

  it('acts for its agent only, and is cut off and refused once revoked', async () => {
    const { api, engine } = running;
    const ann = await api.result<{ id: string }>('agents.save', { name: 'Ann', extension: '201' });
    const bob = await api.result<{ id: string }>('agents.save', { name: 'Bob', extension: '202' });
    const { token } = await api.result<{ token: string }>('agents.issueToken', {
      agentId: ann.id,
      label: 'Ann’s laptop',
    });
    const app = await RawApiClient.connect(engine.origin, `?token=${encodeURIComponent(token)}`);
    try {
      // Its own presence, with or without naming itself.
      expect(await app.result('presence.set', { agentId: ann.id, presence: 'available' })).toMatchObject({
        id: ann.id,
        status: 'available',
      });
      const other = await app.call('presence.set', { agentId: bob.id, presence: 'available' });
      expect(other).toMatchObject({ t: 'err', error: { code: 'UNAUTHORIZED' } });
      expect(await app.result('queues.snapshot', {})).toEqual([]);
      // The office's settings, lines, workflows and tokens are not an agent's to change.
      for (const [method, params] of [
        ['settings.update', { officeName: 'Mine now' }],
        ['lines.list', {}],
        ['workflows.list', {}],
        ['workflows.duplicate', { id: ann.id }],
        ['agents.issueToken', { agentId: ann.id, label: 'another' }],
      ] as const) {
        expect(await app.call(method, params), method).toMatchObject({
          t: 'err',
          error: { code: 'UNAUTHORIZED' },
        });
      }
      // Revoking the agent's tokens (a lost laptop) disconnects the app at once.
      expect(await api.result('agents.revokeTokens', { agentId: ann.id })).toEqual({ revoked: 1 });
      expect(await app.waitFor((frame) => frame.t === 'err' && frame.id === null)).toMatchObject({
        error: { code: 'UNAUTHORIZED' },
      });
      await vi.waitFor(() => expect(app.closeCode).toBe(1008));
    } finally {
      app.close();
    }
    const refused = await RawApiClient.connect(engine.origin, `?token=${encodeURIComponent(token)}`);
    expect(await refused.waitFor((frame) => frame.t === 'err')).toMatchObject({
      error: { code: 'UNAUTHORIZED' },
    });
    refused.close();
  });
});
