import { z } from 'zod';
import { phoneNumberSchema } from './line.js';

export const smsStatuses = ['queued', 'sent', 'failed'] as const;
export const smsStatusSchema = z.enum(smsStatuses);
export type SmsStatus = z.infer<typeof smsStatusSchema>;

/** What a message may say: long texts go out as several SMS (LMS), gateways cap them near 2000. */
export const smsTextSchema = z.string().trim().min(1).max(2000);

/** A text message in the outbox, as the API shows it. */
export const smsMessageSchema = z.object({
  id: z.uuid(),
  /** The call whose workflow sent it; null when an agent wrote it. */
  callId: z.string().nullable(),
  agentId: z.string().nullable(),
  to: z.string(),
  text: z.string(),
  status: smsStatusSchema,
  /** Attempts since it was last queued (a resend starts a new round; history keeps them all). */
  attempts: z.number().int(),
  /** When a queued message is next tried. */
  nextAttemptAt: z.string().nullable(),
  /** Why the last attempt failed, in the gateway's words. */
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SmsMessage = z.infer<typeof smsMessageSchema>;

/** One delivery attempt: what the provider answered. */
export const smsAttemptSchema = z.object({
  provider: z.string(),
  ok: z.boolean(),
  detail: z.string(),
  at: z.string(),
});
export type SmsAttempt = z.infer<typeof smsAttemptSchema>;

export const smsOutboxParams = z.strictObject({
  status: smsStatusSchema.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

export const smsOutboxSchema = z.object({
  /** Newest first. */
  messages: z.array(smsMessageSchema),
  /** Why queued messages are not going out right now (no provider set up), else null. */
  waitingReason: z.string().nullable(),
});

export const sendSmsParams = z.strictObject({
  to: phoneNumberSchema,
  text: smsTextSchema,
  /** The agent writing it, if an agent is. */
  agentId: z.uuid().optional(),
});

/** What a body template may name: the recipient, the text, the sender, the outbox id. */
export const smsPlaceholders = ['to', 'text', 'from', 'id'] as const;
export type SmsPlaceholder = (typeof smsPlaceholders)[number];
const placeholderPattern = /\{\{\s*([A-Za-z_]+)\s*\}\}/g;

function unknownPlaceholders(template: string): string[] {
  const known: readonly string[] = smsPlaceholders;
  return [...template.matchAll(placeholderPattern)]
    .map((match) => match[1] ?? '')
    .filter((name) => !known.includes(name));
}

/** RFC 9110 §5.1 field name (a token). */
const headerNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'A header name is letters, digits and - only');
/** No line breaks: a header value must not be able to start another header. */
const headerValueSchema = z
  .string()
  .max(1000)
  .regex(/^[^\r\n\0]*$/, 'A header value is one line');

export const smsHttpMethods = ['POST', 'PUT', 'GET'] as const;
/** How the body template's placeholders are escaped, and the Content-Type sent. */
export const smsBodyFormats = ['json', 'form', 'text'] as const;

const httpFields = {
  kind: z.literal('http'),
  url: z
    .url({ protocol: /^https?$/, error: 'Use an http:// or https:// address' })
    .max(2000)
    .refine((url) => unknownPlaceholders(url).length === 0, 'The address takes no placeholders'),
  method: z.enum(smsHttpMethods).default('POST'),
  /**
   * `json`: placeholders are JSON-string escaped (write them inside quotes); `form`:
   * x-www-form-urlencoded; `text`: as they are. A GET sends the template as its query string,
   * form-encoded, whatever the format.
   */
  format: z.enum(smsBodyFormats).default('json'),
  /** Headers that are not secret (e.g. an account id); shown back as saved. */
  headers: z
    .array(z.strictObject({ name: headerNameSchema, value: headerValueSchema }))
    .max(20)
    .default([]),
  /** The header carrying the gateway's key (e.g. Authorization); its value is in the secret store. */
  secretHeader: headerNameSchema.nullable().default(null),
  bodyTemplate: z.string().max(4000).default('{"to": "{{to}}", "text": "{{text}}", "from": "{{from}}"}'),
};

function checkTemplate(
  provider: { method: string; format: string; bodyTemplate: string },
  context: z.core.$RefinementCtx,
): void {
  for (const name of unknownPlaceholders(provider.bodyTemplate)) {
    context.addIssue({
      code: 'custom',
      path: ['bodyTemplate'],
      message: `Unknown placeholder {{${name}}}; use ${smsPlaceholders.map((p) => `{{${p}}}`).join(', ')}`,
    });
  }
  if (provider.method === 'GET' || provider.format !== 'json') return;
  // Filled with plain letters, the body must be JSON: placeholders belong inside quotes.
  try {
    JSON.parse(provider.bodyTemplate.replace(placeholderPattern, 'x'));
  } catch {
    context.addIssue({
      code: 'custom',
      path: ['bodyTemplate'],
      message: 'The body is not valid JSON; write placeholders inside quotes, e.g. {"to": "{{to}}"}',
    });
  }
}

const httpProviderSchema = z.strictObject(httpFields).superRefine(checkTemplate);

const providerSchema = z.discriminatedUnion('kind', [
  /** Nothing sends: messages stay queued until a provider is set up. */
  z.strictObject({ kind: z.literal('none') }),
  httpProviderSchema,
  /** SIP MESSAGE (RFC 3428) to sip:<number>@<registrar> through one of the office lines. */
  z.strictObject({ kind: z.literal('sip'), lineId: z.uuid() }),
]);

const deliveryFields = {
  /** Sender number or id the gateway shows, for {{from}}. */
  from: z.string().trim().max(32).default(''),
  /** Attempts before a message is shown as failed. */
  maxAttempts: z.number().int().min(1).max(20).default(5),
  /** First retry after this; each next one waits 4× longer (capped at an hour), ±20 %. */
  retryBaseSec: z.number().int().min(1).max(3600).default(30),
  /** A gateway that has not answered by then has failed this attempt. */
  timeoutSec: z.number().int().min(1).max(120).default(15),
};

/** How text messages leave the office, as stored (without the secret). */
export const smsSettingsSchema = z.object({
  provider: providerSchema.default({ kind: 'none' }),
  ...deliveryFields,
});
export type SmsSettings = z.infer<typeof smsSettingsSchema>;
export type SmsProvider = SmsSettings['provider'];
export type SmsHttpProvider = Extract<SmsProvider, { kind: 'http' }>;

/**
 * What `sms.configure` takes: the whole settings. The secret header's value is write-only:
 * given to set it, omitted to keep the stored one, never returned.
 */
export const smsSettingsInputSchema = z.strictObject({
  provider: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('none') }),
      z
        .strictObject({ ...httpFields, secretValue: headerValueSchema.min(1).optional() })
        .superRefine(checkTemplate),
      z.strictObject({ kind: z.literal('sip'), lineId: z.uuid() }),
    ])
    .default({ kind: 'none' }),
  ...deliveryFields,
});
export type SmsSettingsInput = z.infer<typeof smsSettingsInputSchema>;

/** The settings as the API shows them: whether a secret is stored, never the secret. */
export const smsSettingsViewSchema = smsSettingsSchema.extend({ hasSecret: z.boolean() });
export type SmsSettingsView = z.infer<typeof smsSettingsViewSchema>;
