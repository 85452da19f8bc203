import { createRpcClient, type RpcClient } from '../../shared/rpc/client.js';
import { events, type EventName } from '../../shared/rpc/contract.js';
import { RpcError } from '../../shared/rpc/errors.js';
import type { Transport } from '../../shared/rpc/transport.js';
import type { RequestMessage } from '../../shared/rpc/wire.js';
import { backoffDelay } from './backoff.js';

/**
 * ```
 *  connecting ──ready + onConnected──▶ connected
 *      │                                   │ transport closed / failure
 *      ▼                                   ▼
 *  reconnecting ◀──── backoff, retry ──────┘
 *      any state ──UNAUTHORIZED──▶ unauthorized (final: a new link is needed)
 * ```
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'unauthorized';

/** One attempt's pipe. `ready` settles once messages can flow (or the attempt failed). */
export interface OpenedTransport {
  transport: Transport<RequestMessage>;
  ready: Promise<void>;
  close(): void;
}
export type TransportFactory = () => OpenedTransport;

export interface ConnectionOptions {
  open: TransportFactory;
  onStateChange(state: ConnectionState): void;
  /**
   * Runs after each (re)connection, before the state turns `connected`: loads what the UI shows
   * (calls made here already go through the new pipe). If it fails, the attempt is retried.
   */
  onConnected(): Promise<void>;
  /** Delay before retry `attempt` (0-based). */
  delay?: (attempt: number) => number;
  /** Schedules a retry; returns a cancel function. Injected by tests. */
  setTimer?: (callback: () => void, ms: number) => () => void;
  timeoutMs?: number;
}

/** The API as the UI sees it: one stable object across reconnects. */
export interface Connection {
  call: RpcClient['call'];
  /** Event listeners survive reconnects. */
  on: RpcClient['on'];
  close(): void;
}

const defaultTimer = (callback: () => void, ms: number): (() => void) => {
  const handle = setTimeout(callback, ms);
  return () => clearTimeout(handle);
};

/**
 * Keeps one RPC client alive over a transport that may drop (the engine restarted, the laptop
 * slept): each drop is retried with backoff, until the engine refuses the token.
 */
export function createConnection(options: ConnectionOptions): Connection {
  const delay = options.delay ?? ((attempt: number) => backoffDelay(attempt));
  const setTimer = options.setTimer ?? defaultTimer;
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let current: RpcClient | undefined;
  let attempt = 0;
  let stopped = false;
  let cancelRetry: (() => void) | undefined;
  let abandon: (() => void) | undefined;

  function start(): void {
    if (stopped) return;
    const opened = options.open();
    const client = createRpcClient(opened.transport, { timeoutMs: options.timeoutMs });
    let live = true;

    const end = (): void => {
      live = false;
      if (current === client) current = undefined;
      client.close();
      opened.close();
    };
    const retry = (): void => {
      if (!live) return;
      end();
      if (stopped) return;
      options.onStateChange('reconnecting');
      cancelRetry = setTimer(() => {
        cancelRetry = undefined;
        start();
      }, delay(attempt++));
    };
    abandon = end;

    client.onFailure((error) => {
      if (!live) return;
      if (error.code === 'UNAUTHORIZED') {
        stopped = true;
        end();
        options.onStateChange('unauthorized');
        return;
      }
      retry();
    });
    for (const name of Object.keys(events) as EventName[]) {
      client.on(name, (payload) => {
        for (const listener of listeners.get(name) ?? []) listener(payload);
      });
    }
    opened.ready
      .then(async () => {
        if (!live) return;
        current = client;
        await options.onConnected();
        if (!live) return;
        attempt = 0;
        options.onStateChange('connected');
      })
      .catch(() => retry());
  }

  start();

  return {
    call(method, ...params) {
      if (!current) return Promise.reject(new RpcError('UNAVAILABLE', 'Not connected to the engine'));
      return current.call(method, ...params);
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => {
        set.delete(wrapped);
      };
    },
    close() {
      stopped = true;
      cancelRetry?.();
      abandon?.();
    },
  };
}
