import { describe, expect, it } from 'vitest';
import {
  formatHeaderParams,
  isToken,
  parseHeaderParams,
  quote,
  scanQuotedString,
  unquote,
} from './header-params.js';

describe('tokens and quoted strings (RFC 3261 §25.1)', () => {
  it('knows token characters', () => {
    expect(isToken("z9hG4bK-a.b!c%d*e_f+g`h'i~j")).toBe(true);
    expect(isToken('')).toBe(false);
    expect(isToken('a b')).toBe(false);
    expect(isToken('a:b')).toBe(false);
    expect(isToken('사')).toBe(false);
  });

  it('finds the end of a quoted string, skipping quoted pairs', () => {
    expect(scanQuotedString('"a\\"b" rest', 0)).toBe(6);
    expect(scanQuotedString('"a\\\\" rest', 0)).toBe(5);
    expect(scanQuotedString('"open', 0)).toBe(-1);
    expect(scanQuotedString('"a\r\nb"', 0)).toBe(-1);
    expect(scanQuotedString('no quote', 0)).toBe(-1);
  });

  it('quotes and unquotes symmetrically', () => {
    for (const text of ['plain', 'with "quotes"', 'back\\slash', '', '통화 ☎'])
      expect(unquote(quote(text))).toBe(text);
    expect(quote('a\r\nb')).toBe('"a  b"');
    expect(unquote('token')).toBe('token');
  });
});

describe('parseHeaderParams', () => {
  it('reads values, flags and quoted values with lowercase names', () => {
    const parsed = parseHeaderParams(' ; Tag=AbC ;lr; +sip.instance="<urn:uuid:1;x>"; received=2001:db8::1');
    expect(parsed).toEqual({
      ok: true,
      value: new Map([
        ['tag', 'AbC'],
        ['lr', null],
        ['+sip.instance', '"<urn:uuid:1;x>"'],
        ['received', '2001:db8::1'],
      ]),
    });
  });

  it('starts at an offset and accepts nothing at all', () => {
    expect(parseHeaderParams('<sip:a>;tag=1', 7)).toEqual({ ok: true, value: new Map([['tag', '1']]) });
    expect(parseHeaderParams('  ')).toEqual({ ok: true, value: new Map() });
  });

  it.each([
    ['tag=1', /expected ";"/],
    [';', /parameter name/],
    [';tag=', /empty value/],
    [';tag=1;TAG=2', /appears twice/],
    [';x="a', /unterminated/],
    [';x=a"b', /expected ";"/],
    [';x=a\u0000', /expected ";"/],
  ])('rejects %j', (text, reason) => {
    const parsed = parseHeaderParams(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('formats what it parsed', () => {
    const text = ';tag=AbC;lr;+sip.instance="<urn:uuid:1>"';
    const parsed = parseHeaderParams(text);
    expect(parsed.ok && formatHeaderParams(parsed.value)).toBe(text);
  });
});
