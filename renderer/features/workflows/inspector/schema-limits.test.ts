import { describe, expect, it } from 'vitest';
import { assignStep, ivrButtonsStep, stepIdSchema, tagStep } from '../../../../shared/workflow/steps.js';
import { clampInt, listMax, numberLimits, parseWithin, settleNumber, textMax } from './schema-limits.js';

describe('schema limits', () => {
  it('reads the limits through default, nullable and optional wrappers', () => {
    expect(numberLimits(assignStep.shape.ringTimeoutSec)).toEqual({ min: 5, max: 120 });
    expect(numberLimits(ivrButtonsStep.shape.timeoutSec)).toEqual({ min: 1, max: 120 });
    expect(numberLimits(ivrButtonsStep.shape.retries)).toEqual({ min: 0, max: 5 });
    expect(textMax(assignStep.shape.name)).toBe(80);
    expect(listMax(tagStep.shape.tags)).toBe(20);
    expect(textMax(tagStep.shape.tags.element)).toBe(40);
  });

  it('refuses a schema of another type', () => {
    expect(() => numberLimits(stepIdSchema)).toThrow();
  });

  it('clamps and rounds', () => {
    const limits = { min: 5, max: 120 };
    expect(clampInt(1, limits)).toBe(5);
    expect(clampInt(500, limits)).toBe(120);
    expect(clampInt(7.6, limits)).toBe(8);
  });

  it('commits while typing only numbers within the limits', () => {
    const limits = { min: 5, max: 120 };
    expect(parseWithin('1', limits)).toBeNull();
    expect(parseWithin('15', limits)).toBe(15);
    expect(parseWithin('', limits)).toBeNull();
    expect(parseWithin('1e2', limits)).toBeNull();
    expect(parseWithin('121', limits)).toBeNull();
  });

  it('settles what is left in the field on leaving it', () => {
    const limits = { min: 5, max: 120 };
    expect(settleNumber('1', limits, 20)).toBe(5);
    expect(settleNumber('999', limits, 20)).toBe(120);
    expect(settleNumber('', limits, 20)).toBe(20);
    expect(settleNumber('abc', limits, 20)).toBe(20);
  });
});
