import { describe, expect, it, vi } from 'vitest';
import type { EngineStatus } from '../../shared/domain/engine-status.js';
import type { Handlers } from '../../shared/rpc/contract.js';
import { createRpcServer, type RpcServer } from '../../shared/rpc/server.js';
import type { Transport } from '../../shared/rpc/transport.js';
import type { RequestMessage, ServerMessage } from '../../shared/rpc/wire.js';
import { createConnection, type ConnectionState, type OpenedTransport } from './connection.js';
import { withUnusedMethods } from '../../shared/rpc/unused-methods.js';

/**
 * The connection against the real RPC server over an in-memory pipe (a stand-in for the
 * WebSocket, which Node 20 lacks); the WebSocket itself is exercised by the end-to-end tests.
 */
const running: EngineStatus = { state: 'running', lines: [] };

const handlers: Handlers = withUnusedMethods({
  'system.status': async () => ({
    version: '1',
    startedAt: '2026-01-01T00:00:00.000Z',
    uptimeMs: 1,
    dataDir: '/data',
    engine: running,
  }),
  'settings.get': async () => ({
    officeName: '',
    timeZone: 'Asia/Seoul',
    trustedSipSources: [],
    transferAllowList: [],
    pbxWebSocketUrl: '',
  }),
  'settings.update': async () => ({
    officeName: '',
    timeZone: 'Asia/Seoul',
    trustedSipSources: [],
    transferAllowList: [],
    pbxWebSocketUrl: '',
  }),
  'lines.list': async () => [],
  'lines.save': async () => {
    throw new Error('not used');
  },
  'lines.remove': async () => ({ removed: false }),
});

interface Pipe {
  opened: OpenedTransport;
  /** The engine side closes the pipe (engine stopped). */
  drop(): void;
  /** The engine refuses the token, as http-server.ts does: error frame, then close. */
  refuse(): void;
}

function fakeEngine() {
  const server: RpcServer = createRpcServer(handlers, { warn: () => undefined, error: () => undefined });
  const pipes: Pipe[] = [];
  let reachable = true;

  function open(): OpenedTransport {
    const toServer = new Set<(message: unknown) => void>();
    const toClient = new Set<(message: unknown) => void>();
    const closeListeners = new Set<() => void>();
    let closed = false;
    const deliver = (listeners: Set<(message: unknown) => void>, message: unknown): void => {
      const copy: unknown = JSON.parse(JSON.stringify(message));
      queueMicrotask(() => {
        if (!closed) for (const listener of listeners) listener(copy);
      });
    };
    const close = (): void => {
      if (closed) return;
      closed = true;
      queueMicrotask(() => {
        for (const listener of closeListeners) listener();
      });
    };
    const client: Transport<RequestMessage> = {
      send: (message) => deliver(toServer, message),
      onMessage: (listener) => (toClient.add(listener), () => toClient.delete(listener)),
      onClose: (listener) => (closeListeners.add(listener), () => closeListeners.delete(listener)),
    };
    const serverSide: Transport<ServerMessage> = {
      send: (message) => deliver(toClient, message),
      onMessage: (listener) => (toServer.add(listener), () => toServer.delete(listener)),
      onClose: (listener) => (closeListeners.add(listener), () => closeListeners.delete(listener)),
    };
    const ready = reachable ? Promise.resolve() : Promise.reject(new Error('refused'));
    if (reachable) server.attach(serverSide);
    else close();
    const opened: OpenedTransport = { transport: client, ready, close };
    pipes.push({
      opened,
      drop: close,
      refuse: () => {
        serverSide.send({ t: 'err', id: null, error: { code: 'UNAUTHORIZED', message: 'Wrong token' } });
        queueMicrotask(close);
      },
    });
    return opened;
  }

  return {
    server,
    pipes,
    open,
    setReachable: (value: boolean) => {
      reachable = value;
    },
  };
}

function setup(engine = fakeEngine()) {
  const states: ConnectionState[] = [];
  const timers: { ms: number; run: () => void }[] = [];
  const onConnected = vi.fn(async () => undefined);
  const connection = createConnection({
    open: engine.open,
    onStateChange: (state) => states.push(state),
    onConnected,
    delay: (attempt) => 100 * (attempt + 1),
    setTimer: (run, ms) => {
      const timer = { ms, run };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
  });
  const runTimers = (): void => {
    for (const timer of timers.splice(0)) timer.run();
  };
  return { engine, connection, states, timers, runTimers, onConnected };
}

describe('createConnection', () => {
  it('connects, loads what the UI shows, then reports connected', async () => {
    const { connection, states, onConnected } = setup();
    await vi.waitFor(() => expect(states).toEqual(['connected']));
    expect(onConnected).toHaveBeenCalledTimes(1);
    await expect(connection.call('system.status')).resolves.toMatchObject({ engine: running });
  });

  it('reconnects with backoff after the engine drops, refetches, and keeps event listeners', async () => {
    const { engine, connection, states, timers, runTimers, onConnected } = setup();
    const seen: string[] = [];
    connection.on('engine.statusChanged', (status) => seen.push(status.state));
    await vi.waitFor(() => expect(states).toEqual(['connected']));

    engine.pipes[0]?.drop();
    await vi.waitFor(() => expect(states).toEqual(['connected', 'reconnecting']));
    await expect(connection.call('lines.list')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(timers.map((timer) => timer.ms)).toEqual([100]);

    engine.setReachable(false);
    runTimers();
    await vi.waitFor(() => expect(timers.map((timer) => timer.ms)).toEqual([200]));

    engine.setReachable(true);
    runTimers();
    await vi.waitFor(() => expect(states.at(-1)).toBe('connected'));
    expect(onConnected).toHaveBeenCalledTimes(2);

    engine.server.emit('engine.statusChanged', { state: 'stopping', lines: [] });
    await vi.waitFor(() => expect(seen).toEqual(['stopping']));
    connection.close();
  });

  it('retries when loading after connecting fails', async () => {
    const { states, timers, onConnected } = setup();
    onConnected.mockRejectedValueOnce(new Error('lines.list failed'));
    await vi.waitFor(() => expect(states).toEqual(['reconnecting']));
    expect(timers).toHaveLength(1);
  });

  it('stops for good when the engine refuses the token', async () => {
    const engine = fakeEngine();
    const { states, timers } = setup(engine);
    await vi.waitFor(() => expect(states).toEqual(['connected']));
    engine.pipes[0]?.refuse();
    await vi.waitFor(() => expect(states).toEqual(['connected', 'unauthorized']));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(states).toEqual(['connected', 'unauthorized']);
    expect(timers).toHaveLength(0);
  });

  it('never reports connected when the token is refused at once', async () => {
    const engine = fakeEngine();
    const open = engine.open;
    // The real engine accepts the socket, sends the refusal and closes.
    const refusing = (): OpenedTransport => {
      const opened = open();
      engine.pipes.at(-1)?.refuse();
      return opened;
    };
    const { states, timers } = setup({ ...engine, open: refusing });
    await vi.waitFor(() => expect(states).toEqual(['unauthorized']));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(states).toEqual(['unauthorized']);
    expect(timers).toHaveLength(0);
  });
});
