import { describe, expect, it } from 'vitest';
import { pagerModeParts } from './pager-mode-parts.js';

describe('pagerModeParts', () => {
  it('leaves a text that fits alone', () => {
    expect(pagerModeParts('예약이 확인되었습니다', 100)).toEqual(['예약이 확인되었습니다']);
  });

  it('cuts a long Korean text between characters, each part within the limit, the whole kept', () => {
    const text = '가'.repeat(1000); // 3 bytes each
    const parts = pagerModeParts(text, 1000);
    expect(parts.map((p) => Buffer.byteLength(p))).toEqual([999, 999, 999, 3]);
    expect(parts.join('')).toBe(text);
  });

  it('cuts at a space in the part’s second half, so words stay whole', () => {
    expect(pagerModeParts('hello world again', 12)).toEqual(['hello world ', 'again']);
    // No space late enough: the cut falls at the limit.
    expect(pagerModeParts('a bcdefghijklmnop', 8)).toEqual(['a bcdefg', 'hijklmno', 'p']);
  });

  it('never splits a character made of two UTF-16 units (emoji)', () => {
    const parts = pagerModeParts('😀😀😀', 9);
    expect(parts).toEqual(['😀😀', '😀']);
  });
});
