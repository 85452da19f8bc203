import { describe, expect, it } from 'vitest';
import { DTMF_DIGITS, dtmfDigitForEvent, dtmfEventCode, dtmfFrequencies, isDtmfDigit } from './dtmf-digit.js';

describe('DTMF keys', () => {
  it('numbers the keys as RFC 4733 §3.2 does', () => {
    expect(DTMF_DIGITS.join('')).toBe('0123456789*#ABCD');
    expect(['0', '9', '*', '#', 'A', 'D'].map((d) => (isDtmfDigit(d) ? dtmfEventCode(d) : -1))).toEqual([
      0, 9, 10, 11, 12, 15,
    ]);
    for (const digit of DTMF_DIGITS) expect(dtmfDigitForEvent(dtmfEventCode(digit))).toBe(digit);
    expect(dtmfDigitForEvent(16)).toBeUndefined(); // flash
    expect(dtmfDigitForEvent(-1)).toBeUndefined();
  });

  it('gives each key its Q.23 tone pair', () => {
    expect(dtmfFrequencies('1')).toEqual([697, 1209]);
    expect(dtmfFrequencies('5')).toEqual([770, 1336]);
    expect(dtmfFrequencies('9')).toEqual([852, 1477]);
    expect(dtmfFrequencies('0')).toEqual([941, 1336]);
    expect(dtmfFrequencies('#')).toEqual([941, 1477]);
    expect(dtmfFrequencies('D')).toEqual([941, 1633]);
    expect(new Set(DTMF_DIGITS.map((d) => dtmfFrequencies(d).join('+'))).size).toBe(16);
  });

  it('recognises digits only', () => {
    expect(isDtmfDigit('#')).toBe(true);
    expect(isDtmfDigit('a')).toBe(false);
    expect(isDtmfDigit('12')).toBe(false);
    expect(isDtmfDigit('')).toBe(false);
  });
});
