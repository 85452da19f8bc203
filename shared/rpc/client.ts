import { type EventName, type EventPayload, type Method, type Params, type Result } from './contract.js';
import { RpcError } from './errors.js';
import type { Transport } from './transport.js';
import { serverMessageSchema, type RequestMessage } from './wire.js';

export interface RpcClient {
  call<M extends Method>(method: M, ...params: OptionalParams<M>): Promise<Result<M>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Failures not tied to a call (e.g. a rejected token), and the transport closing. */
  onFailure(listener: (error: RpcError) => void): () => void;
  close(): void;
}

type OptionalParams<M extends Method> =
  Record<never, never> extends Params<M> ? [params?: Params<M>] : [params: Params<M>];

interface Pending {
  resolve(value: unknown): void;
  reject(error: RpcError): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The caller's side of the contract, transport-agnostic. Results are trusted as the server
 * validated them; events are typed by name.
 */
export function createRpcClient(
  transport: Transport<RequestMessage>,
  options: { timeoutMs?: number } = {},
): RpcClient {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pending = new Map<string, Pending>();
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const failureListeners = new Set<(error: RpcError) => void>();
  let nextId = 1;
  let closed = false;

  const failAll = (error: RpcError): void => {
    for (const [id, call] of pending) {
      clearTimeout(call.timer);
      call.reject(error);
      pending.delete(id);
    }
    for (const listener of failureListeners) listener(error);
  };

  const offMessage = transport.onMessage((raw) => {
    const parsed = serverMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.t === 'evt') {
      for (const listener of eventListeners.get(message.name) ?? []) listener(message.payload);
      return;
    }
    if (message.id === null) {
      if (message.t === 'err') failAll(RpcError.fromShape(message.error));
      return;
    }
    const call = pending.get(String(message.id));
    if (!call) return;
    pending.delete(String(message.id));
    clearTimeout(call.timer);
    if (message.t === 'res') call.resolve(message.result);
    else call.reject(RpcError.fromShape(message.error));
  });
  const offClose = transport.onClose(() => {
    closed = true;
    failAll(new RpcError('UNAVAILABLE', 'Connection to the engine closed'));
  });

  return {
    call(method, ...rest) {
      if (closed) return Promise.reject(new RpcError('UNAVAILABLE', 'Not connected to the engine'));
      const id = String(nextId++);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new RpcError('TIMEOUT', `${method} got no answer in ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
        transport.send({ t: 'req', id, method, params: rest[0] ?? {} });
      });
    },
    on(name, listener) {
      const set = eventListeners.get(name) ?? new Set();
      eventListeners.set(name, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    onFailure(listener) {
      failureListeners.add(listener);
      return () => failureListeners.delete(listener);
    },
    close() {
      closed = true;
      offMessage();
      offClose();
      failAll(new RpcError('UNAVAILABLE', 'Client closed'));
    },
  };
}
