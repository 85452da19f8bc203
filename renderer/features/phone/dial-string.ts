/** Why a typed number cannot be dialled, for the inline error. */
export type DialError = 'empty' | 'characters' | 'plus' | 'length';

export type DialCheck = { ok: true; number: string } | { ok: false; error: DialError };

/** Separators people type or paste ("010-1234-5678", "(02) 123 4567"): dropped before dialling. */
const SEPARATORS = /[\s\-().]/g;
/** An extension has at least 2 digits; E.164 numbers are at most 15 digits (ITU-T E.164 §6), plus room for a prefix. */
const MIN_LENGTH = 2;
const MAX_LENGTH = 20;

/**
 * What the agent typed, as the user part of the SIP URI to call: digits, `*` and `#` (feature
 * codes), and `+` only in front (RFC 3966 global numbers). An extension ("201") and a phone
 * number ("010-1234-5678") are both fine; separators are dropped.
 */
export function checkDialString(input: string): DialCheck {
  const number = input.replace(SEPARATORS, '');
  if (number === '') return { ok: false, error: 'empty' };
  if (!/^[0-9*#+]+$/.test(number)) return { ok: false, error: 'characters' };
  if (!/^\+?[0-9*#]+$/.test(number)) return { ok: false, error: 'plus' };
  const digits = number.replace('+', '').length;
  if (digits < MIN_LENGTH || digits > MAX_LENGTH) return { ok: false, error: 'length' };
  return { ok: true, number };
}
