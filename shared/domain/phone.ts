import { z } from 'zod';

/**
 * The office PBX's SIP-over-WebSocket endpoint (RFC 7118) for agents' softphones: a ws:// or
 * wss:// URL, or '' while not configured.
 */
export const pbxWebSocketUrlSchema = z
  .string()
  .trim()
  .max(300)
  .refine(
    (value) => value === '' || /^wss?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i.test(value),
    'A WebSocket URL like wss://pbx.example.com:8089/ws, or empty',
  );

/** An agent's SIP password on the office PBX: write-only, like a line's. */
export const setSipPasswordParams = z.strictObject({
  agentId: z.uuid(),
  password: z.string().min(1).max(128),
});

/**
 * What a softphone lacks before it can register. 'secureConnection': the app was opened from
 * another PC over plain http, where the SIP password is neither handed out nor taken.
 */
export const phoneConfigGaps = ['wsUrl', 'line', 'password', 'secureConnection'] as const;

/**
 * Everything an agent's softphone needs to register as that agent. `missing` names what the
 * office has not set up yet; the fields it concerns are then null.
 */
export const phoneConfigSchema = z.object({
  agentId: z.uuid(),
  displayName: z.string(),
  /** ws:// or wss:// URL of the PBX. */
  wsUrl: z.string().nullable(),
  /** The agent's address of record, e.g. sip:201@pbx.example.com. */
  aor: z.string().nullable(),
  /** Digest user (RFC 3261 §22.4): the AOR's user part. */
  authUsername: z.string().nullable(),
  password: z.string().nullable(),
  missing: z.array(z.enum(phoneConfigGaps)),
});
export type PhoneConfig = z.infer<typeof phoneConfigSchema>;
