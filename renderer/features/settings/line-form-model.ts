import type { z } from 'zod';
import { lineInputSchema, type Line, type LineInput } from '../../../shared/domain/line.js';
import { invalidParams, type FieldIssue } from '../../../shared/rpc/errors.js';

/** The line form as the user types it: text fields, numbers as one free-text box. */
export interface LineFormValues {
  displayName: string;
  registrar: string;
  username: string;
  authUsername: string;
  /** Write-only: always starts empty; empty on an existing line means "keep the stored one". */
  password: string;
  transport: 'udp' | 'tcp';
  handoff: 'bridge' | 'refer';
  numbers: string;
  enabled: boolean;
}

export const emptyLineForm: LineFormValues = {
  displayName: '',
  registrar: '',
  username: '',
  authUsername: '',
  password: '',
  transport: 'udp',
  handoff: 'bridge',
  numbers: '',
  enabled: true,
};

/** An existing line in the form. The API never returns the password, and we never prefill it. */
export function lineToForm(line: Line): LineFormValues {
  return {
    displayName: line.displayName,
    registrar: line.registrar,
    username: line.username,
    authUsername: line.authUsername ?? '',
    password: '',
    transport: line.transport,
    handoff: line.handoff,
    numbers: line.numbers.join(', '),
    enabled: line.enabled,
  };
}

/** Numbers separated by commas, semicolons, spaces or new lines. */
export function splitNumbers(text: string): string[] {
  return text.split(/[\s,;]+/).filter((part) => part !== '');
}

export function formToLineInput(values: LineFormValues, id?: string): LineInput {
  const authUsername = values.authUsername.trim();
  return {
    ...(id === undefined ? {} : { id }),
    displayName: values.displayName,
    registrar: values.registrar,
    username: values.username,
    authUsername: authUsername === '' ? null : authUsername,
    transport: values.transport,
    handoff: values.handoff,
    numbers: splitNumbers(values.numbers),
    enabled: values.enabled,
    ...(values.password === '' ? {} : { password: values.password }),
  };
}

export type LineFormCheck = { ok: true; input: LineInput } | { ok: false; issues: FieldIssue[] };

/**
 * The same checks the engine makes, before sending: the shared `lineInputSchema`, plus the
 * engine's rule that a new line needs a password. Issues have the wire's shape.
 */
export function checkLineForm(values: LineFormValues, existingId?: string): LineFormCheck {
  const input = formToLineInput(values, existingId);
  const parsed = lineInputSchema.safeParse(input);
  const issues = parsed.success ? [] : issuesOf(parsed.error);
  if (existingId === undefined && input.password === undefined) {
    issues.push({ path: ['password'], code: 'required', message: 'A new line needs a password' });
  }
  return issues.length === 0 ? { ok: true, input } : { ok: false, issues };
}

function issuesOf(error: z.ZodError): FieldIssue[] {
  return invalidParams(error, 'line').issues;
}
