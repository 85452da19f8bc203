import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryTransportPair } from '../../test/fakes/memory-transport.js';
import { createRpcClient } from './client.js';
import type { Handlers } from './contract.js';
import { RpcError } from './errors.js';
import { createRpcServer } from './server.js';
import { withUnusedMethods } from './unused-methods.js';

const line = {
  id: '6f1c1d4e-3a57-4f4b-9a43-3f1f6f9b1c2d',
  displayName: 'Main',
  registrar: 'pbx.example.com',
  username: 'office',
  authUsername: null,
  transport: 'udp' as const,
  handoff: 'bridge' as const,
  numbers: ['0212345678'],
  enabled: true,
  hasPassword: true,
  registration: { state: 'not_registered' as const },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return withUnusedMethods({
    'system.status': async () => ({
      version: '1',
      startedAt: line.createdAt,
      uptimeMs: 1,
      dataDir: '/x',
      engine: { state: 'running', lines: [] },
    }),
    'settings.get': async () => ({
      officeName: '',
      timeZone: 'Asia/Seoul',
      trustedSipSources: [],
      transferAllowList: [],
      pbxWebSocketUrl: '',
    }),
    'settings.update': async (patch) => ({
      officeName: patch.officeName ?? '',
      timeZone: 'Asia/Seoul',
      trustedSipSources: [],
      transferAllowList: [],
      pbxWebSocketUrl: '',
    }),
    'lines.list': async () => [line],
    'lines.save': async () => line,
    'lines.remove': async () => ({ removed: true }),
    ...overrides,
  });
}

const logger = { warn: vi.fn(), error: vi.fn() };

function connect(h = handlers()) {
  const pair = memoryTransportPair();
  const server = createRpcServer(h, logger);
  server.attach(pair.server);
  const client = createRpcClient(pair.client, { timeoutMs: 1000 });
  return { pair, server, client };
}

afterEach(() => vi.useRealTimers());

describe('RPC server and client', () => {
  it('returns the handler result for a valid call', async () => {
    const { client } = connect();
    await expect(client.call('lines.list')).resolves.toEqual([line]);
  });

  it('passes validated and defaulted params to the handler', async () => {
    const save = vi.fn(async () => line);
    const { client } = connect(handlers({ 'lines.save': save }));
    await client.call('lines.save', {
      displayName: ' Main ',
      registrar: 'pbx:5060',
      username: 'u',
      password: 'p',
    });
    expect(save).toHaveBeenCalledWith(
      {
        displayName: 'Main',
        registrar: 'pbx:5060',
        username: 'u',
        password: 'p',
        authUsername: null,
        transport: 'udp',
        handoff: 'bridge',
        numbers: [],
        enabled: true,
      },
      { isPrivate: true },
    );
  });

  it('tells handlers whether the connection is private: by default yes, a network pipe says', async () => {
    const status = vi.fn(handlers()['system.status']);
    const h = handlers({ 'system.status': status });
    const server = createRpcServer(h, logger);
    for (const connection of [undefined, { isPrivate: false }]) {
      const pair = memoryTransportPair();
      server.attach(pair.server, undefined, connection);
      await createRpcClient(pair.client, { timeoutMs: 1000 }).call('system.status');
    }
    expect(status.mock.calls.map(([, call]) => call)).toEqual([{ isPrivate: true }, { isPrivate: false }]);
  });

  it('rejects invalid params with per-field issues and never calls the handler', async () => {
    const save = vi.fn(async () => line);
    const { client } = connect(handlers({ 'lines.save': save }));
    const error = await client
      .call('lines.save', { displayName: '', registrar: 'not a host', username: 'a@b' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    const rpcError = error as RpcError;
    expect(rpcError.code).toBe('INVALID_PARAMS');
    expect(rpcError.issues.map((i) => i.path[0])).toEqual(['displayName', 'registrar', 'username']);
    expect(save).not.toHaveBeenCalled();
  });

  it('rejects unknown methods and malformed frames with the error shape', async () => {
    const { pair, server } = connect();
    const replies: unknown[] = [];
    pair.client.onMessage((m) => replies.push(m));
    pair.server.inject({ t: 'req', id: 7, method: 'lines.drop', params: {} });
    pair.server.inject({ t: 'req', id: 8, method: 'toString', params: {} });
    pair.server.inject({ hello: 'world', id: 9 });
    pair.server.inject('not even an object');
    await vi.waitFor(() => expect(replies).toHaveLength(4));
    expect(replies).toContainEqual({
      t: 'err',
      id: 7,
      error: { code: 'UNKNOWN_METHOD', message: 'Unknown method: lines.drop' },
    });
    expect(replies).toContainEqual(
      expect.objectContaining({ id: 8, error: expect.objectContaining({ code: 'UNKNOWN_METHOD' }) }),
    );
    expect(replies).toContainEqual(
      expect.objectContaining({ id: 9, error: expect.objectContaining({ code: 'BAD_MESSAGE' }) }),
    );
    expect(replies).toContainEqual(
      expect.objectContaining({ id: null, error: expect.objectContaining({ code: 'BAD_MESSAGE' }) }),
    );
    expect(server.clientCount).toBe(1);
  });

  it('turns an unexpected handler failure into INTERNAL without leaking its detail', async () => {
    const { client } = connect(
      handlers({
        'lines.list': async () => {
          throw new Error('SQLITE_CORRUPT at /secret/path');
        },
      }),
    );
    const error = (await client.call('lines.list').catch((e: unknown) => e)) as RpcError;
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toContain('/secret/path');
    expect(logger.error).toHaveBeenCalled();
  });

  it('delivers events to every attached client until it detaches', async () => {
    const { pair, server, client } = connect();
    const seen: string[] = [];
    client.on('engine.statusChanged', (status) => seen.push(status.state));
    server.emit('engine.statusChanged', { state: 'running', lines: [] });
    await vi.waitFor(() => expect(seen).toEqual(['running']));
    pair.close();
    expect(server.clientCount).toBe(0);
  });

  it('fails pending calls when the connection closes', async () => {
    const { pair, client } = connect(handlers({ 'lines.list': () => new Promise(() => undefined) }));
    const pending = client.call('lines.list');
    pair.close();
    await expect(pending).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(client.call('lines.list')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('times out a call that gets no answer', async () => {
    vi.useFakeTimers();
    const { client } = connect(handlers({ 'lines.list': () => new Promise(() => undefined) }));
    const pending = client.call('lines.list');
    vi.advanceTimersByTime(1001);
    await expect(pending).rejects.toMatchObject({ code: 'TIMEOUT' });
  });
});

describe('an agent-scoped connection', () => {
  const ann = '0b6f3c2e-8d1a-4c5e-9f7b-2a4d6e8f0a1c';
  const bob = '5e7a9c1b-3d2f-4a6b-8c0d-1e3f5a7b9c2d';
  const agent = {
    id: ann,
    name: 'Ann',
    extension: '201',
    maxCalls: 1,
    teamIds: [],
    presence: 'available' as const,
    status: 'available' as const,
    presenceChangedAt: line.createdAt,
    createdAt: line.createdAt,
  };

  function connectAs(agentId: string, h: Handlers) {
    const pair = memoryTransportPair();
    createRpcServer(h, logger).attach(pair.server, { kind: 'agent', agentId });
    return createRpcClient(pair.client, { timeoutMs: 1000 });
  }

  it('acts as its own agent: an omitted agentId is filled in, another agent’s is refused', async () => {
    const presence = vi.fn(async (params: { agentId: string }) => ({ ...agent, id: params.agentId }));
    const client = connectAs(ann, handlers({ 'presence.set': presence }));
    await expect(client.call('presence.set', { agentId: ann, presence: 'away' })).resolves.toMatchObject({
      id: ann,
    });
    // The app need not name itself (params as an untyped client would send them).
    const omitted = { presence: 'away' } as unknown as { agentId: string; presence: 'away' };
    await expect(client.call('presence.set', omitted)).resolves.toMatchObject({ id: ann });
    await expect(client.call('presence.set', { agentId: bob, presence: 'away' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(presence).toHaveBeenCalledTimes(2);
  });

  it('may not call the office’s methods at all', async () => {
    const update = vi.fn(handlers()['settings.update']);
    const client = connectAs(ann, handlers({ 'settings.update': update }));
    await expect(client.call('settings.update', { officeName: 'x' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(client.call('lines.list')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(update).not.toHaveBeenCalled();
  });
});
