import { RpcError, type FieldIssue } from '../../../shared/rpc/errors.js';
import type { MessageKey } from '../../i18n/messages.en.js';
import type { Translate } from '../../i18n/translate.js';

/** Error text per field (the issue's `path[0]`); issues without a path go under {@link FORM_ERROR}. */
export type FieldErrors = Readonly<Record<string, string>>;
export const FORM_ERROR = '';

/**
 * The schemas' own messages (shared/domain), which we know how to say in every locale. A
 * message not listed here is shown as the schema wrote it (English), never dropped.
 */
const knownMessages: ReadonlyMap<string, MessageKey> = new Map<string, MessageKey>([
  ['Use host or host:port, e.g. pbx.example.com or 192.168.0.10:5060', 'issue.hostPort'],
  ['Letters, digits and . _ - + only; no spaces or @', 'issue.sipUser'],
  ['Digits only, optionally starting with +', 'issue.phoneNumber'],
  ['Each number only once', 'issue.numbersUnique'],
  ['Unknown time zone; use a name like Asia/Seoul', 'issue.timeZone'],
]);

/** One issue in words for the current locale. */
export function issueMessage(issue: FieldIssue, t: Translate): string {
  const field = issue.path[0];
  const missing =
    issue.code === 'required' ||
    issue.code === 'too_small' ||
    (issue.code === 'invalid_type' && /received (undefined|null)/.test(issue.message));
  if (missing) return field === 'password' ? t('issue.passwordRequired') : t('issue.required');
  if (issue.code === 'too_big') {
    return issue.path.length === 1 && field === 'numbers' ? t('issue.tooMany') : t('issue.tooLong');
  }
  if (issue.code === 'invalid_value') return t('issue.invalidOption');
  const known = knownMessages.get(issue.message);
  return known ? t(known) : issue.message;
}

/**
 * Maps issues (from an INVALID_PARAMS RpcError or the same zod schema run locally) to one message
 * per field, the first issue winning. With `values`, an issue on one item of a list field
 * (`['numbers', 2]`) names the offending item.
 */
export function fieldErrorsFromIssues(
  issues: readonly FieldIssue[],
  t: Translate,
  values?: Readonly<Record<string, unknown>>,
): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : FORM_ERROR;
    if (field in errors) continue;
    let message = issueMessage(issue, t);
    const index = issue.path[1];
    const list = values?.[field];
    if (typeof index === 'number' && Array.isArray(list) && list[index] !== undefined) {
      message = t('issue.inItem', { item: String(list[index]), message });
    }
    errors[field] = message;
  }
  return errors;
}

/**
 * Any failure of a save, as field errors: per-field issues for INVALID_PARAMS, else one
 * form-level message in words (not reachable, timed out, gone).
 */
export function errorsFromFailure(
  error: unknown,
  t: Translate,
  values?: Readonly<Record<string, unknown>>,
): FieldErrors {
  if (error instanceof RpcError) {
    if (error.code === 'INVALID_PARAMS' && error.issues.length > 0) {
      return fieldErrorsFromIssues(error.issues, t, values);
    }
    if (error.code === 'UNAVAILABLE') return { [FORM_ERROR]: t('error.unavailable') };
    if (error.code === 'TIMEOUT') return { [FORM_ERROR]: t('error.timeout') };
    if (error.code === 'NOT_FOUND') return { [FORM_ERROR]: t('error.notFound') };
    return { [FORM_ERROR]: t('error.generic', { message: error.message }) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { [FORM_ERROR]: t('error.generic', { message }) };
}
