/**
 * The sixteen DTMF keys, their tone pairs (ITU-T Q.23 §2) and their RFC 4733 event codes
 * (RFC 4733 §3.2, table 3). Shared by the RFC 4733 sender/receiver and the in-band detector, so
 * that both report the same digits.
 */

export type DtmfDigit =
  '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '*' | '#' | 'A' | 'B' | 'C' | 'D';

/** Indexed by RFC 4733 event code: 0–9, then * = 10, # = 11, A–D = 12–15. */
export const DTMF_DIGITS: readonly DtmfDigit[] = Object.freeze([
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '*',
  '#',
  'A',
  'B',
  'C',
  'D',
]);

/** Q.23: the low ("row") group, in Hz. */
export const DTMF_ROW_FREQUENCIES: readonly number[] = Object.freeze([697, 770, 852, 941]);
/** Q.23: the high ("column") group, in Hz. */
export const DTMF_COLUMN_FREQUENCIES: readonly number[] = Object.freeze([1209, 1336, 1477, 1633]);

/** Keypad layout: `DTMF_KEYPAD[row][column]`. */
export const DTMF_KEYPAD: readonly (readonly DtmfDigit[])[] = Object.freeze([
  Object.freeze(['1', '2', '3', 'A'] as const),
  Object.freeze(['4', '5', '6', 'B'] as const),
  Object.freeze(['7', '8', '9', 'C'] as const),
  Object.freeze(['*', '0', '#', 'D'] as const),
]);

export function isDtmfDigit(value: string): value is DtmfDigit {
  return value.length === 1 && '0123456789*#ABCD'.includes(value);
}

/** RFC 4733 event code of a digit (0–15). */
export function dtmfEventCode(digit: DtmfDigit): number {
  return DTMF_DIGITS.indexOf(digit);
}

/** The digit for an RFC 4733 event code, or undefined for other events (flash = 16, tones…). */
export function dtmfDigitForEvent(event: number): DtmfDigit | undefined {
  return DTMF_DIGITS[event];
}

/** The [low, high] tone pair of a digit, in Hz. */
export function dtmfFrequencies(digit: DtmfDigit): readonly [row: number, column: number] {
  for (let row = 0; row < 4; row++) {
    const column = DTMF_KEYPAD[row]?.indexOf(digit) ?? -1;
    if (column >= 0) return [DTMF_ROW_FREQUENCIES[row] ?? 0, DTMF_COLUMN_FREQUENCIES[column] ?? 0];
  }
  throw new RangeError(`not a DTMF digit: ${String(digit)}`);
}
