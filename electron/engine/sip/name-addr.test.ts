import { describe, expect, it } from 'vitest';
import { mutateText } from '../../../test/fakes/text-mutations.js';
import { unquote } from './header-params.js';
import { type NameAddr, formatNameAddr, parseNameAddr, parseNameAddrList } from './name-addr.js';

function parsed(text: string): NameAddr {
  const result = parseNameAddr(text);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.value;
}

describe('parseNameAddr', () => {
  it('reads a quoted display name, the URI and header params (From, §20.20)', () => {
    expect(parsed('"Caller \\"One\\"" <sip:caller1@127.0.0.1:5070;transport=udp>;tag=4711')).toEqual({
      displayName: 'Caller "One"',
      uri: 'sip:caller1@127.0.0.1:5070;transport=udp',
      params: new Map([['tag', '4711']]),
    });
  });

  it.each([
    ['<sip:office@127.0.0.1>', { displayName: undefined, uri: 'sip:office@127.0.0.1' }],
    ['Anonymous <sip:anonymous@anonymous.invalid>;tag=hyh8', { displayName: 'Anonymous' }],
    ['Lee  Min Su<sip:ms@x>', { displayName: 'Lee  Min Su', uri: 'sip:ms@x' }],
    ['홍길동 <sip:hong@x>', { displayName: '홍길동' }],
    ['"" <sip:a@b>', { displayName: '' }],
    ['"Doe, John" <sip:j@x>', { displayName: 'Doe, John' }],
    ['<tel:+82-2-1234-5678>;tag=9', { uri: 'tel:+82-2-1234-5678', params: new Map([['tag', '9']]) }],
    // addr-spec form: parameters after the URI are header parameters (§20.10).
    ['sip:agent1@127.0.0.1;tag=abc', { uri: 'sip:agent1@127.0.0.1', params: new Map([['tag', 'abc']]) }],
    [
      'sip:a@b ; Expires = 3600 ;q=0.7',
      {
        params: new Map([
          ['expires', '3600'],
          ['q', '0.7'],
        ]),
      },
    ],
  ])('parses %s', (text, expected) => {
    expect(parsed(text)).toMatchObject(expected);
  });

  it('keeps a Contact with +sip.instance, reg-id and ob (RFC 5626)', () => {
    const contact = parsed(
      '<sip:office@192.0.2.7:5080;transport=tcp;ob>;expires=600;+sip.instance="<urn:uuid:00000000-0000-1000-8000-000A95A0E128>";reg-id=1',
    );
    expect(contact.uri).toBe('sip:office@192.0.2.7:5080;transport=tcp;ob');
    expect(contact.params.get('+sip.instance')).toBe('"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>"');
    expect(unquote(contact.params.get('+sip.instance') ?? '')).toBe(
      '<urn:uuid:00000000-0000-1000-8000-000A95A0E128>',
    );
    expect(contact.params.get('reg-id')).toBe('1');
  });

  it('keeps the Refer-To URI headers inside the brackets (RFC 3515, RFC 3891)', () => {
    const referTo = parsed('<sip:agent2@127.0.0.1?Replaces=12345%40192.0.2.1%3Bto-tag%3D1%3Bfrom-tag%3D2>');
    expect(referTo.uri).toBe('sip:agent2@127.0.0.1?Replaces=12345%40192.0.2.1%3Bto-tag%3D1%3Bfrom-tag%3D2');
    expect(referTo.params.size).toBe(0);
  });

  it('reads a flag parameter as null', () => {
    expect(parsed('<sip:p1.example.com;lr>;x-flag').params).toEqual(new Map([['x-flag', null]]));
  });

  it.each([
    ['"unterminated <sip:a@b>', /unterminated/],
    ['"Name" sip:a@b', /expected "<"/],
    ['<sip:a@b', /missing ">"/],
    ['<>', /no URI scheme/],
    ['Name <no-scheme>', /no URI scheme/],
    ['*', /wildcard/],
    ['<sip:a b@c>', /invalid character/],
    ['<sip:a@b>;tag=1;tag=2', /appears twice/],
    ['<sip:a@b>;tag=', /empty value/],
    ['<sip:a@b> junk', /expected ";"/],
    ['<sip:a@b>;;', /parameter name/],
    ['<sip:a@b>;x="open', /unterminated quoted/],
  ])('rejects %s', (text, reason) => {
    const result = parseNameAddr(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('parseNameAddrList', () => {
  it('splits Record-Route and Contact lists on commas outside quotes and brackets', () => {
    const list = parseNameAddrList('<sip:p1.example.com;lr>, "Doe, J" <sip:j@x;a=1,2>;q=0.5, sip:c@d');
    expect(list.ok && list.value.map((a) => a.uri)).toEqual([
      'sip:p1.example.com;lr',
      'sip:j@x;a=1,2',
      'sip:c@d',
    ]);
  });

  it('fails the list when one element is bad', () => {
    expect(parseNameAddrList('<sip:a@b>, <broken').ok).toBe(false);
  });
});

describe('formatNameAddr', () => {
  it('always brackets the URI and quotes the display name', () => {
    const address: NameAddr = {
      displayName: 'Kim "MS" \\ Office',
      uri: 'sip:office@127.0.0.1;transport=tcp',
      params: new Map<string, string | null>([
        ['tag', 'a1'],
        ['+sip.instance', '"<urn:uuid:1>"'],
        ['ob', null],
      ]),
    };
    const text = formatNameAddr(address);
    expect(text).toBe(
      '"Kim \\"MS\\" \\\\ Office" <sip:office@127.0.0.1;transport=tcp>;tag=a1;+sip.instance="<urn:uuid:1>";ob',
    );
    expect(parsed(text)).toEqual(address);
  });

  it('omits an empty display name, and flattens CR/LF out of one', () => {
    expect(formatNameAddr({ displayName: '', uri: 'sip:a@b', params: new Map() })).toBe('<sip:a@b>');
    expect(formatNameAddr({ displayName: 'a\r\nTo: x', uri: 'sip:a@b', params: new Map() })).toBe(
      '"a  To: x" <sip:a@b>',
    );
  });

  it('never throws on mutated addresses', () => {
    const seedText = '"A \\"B\\"" <sip:a@b;lr?x=y>;tag=1;+sip.instance="<urn:uuid:1>";ob';
    for (const text of mutateText(seedText, [...'"\\<>;=,: \tx*\u0000사'], 5_000, 3)) {
      const result = parseNameAddr(text);
      if (result.ok) expect(parseNameAddr(formatNameAddr(result.value)).ok).toBe(true);
    }
  });
});
