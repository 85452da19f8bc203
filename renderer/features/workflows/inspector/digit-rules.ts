import type { StepOf } from '../../../../shared/workflow/steps.js';

type FormStep = StepOf<'input_form'>;

/**
 * The form with a new minimum or maximum digit count; the other end moves along so the minimum
 * never exceeds the maximum (the schema refuses a draft where it does).
 */
export function withDigitRange(step: FormStep, change: { minDigits?: number; maxDigits?: number }): FormStep {
  if (change.minDigits !== undefined) {
    return { ...step, minDigits: change.minDigits, maxDigits: Math.max(step.maxDigits, change.minDigits) };
  }
  if (change.maxDigits !== undefined) {
    return { ...step, maxDigits: change.maxDigits, minDigits: Math.min(step.minDigits, change.maxDigits) };
  }
  return step;
}

/** Reading back and confirming go together: confirming needs the readback, dropping it drops both. */
export function withReadback(step: FormStep, change: { readback?: boolean; confirm?: boolean }): FormStep {
  if (change.confirm !== undefined) {
    return { ...step, confirm: change.confirm, readback: change.confirm ? true : step.readback };
  }
  if (change.readback !== undefined) {
    return { ...step, readback: change.readback, confirm: change.readback ? step.confirm : false };
  }
  return step;
}

const MAX_PREFIXES = 20;

/**
 * Prefixes as typed ("01, 070"): each 1–10 digits, separated by commas or spaces. `prefixes` is
 * what the schema accepts (each once, at most 20); `invalid` what it would refuse.
 */
export function parsePrefixes(text: string): { prefixes: string[]; invalid: string[] } {
  const words = text.split(/[\s,]+/).filter((w) => w !== '');
  const valid = [...new Set(words.filter((w) => /^[0-9]{1,10}$/.test(w)))];
  return {
    prefixes: valid.slice(0, MAX_PREFIXES),
    invalid: words.filter((w) => !/^[0-9]{1,10}$/.test(w)),
  };
}

export function formatPrefixes(prefixes: readonly string[]): string {
  return prefixes.join(', ');
}
