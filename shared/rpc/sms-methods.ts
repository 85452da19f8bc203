import { z } from 'zod';
import {
  sendSmsParams,
  smsAttemptSchema,
  smsMessageSchema,
  smsOutboxParams,
  smsOutboxSchema,
  smsSettingsInputSchema,
  smsSettingsViewSchema,
} from '../domain/sms.js';
import { noParams, type EventSpec, type MethodSpec } from './method-spec.js';

/** Text messages: the outbox and the provider that delivers it. */
export const smsMethods = {
  'sms.outbox': { params: smsOutboxParams, result: smsOutboxSchema },
  'sms.attempts': { params: z.strictObject({ id: z.uuid() }), result: z.array(smsAttemptSchema) },
  'sms.send': { params: sendSmsParams, result: smsMessageSchema },
  'sms.resend': { params: z.strictObject({ id: z.uuid() }), result: smsMessageSchema },
  'sms.settings': { params: noParams, result: smsSettingsViewSchema },
  'sms.configure': { params: smsSettingsInputSchema, result: smsSettingsViewSchema },
} as const satisfies Record<string, MethodSpec>;

export const smsEvents = {
  /** A message was queued, tried, sent, given up on or queued again. */
  'sms.changed': { payload: smsMessageSchema },
} as const satisfies Record<string, EventSpec>;
