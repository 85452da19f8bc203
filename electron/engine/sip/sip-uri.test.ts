import { describe, expect, it } from 'vitest';
import { type SipUri, formatHost, formatSipUri, hostKind, parseSipUri } from './sip-uri.js';

function parsed(text: string): SipUri {
  const result = parseSipUri(text);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.value;
}

describe('parseSipUri', () => {
  it('reads user, host, port, parameters and headers (RFC 3261 §19.1.1)', () => {
    expect(parsed('sip:alice@atlanta.com;transport=TCP;lr?subject=project%20x&priority=urgent')).toEqual({
      scheme: 'sip',
      user: 'alice',
      password: undefined,
      host: 'atlanta.com',
      port: undefined,
      params: new Map([
        ['transport', 'TCP'],
        ['lr', null],
      ]),
      headers: [
        ['subject', 'project x'],
        ['priority', 'urgent'],
      ],
    });
  });

  it.each([
    ['sip:atlanta.com', { user: undefined, host: 'atlanta.com', port: undefined }],
    ['sip:127.0.0.1:5080', { host: '127.0.0.1', port: 5080 }],
    ['sips:bob@[2001:db8::10]:5061', { scheme: 'sips', user: 'bob', host: '2001:db8::10', port: 5061 }],
    ['SIP:Bob@Biloxi.COM', { scheme: 'sip', user: 'Bob', host: 'Biloxi.COM' }],
    ['sip:+1-212-555-1212:1234@gateway.com;user=phone', { user: '+1-212-555-1212', password: '1234' }],
    ['sip:%61lice@atlanta.com', { user: 'alice' }],
    ['sip:*97@pbx.local', { user: '*97' }],
    ['sip:#31#@pbx.local', { user: '#31#' }],
    ['sip:%EC%82%AC%EB%AC%B4%EC%8B%A4@office.example', { user: '사무실' }],
    ['sip:agent1@127.0.0.1;ob', { params: new Map([['ob', null]]) }],
    [
      'sip:a@b;maddr=239.255.255.1;ttl=15',
      {
        params: new Map([
          ['maddr', '239.255.255.1'],
          ['ttl', '15'],
        ]),
      },
    ],
    ['sip:a@b;x-weird=%22q%22', { params: new Map([['x-weird', '"q"']]) }],
    ['sip:pbx.example?Replaces=abc%40h%3Bto-tag%3D1', { headers: [['Replaces', 'abc@h;to-tag=1']] }],
  ])('parses %s', (text, expected) => {
    expect(parsed(text)).toMatchObject(expected);
  });

  it.each([
    ['tel:+1-201-555-0123', /tel: URIs/],
    ['mailto:a@b', /unsupported URI scheme "mailto"/],
    ['office', /no scheme/],
    ['sip:', /missing host/],
    ['sip:@host', /empty user/],
    ['sip:a b@host', /user part/],
    ['sip:a%zz@host', /user part/],
    ['sip:a%ff@host', /user part/],
    ['sip:a@[::1', /unterminated IPv6/],
    ['sip:a@[not:v6]', /invalid IPv6/],
    ['sip:a@300.1.1.1', /invalid IPv4/],
    ['sip:a@host:0', /invalid port/],
    ['sip:a@host:65536', /invalid port/],
    ['sip:a@host:', /invalid port/],
    ['sip:a@host:50600000', /invalid port/],
    ['sip:a@host;lr;lr', /appears twice/],
    ['sip:a@host;=x', /invalid URI parameter/],
    ['sip:a@host;a=b c', /invalid URI parameter/],
    ['sip:a@host?novalue', /without "name="/],
    ['sip:a@host>junk', /unexpected character/],
  ])('rejects %s', (text, reason) => {
    const result = parseSipUri(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('never throws on mutated URIs', () => {
    const seedText = 'sips:%41l+ice:pw@[2001:db8::1]:5061;transport=tls;lr;maddr=x?h=%20v&i=j';
    let seed = 1;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const alphabet = ':@;?&=%[]<>"\\ \u0000\u00ff😀a1.';
    for (let n = 0; n < 5_000; n++) {
      const chars = [...seedText];
      for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
        const at = Math.floor(random() * chars.length);
        const ch = [...alphabet][Math.floor(random() * [...alphabet].length)] ?? '';
        if (random() < 0.5) chars.splice(at, 1, ch);
        else chars.splice(at, 1);
      }
      const text = chars.join('');
      const result = parseSipUri(text);
      if (result.ok) expect(parseSipUri(formatSipUri(result.value))).toEqual(result);
    }
  });
});

describe('formatSipUri', () => {
  it.each([
    'sip:alice@atlanta.com;transport=TCP;lr?subject=project%20x&priority=urgent',
    'sips:bob@[2001:db8::10]:5061',
    'sip:127.0.0.1:5080;transport=udp',
    'sip:+1-212-555-1212:1234@gateway.com;user=phone',
    'sip:agent1@127.0.0.1;ob',
  ])('writes %s back as it came', (text) => {
    expect(formatSipUri(parsed(text))).toBe(text);
  });

  it('escapes what each component may not hold (§25.1)', () => {
    const uri: SipUri = {
      scheme: 'sip',
      user: 'a b@c#사',
      password: undefined,
      host: 'example.com',
      port: undefined,
      params: new Map([['x', 'semi;colon']]),
      headers: [['Replaces', 'id@host;to-tag=1&x']],
    };
    const text = formatSipUri(uri);
    expect(text).toBe(
      'sip:a%20b%40c%23%EC%82%AC@example.com;x=semi%3Bcolon?Replaces=id%40host%3Bto-tag%3D1%26x',
    );
    expect(parsed(text)).toEqual(uri);
  });
});

describe('hosts', () => {
  it('tells addresses from names and brackets IPv6', () => {
    expect(hostKind('192.0.2.4')).toBe('ipv4');
    expect(hostKind('::1')).toBe('ipv6');
    expect(hostKind('pbx.example')).toBe('domain');
    expect(formatHost('::1')).toBe('[::1]');
    expect(formatHost('[::1]')).toBe('[::1]');
    expect(formatHost('pbx.example')).toBe('pbx.example');
  });
});
