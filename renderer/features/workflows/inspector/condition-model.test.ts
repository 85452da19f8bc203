import { describe, expect, it } from 'vitest';
import { criterionSchema, filterSchema } from '../../../../shared/workflow/criteria.js';
import {
  canAdd,
  criterionKinds,
  filterKinds,
  freeId,
  isFilter,
  moveBy,
  newCriterion,
  removeAt,
  replaceAt,
} from './condition-model.js';

const context = { calendarIds: ['office'], lineIds: ['5d8f0b7e-4c1a-4a4e-9f1f-0d6c2a3b4c5d'] };

describe('condition builder model', () => {
  it('makes a new condition of every kind that the schema accepts', () => {
    for (const kind of criterionKinds) {
      const criterion = newCriterion(kind, context);
      expect(criterionSchema.safeParse(criterion).success, kind).toBe(true);
    }
    for (const kind of filterKinds) {
      const filter = newCriterion(kind, context);
      expect(filterSchema.safeParse(filter).success, kind).toBe(true);
      expect(filter && isFilter(filter)).toBe(true);
    }
  });

  it('cannot make a reference to nothing', () => {
    const empty = { calendarIds: [], lineIds: [] };
    expect(canAdd('line', empty)).toBe(false);
    expect(newCriterion('office_hours', empty)).toBeNull();
    expect(canAdd('variable', empty)).toBe(true);
  });

  it('tells filters from branch-only conditions', () => {
    const queue = newCriterion('queue', context);
    expect(queue && isFilter(queue)).toBe(false);
  });

  it('edits lists without touching the original', () => {
    const list = ['a', 'b', 'c'] as const;
    expect(replaceAt(list, 1, 'x')).toEqual(['a', 'x', 'c']);
    expect(removeAt(list, 0)).toEqual(['b', 'c']);
    expect(moveBy(list, 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveBy(list, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveBy(list, 2, 1)).toEqual(['a', 'b', 'c']);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('finds a free branch id', () => {
    expect(freeId('b', [])).toBe('b1');
    expect(freeId('b', ['b1', 'b3'])).toBe('b2');
  });
});
