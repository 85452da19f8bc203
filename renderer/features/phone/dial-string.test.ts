import { describe, expect, it } from 'vitest';
import { checkDialString } from './dial-string.js';

describe('checkDialString', () => {
  it('takes extensions, Korean numbers with separators, global numbers and feature codes', () => {
    expect(checkDialString('201')).toEqual({ ok: true, number: '201' });
    expect(checkDialString(' 010-1234-5678 ')).toEqual({ ok: true, number: '01012345678' });
    expect(checkDialString('(02) 123.4567')).toEqual({ ok: true, number: '021234567' });
    expect(checkDialString('+82 10 1234 5678')).toEqual({ ok: true, number: '+821012345678' });
    expect(checkDialString('*72#')).toEqual({ ok: true, number: '*72#' });
  });

  it('says what is wrong', () => {
    expect(checkDialString('  - ')).toEqual({ ok: false, error: 'empty' });
    expect(checkDialString('010-12ab')).toEqual({ ok: false, error: 'characters' });
    expect(checkDialString('sip:201@pbx')).toEqual({ ok: false, error: 'characters' });
    expect(checkDialString('010+1234')).toEqual({ ok: false, error: 'plus' });
    expect(checkDialString('++8210')).toEqual({ ok: false, error: 'plus' });
    expect(checkDialString('7')).toEqual({ ok: false, error: 'length' });
    expect(checkDialString('+7')).toEqual({ ok: false, error: 'length' });
    expect(checkDialString('1'.repeat(21))).toEqual({ ok: false, error: 'length' });
  });
});
