import { z } from 'zod';

/** The smallest and largest whole number a numeric schema field accepts. */
export interface NumberLimits {
  min: number;
  max: number;
}

/** The schema under `.default()`, `.nullable()` and `.optional()`: where the checks live. */
function inner(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (
      current instanceof z.ZodDefault ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodOptional
    ) {
      current = current.unwrap() as z.ZodType;
    } else return current;
  }
}

/**
 * The limits of a numeric field as the shared schema states them, so the forms clamp to exactly
 * what the engine accepts (e.g. `numberLimits(assignStep.shape.ringTimeoutSec)` is 5…120).
 */
export function numberLimits(schema: z.ZodType): NumberLimits {
  const number = inner(schema);
  if (!(number instanceof z.ZodNumber)) throw new Error('Not a number schema');
  return {
    min: number.minValue ?? Number.MIN_SAFE_INTEGER,
    max: number.maxValue ?? Number.MAX_SAFE_INTEGER,
  };
}

/** The longest text a string field accepts (for `maxLength`). */
export function textMax(schema: z.ZodType): number {
  const text = inner(schema);
  if (!(text instanceof z.ZodString)) throw new Error('Not a string schema');
  return text.maxLength ?? Number.MAX_SAFE_INTEGER;
}

/** `value` rounded to a whole number within `limits`. */
export function clampInt(value: number, { min, max }: NumberLimits): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

/**
 * What typing `text` into a number field means: a whole number within the limits, or null while
 * it is not one yet (empty, "1" on the way to "15" for a minimum of 5, a stray letter).
 */
export function parseWithin(text: string, limits: NumberLimits): number | null {
  if (!/^\s*-?\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= limits.min && value <= limits.max ? value : null;
}

/** What leaving a number field with `text` in it commits: clamped, or `fallback` for no number. */
export function settleNumber(text: string, limits: NumberLimits, fallback: number): number {
  const value = Number.parseFloat(text);
  return Number.isFinite(value) ? clampInt(value, limits) : fallback;
}

/** The most items a list field accepts (`z.array(…).max(n)`). */
export function listMax(schema: z.ZodType): number {
  const list = inner(schema);
  if (!(list instanceof z.ZodArray)) throw new Error('Not an array schema');
  const limits = (list.def.checks ?? []).flatMap((check) => {
    const def = check._zod.def as { check: string; maximum?: number };
    return def.check === 'max_length' && def.maximum !== undefined ? [def.maximum] : [];
  });
  return limits.length > 0 ? Math.min(...limits) : Number.MAX_SAFE_INTEGER;
}
