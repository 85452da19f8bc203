import { describe, expect, it } from 'vitest';
import { withMembership } from './inbox-unread-slice.js';

describe('unread ids', () => {
  it('adds and removes an id, and keeps the same set when nothing changes', () => {
    const empty: ReadonlySet<string> = new Set();
    const one = withMembership(empty, 'a', true);
    expect([...one]).toEqual(['a']);
    expect(withMembership(one, 'a', true)).toBe(one);
    expect(withMembership(one, 'b', false)).toBe(one);
    expect([...withMembership(one, 'a', false)]).toEqual([]);
    expect([...empty]).toEqual([]);
  });
});
