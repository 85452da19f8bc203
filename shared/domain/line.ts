import { z } from 'zod';

/** SIP transports the engine speaks on the office line (RFC 3261 §18). */
export const lineTransports = ['udp', 'tcp'] as const;
export const lineTransportSchema = z.enum(lineTransports);

/**
 * How a caller is put through to an agent or a number: `bridge` keeps the engine in the call as
 * a B2BUA (it sees both legs: talk time, hang-up, recording); `refer` asks the caller's side to
 * call the target itself (RFC 3515) and leaves the call, for PBXs that must own the connection.
 */
export const lineHandoffs = ['bridge', 'refer'] as const;
export const lineHandoffSchema = z.enum(lineHandoffs);
export type LineHandoff = z.infer<typeof lineHandoffSchema>;

/** `host`, `host:port` or `[v6]:port`; no scheme, no user part. */
export const hostPortSchema = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(
    /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::(?:[1-9]\d{0,3}|[1-5]\d{4}|6[0-4]\d{3}|65[0-4]\d{2}|655[0-2]\d|6553[0-5]))?$/,
    'Use host or host:port, e.g. pbx.example.com or 192.168.0.10:5060',
  );

/** RFC 3261 §25.1 user part, restricted to what PBXs accept as an account name. */
export const sipUserSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._~+\-!$&'()*,;=%]+$/, 'Letters, digits and . _ - + only; no spaces or @');

/** A dialled number as the PBX presents it: digits with an optional leading +. */
export const phoneNumberSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9]{2,20}$/, 'Digits only, optionally starting with +');

const lineFields = {
  displayName: z.string().trim().min(1).max(80),
  registrar: hostPortSchema,
  username: sipUserSchema,
  /** Digest user when it differs from the SIP user (some trunks). */
  authUsername: sipUserSchema.nullable().default(null),
  transport: lineTransportSchema.default('udp'),
  handoff: lineHandoffSchema.default('bridge'),
  numbers: z
    .array(phoneNumberSchema)
    .max(50)
    .default([])
    .refine((list) => new Set(list).size === list.length, 'Each number only once'),
  enabled: z.boolean().default(true),
};

/**
 * What a client sends to create or change a line. The password is write-only: required to
 * create, omitted to keep the stored one, never returned.
 */
export const lineInputSchema = z.object({
  id: z.uuid().optional(),
  ...lineFields,
  password: z.string().min(1).max(128).optional(),
});
export type LineInput = z.input<typeof lineInputSchema>;
export type LineInputParsed = z.output<typeof lineInputSchema>;

export const registrationStates = [
  'disabled',
  'not_registered',
  'registering',
  'registered',
  'failed',
] as const;
export const registrationSchema = z.object({
  state: z.enum(registrationStates),
  /** Why, in words a person can act on ("wrong password (403)"). */
  reason: z.string().optional(),
});
export type Registration = z.infer<typeof registrationSchema>;

export const lineSchema = z.object({
  id: z.uuid(),
  ...lineFields,
  hasPassword: z.boolean(),
  registration: registrationSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Line = z.infer<typeof lineSchema>;
