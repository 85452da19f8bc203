import { z } from 'zod';

/**
 * Messages between Electron's main process and the engine's utility process. The renderer's
 * RPC frames pass through untouched inside `rpc`; the engine validates them like any client.
 */
export const hostToEngineSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('init'),
    dataDir: z.string().min(1),
    migrationsDir: z.string().min(1),
    version: z.string(),
    /** base64 AES-256 key unwrapped by safeStorage; absent when the OS offers no keychain. */
    secretKey: z.string().optional(),
  }),
  z.object({ kind: z.literal('rpc'), message: z.unknown() }),
  z.object({ kind: z.literal('shutdown') }),
  /** Where a voicemail's audio file is, for the window's media protocol. */
  z.object({ kind: z.literal('voicemailFile'), requestId: z.number().int(), id: z.uuid() }),
]);
export type HostToEngine = z.infer<typeof hostToEngineSchema>;

export type EngineToHost =
  | { kind: 'ready' }
  | { kind: 'rpc'; message: unknown }
  | { kind: 'fatal'; message: string }
  /** `file`: absolute path, null when there is no such voicemail. */
  | { kind: 'voicemailFile'; requestId: number; file: string | null };
