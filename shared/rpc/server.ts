import {
  events,
  isMethod,
  methods,
  type EventName,
  type EventPayload,
  type Handlers,
  type Method,
} from './contract.js';
import { agentMethods, OFFICE_SCOPE, type CallContext, type ClientScope } from './client-scope.js';
import { invalidParams, RpcError } from './errors.js';
import type { Transport } from './transport.js';
import { requestMessageSchema, type RequestMessage, type ServerMessage } from './wire.js';

export interface RpcServerLogger {
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

export interface RpcServer {
  /**
   * Serves one client until its transport closes; returns a detach function. An agent-scoped
   * client may call only what agentMethods allows, and only as its own agent. `connection` is
   * what handlers learn of the pipe; it defaults to private, as the engine's own pipes are (the
   * desktop window's IPC): a network transport must say.
   */
  attach(transport: Transport<ServerMessage>, scope?: ClientScope, connection?: CallContext): () => void;
  /** Pushes an event to every attached client. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  readonly clientCount: number;
}

/**
 * Dispatches validated calls to handlers. Nothing a client sends can throw out of here:
 * bad frames, unknown methods and invalid params are answered with the error shape, and a
 * handler's unexpected exception becomes INTERNAL without its stack leaving the engine.
 */
export function createRpcServer(handlers: Handlers, logger: RpcServerLogger): RpcServer {
  const clients = new Set<Transport<ServerMessage>>();

  async function dispatch(
    request: RequestMessage,
    scope: ClientScope,
    connection: CallContext,
  ): Promise<ServerMessage> {
    const { id, method } = request;
    if (!isMethod(method)) {
      return errorReply(id, new RpcError('UNKNOWN_METHOD', `Unknown method: ${method}`));
    }
    const scoped = scopeParams(method, request.params ?? {}, scope);
    if (scoped instanceof RpcError) return errorReply(id, scoped);
    const parsed = methods[method].params.safeParse(scoped);
    if (!parsed.success) return errorReply(id, invalidParams(parsed.error, `params for ${method}`));
    try {
      const result = await callHandler(method, parsed.data, connection);
      return { t: 'res', id, result };
    } catch (error) {
      if (error instanceof RpcError) return errorReply(id, error);
      logger.error(`${method} failed`, { error: String(error) });
      return errorReply(id, new RpcError('INTERNAL', `${method} failed; see the engine log`));
    }
  }

  // The params were validated against this very method's schema just above.
  function callHandler(method: Method, params: unknown, connection: CallContext): Promise<unknown> {
    const handler = handlers[method] as (p: unknown, call: CallContext) => Promise<unknown>;
    return handler(params, connection);
  }

  function safeSend(transport: Transport<ServerMessage>, message: ServerMessage): void {
    try {
      transport.send(message);
    } catch (error) {
      logger.warn('could not send to a client', { error: String(error) });
    }
  }

  return {
    attach(transport, scope = OFFICE_SCOPE, connection = { isPrivate: true }) {
      clients.add(transport);
      const offMessage = transport.onMessage((raw) => {
        const request = requestMessageSchema.safeParse(raw);
        if (!request.success) {
          const id = idOf(raw);
          safeSend(
            transport,
            errorReply(id, new RpcError('BAD_MESSAGE', 'Expected {t:"req", id, method, params}')),
          );
          return;
        }
        void dispatch(request.data, scope, connection).then((reply) => safeSend(transport, reply));
      });
      const detach = (): void => {
        clients.delete(transport);
        offMessage();
        offClose();
      };
      const offClose = transport.onClose(detach);
      return detach;
    },
    emit(name, payload) {
      const checked = events[name].payload.parse(payload);
      for (const client of clients) safeSend(client, { t: 'evt', name, payload: checked });
    },
    get clientCount() {
      return clients.size;
    },
  };
}

/** The params an agent-scoped call runs with, or why it may not run. */
function scopeParams(method: Method, params: unknown, scope: ClientScope): unknown {
  if (scope.kind === 'office') return params;
  const rule = agentMethods[method];
  if (!rule) return new RpcError('UNAUTHORIZED', `An agent's app may not call ${method}`);
  if (rule === 'read' || typeof params !== 'object' || params === null) return params;
  const claimed = (params as { agentId?: unknown }).agentId;
  if (claimed !== undefined && claimed !== scope.agentId) {
    return new RpcError('UNAUTHORIZED', `An agent's app acts only for its own agent`);
  }
  return { ...params, agentId: scope.agentId };
}

function errorReply(id: string | number | null, error: RpcError): ServerMessage {
  return { t: 'err', id, error: error.toShape() };
}

function idOf(raw: unknown): string | number | null {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return null;
  const { id } = raw;
  return typeof id === 'string' || typeof id === 'number' ? id : null;
}
