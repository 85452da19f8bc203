import { z } from 'zod';
import { rpcErrorSchema } from './errors.js';

/** The fixed Electron IPC channel; the preload repeats this literal (it cannot import). */
export const RPC_CHANNEL = 'switchboard:rpc';

/** Path of the WebSocket endpoint on the headless engine's HTTP port. */
export const RPC_WS_PATH = '/rpc';

const requestId = z.union([z.string().min(1).max(64), z.number().int()]);

export const requestMessageSchema = z.object({
  t: z.literal('req'),
  id: requestId,
  method: z.string().max(100),
  params: z.unknown(),
});
export const resultMessageSchema = z.object({
  t: z.literal('res'),
  id: requestId,
  result: z.unknown(),
});
/** `id` is null when the failure is not tied to one request (bad token, unparsable frame). */
export const errorMessageSchema = z.object({
  t: z.literal('err'),
  id: requestId.nullable(),
  error: rpcErrorSchema,
});
export const eventMessageSchema = z.object({
  t: z.literal('evt'),
  name: z.string(),
  payload: z.unknown(),
});

export const clientMessageSchema = requestMessageSchema;
export const serverMessageSchema = z.discriminatedUnion('t', [
  resultMessageSchema,
  errorMessageSchema,
  eventMessageSchema,
]);

export type RequestMessage = z.infer<typeof requestMessageSchema>;
export type ServerMessage = z.infer<typeof serverMessageSchema>;
export type WireMessage = RequestMessage | ServerMessage;
