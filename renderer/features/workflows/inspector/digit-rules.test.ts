import { describe, expect, it } from 'vitest';
import { inputFormStep, stepSchema } from '../../../../shared/workflow/steps.js';
import { formatPrefixes, parsePrefixes, withDigitRange, withReadback } from './digit-rules.js';

const form = inputFormStep.parse({
  kind: 'input_form',
  id: 'phone',
  name: 'Phone',
  prompt: { kind: 'tts', text: 'Enter your number', language: 'en' },
  variable: 'phone',
  minDigits: 4,
  maxDigits: 11,
});

describe('input form digit rules', () => {
  it('moves the other end so the minimum never exceeds the maximum', () => {
    expect(withDigitRange(form, { minDigits: 15 })).toMatchObject({ minDigits: 15, maxDigits: 15 });
    expect(withDigitRange(form, { maxDigits: 2 })).toMatchObject({ minDigits: 2, maxDigits: 2 });
    expect(withDigitRange(form, { minDigits: 6 })).toMatchObject({ minDigits: 6, maxDigits: 11 });
    expect(stepSchema.safeParse(withDigitRange(form, { maxDigits: 2 })).success).toBe(true);
  });

  it('ties confirming to reading back', () => {
    expect(withReadback(form, { confirm: true })).toMatchObject({ readback: true, confirm: true });
    const both = withReadback(form, { confirm: true });
    expect(withReadback(both, { readback: false })).toMatchObject({ readback: false, confirm: false });
    expect(withReadback(both, { confirm: false })).toMatchObject({ readback: true, confirm: false });
  });

  it('reads prefixes as typed, keeping what the schema accepts', () => {
    expect(parsePrefixes('010, 011 010')).toEqual({ prefixes: ['010', '011'], invalid: [] });
    expect(parsePrefixes('01a, 12345678901, 02')).toEqual({
      prefixes: ['02'],
      invalid: ['01a', '12345678901'],
    });
    expect(parsePrefixes('')).toEqual({ prefixes: [], invalid: [] });
    const many = Array.from({ length: 30 }, (_, i) => String(i + 10)).join(',');
    expect(parsePrefixes(many).prefixes).toHaveLength(20);
    expect(formatPrefixes(['010', '011'])).toBe('010, 011');
  });
});
