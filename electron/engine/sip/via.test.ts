import { describe, expect, it } from 'vitest';
import { mutateText } from '../../../test/fakes/text-mutations.js';
import { BRANCH_MAGIC_COOKIE, SipHeaders } from './sip-message.js';
import {
  type Via,
  applyReceived,
  defaultPort,
  formatVia,
  newBranch,
  normalizeAddress,
  parseVia,
  parseViaList,
  responseTarget,
  topVia,
  viaBranch,
} from './via.js';

function parsed(text: string): Via {
  const result = parseVia(text);
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.value;
}

describe('parseVia (RFC 3261 §20.42)', () => {
  it('reads sent-protocol, sent-by and parameters', () => {
    expect(parsed('SIP/2.0/UDP 127.0.0.1:5070;rport;branch=z9hG4bK-4711-1-0')).toEqual({
      protocol: 'SIP/2.0',
      transport: 'UDP',
      host: '127.0.0.1',
      port: 5070,
      params: new Map([
        ['rport', null],
        ['branch', 'z9hG4bK-4711-1-0'],
      ]),
    });
  });

  it.each([
    [
      'SIP / 2.0 / tcp first.example.com; branch=z9hG4bKa',
      { transport: 'TCP', host: 'first.example.com', port: undefined },
    ],
    ['SIP/2.0/UDP [2001:db8::9]:5060;branch=z9hG4bKb', { host: '2001:db8::9', port: 5060 }],
    ['SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bKc', { transport: 'WSS', host: 'df7jal23ls0d.invalid' }],
    ['SIP/2.0/UDP pc33.atlanta.com : 5066 ;branch=z9hG4bKd', { host: 'pc33.atlanta.com', port: 5066 }],
    [
      'SIP/2.0/UDP 10.0.0.1:5060;received=192.0.2.1;rport=40000;branch=z9hG4bKe',
      {
        params: new Map([
          ['received', '192.0.2.1'],
          ['rport', '40000'],
          ['branch', 'z9hG4bKe'],
        ]),
      },
    ],
    [
      'SIP/2.0/UDP [::1]:5060;received=2001:db8::1;branch=z9hG4bKf',
      {
        params: new Map([
          ['received', '2001:db8::1'],
          ['branch', 'z9hG4bKf'],
        ]),
      },
    ],
  ])('parses %s', (text, expected) => {
    expect(parsed(text)).toMatchObject(expected);
  });

  it.each([
    ['SIP/2.0 127.0.0.1', /sent-protocol/],
    ['SIP/2.0/UDP', /sent-by/],
    ['SIP/2.0/UDP127.0.0.1', /sent-by host|space/],
    ['SIP/2.0/UDP 127.0.0.1:99999', /port/],
    ['SIP/2.0/UDP 127.0.0.1:', /port/],
    ['SIP/2.0/UDP [::1', /unterminated/],
    ['SIP/2.0/UDP [zz]', /IPv6/],
    ['SIP/2.0/UDP host;branch=a;branch=b', /appears twice/],
    ['SIP/2.0/UDP host junk', /expected ";"/],
    ['', /sent-protocol/],
  ])('rejects %j', (text, reason) => {
    const result = parseVia(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('formats what it parsed', () => {
    for (const text of [
      'SIP/2.0/UDP 127.0.0.1:5070;rport;branch=z9hG4bK-1',
      'SIP/2.0/TCP [2001:db8::9]:5060;branch=z9hG4bKb;received=2001:db8::1',
      'SIP/2.0/WSS df7jal23ls0d.invalid;branch=z9hG4bKc',
    ])
      expect(formatVia(parsed(text))).toBe(text);
  });
});

describe('topVia and lists', () => {
  it('takes the first element of the first Via header', () => {
    const headers = SipHeaders.from([
      ['v', 'SIP/2.0/UDP proxy.example;branch=z9hG4bKp, SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKu'],
      ['via', 'SIP/2.0/UDP other;branch=z9hG4bKo'],
    ]);
    const top = topVia(headers);
    expect(top.ok && top.value.host).toBe('proxy.example');
    expect(top.ok && viaBranch(top.value)).toBe('z9hG4bKp');
    const list = parseViaList(headers.get('via') ?? '');
    expect(list.ok && list.value.map((v) => v.host)).toEqual(['proxy.example', '127.0.0.1']);
  });

  it('reports a missing Via', () => {
    expect(topVia(new SipHeaders())).toEqual({ ok: false, reason: 'no Via header' });
  });

  it('makes RFC 3261 branches that are tokens and unique', () => {
    const a = newBranch();
    expect(a.startsWith(BRANCH_MAGIC_COOKIE)).toBe(true);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(newBranch()).not.toBe(a);
  });
});

describe('applyReceived (§18.2.1, RFC 3581)', () => {
  it('leaves a Via alone when sent-by is the source address and there is no rport', () => {
    const via = parsed('SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1');
    expect(formatVia(applyReceived(via, '127.0.0.1', 5070))).toBe(
      'SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1',
    );
  });

  it('adds received when sent-by names another address, or a host name (§18.2.1 example)', () => {
    const via = parsed('SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bK74bf9');
    expect(formatVia(applyReceived(via, '192.0.2.4', 5060))).toBe(
      'SIP/2.0/UDP bobspc.biloxi.com:5060;branch=z9hG4bK74bf9;received=192.0.2.4',
    );
    const private10 = parsed('SIP/2.0/UDP 10.1.1.1:5060;branch=z9hG4bK2');
    expect(applyReceived(private10, '198.51.100.7', 5060).params.get('received')).toBe('198.51.100.7');
  });

  it('fills an empty rport and always adds received with it (RFC 3581 §4 example)', () => {
    const via = parsed('SIP/2.0/UDP 10.1.1.1:4540;rport;branch=z9hG4bKkjshdyff');
    expect(formatVia(applyReceived(via, '192.0.2.1', 9988))).toBe(
      'SIP/2.0/UDP 10.1.1.1:4540;rport=9988;branch=z9hG4bKkjshdyff;received=192.0.2.1',
    );
    const same = parsed('SIP/2.0/UDP 192.0.2.1:9988;rport;branch=z9hG4bK3');
    expect(formatVia(applyReceived(same, '192.0.2.1', 9988))).toBe(
      'SIP/2.0/UDP 192.0.2.1:9988;rport=9988;branch=z9hG4bK3;received=192.0.2.1',
    );
  });

  it('keeps an rport that already has a value', () => {
    const via = parsed('SIP/2.0/UDP 127.0.0.1:5070;rport=6000;branch=z9hG4bK4');
    expect(applyReceived(via, '127.0.0.1', 7000).params.get('rport')).toBe('6000');
  });

  it('overwrites a received the sender made up', () => {
    const via = parsed('SIP/2.0/UDP evil.example;received=10.0.0.1;branch=z9hG4bK5');
    expect(applyReceived(via, '203.0.113.9', 5060).params.get('received')).toBe('203.0.113.9');
  });

  it('compares IPv6 forms and IPv4-mapped sources by value', () => {
    const v6 = parsed('SIP/2.0/UDP [2001:DB8:0:0::1]:5060;branch=z9hG4bK6');
    expect(applyReceived(v6, '2001:db8::1', 5060).params.has('received')).toBe(false);
    const v4 = parsed('SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK7');
    expect(applyReceived(v4, '::ffff:192.0.2.1', 5060).params.has('received')).toBe(false);
    expect(applyReceived(v4, '::ffff:192.0.2.2', 5060).params.get('received')).toBe('192.0.2.2');
  });

  it('does not change the Via it was given', () => {
    const via = parsed('SIP/2.0/UDP 10.1.1.1:4540;rport;branch=z9hG4bK8');
    applyReceived(via, '192.0.2.1', 9988);
    expect(formatVia(via)).toBe('SIP/2.0/UDP 10.1.1.1:4540;rport;branch=z9hG4bK8');
  });
});

describe('normalizeAddress', () => {
  it.each([
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['[::1]', '::1'],
    ['::', '::'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ['fe80:0:0:0:1:2:3:4', 'fe80::1:2:3:4'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
    ['::ffff:10.0.0.1', '10.0.0.1'],
    ['::FFFF:0a00:0001', '10.0.0.1'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
    ['10.0.0.1', '10.0.0.1'],
    ['PBX.Example', 'pbx.example'],
  ])('%s → %s', (input, output) => {
    expect(normalizeAddress(input)).toBe(output);
  });
});

describe('responseTarget (§18.2.2, RFC 3581 §4)', () => {
  it.each([
    [
      'SIP/2.0/UDP 10.1.1.1:4540;rport=9988;received=192.0.2.1;branch=z9hG4bK1',
      { host: '192.0.2.1', port: 9988 },
    ],
    ['SIP/2.0/UDP 10.1.1.1:4540;received=192.0.2.1;branch=z9hG4bK1', { host: '192.0.2.1', port: 4540 }],
    ['SIP/2.0/UDP 10.1.1.1;received=192.0.2.1;branch=z9hG4bK1', { host: '192.0.2.1', port: 5060 }],
    ['SIP/2.0/UDP host.example:5080;branch=z9hG4bK1', { host: 'host.example', port: 5080 }],
    ['SIP/2.0/TLS host.example;branch=z9hG4bK1', { host: 'host.example', port: 5061 }],
    [
      'SIP/2.0/UDP a.example;maddr=239.1.1.1;received=192.0.2.1;branch=z9hG4bK1',
      { host: '239.1.1.1', port: 5060 },
    ],
    [
      'SIP/2.0/UDP 10.1.1.1:4540;rport=bogus;received=192.0.2.1;branch=z9hG4bK1',
      { host: '192.0.2.1', port: 4540 },
    ],
  ])('%s', (text, target) => {
    expect(responseTarget(parsed(text))).toEqual(target);
  });

  it('knows default ports', () => {
    expect([
      defaultPort('udp'),
      defaultPort('TCP'),
      defaultPort('tls'),
      defaultPort('WS'),
      defaultPort('wss'),
    ]).toEqual([5060, 5060, 5061, 80, 443]);
  });
});

describe('parseVia: fuzz', () => {
  it('never throws on mutated Vias', () => {
    const seedText = 'SIP/2.0/UDP [2001:db8::9]:5060;rport=1;received=1.2.3.4;branch=z9hG4bK-x;maddr="q"';
    for (const text of mutateText(seedText, [...'/;:=[] "\\\t,.\u00009'], 5_000, 11)) {
      const result = parseVia(text);
      if (result.ok) {
        expect(parseVia(formatVia(result.value))).toEqual(result);
        responseTarget(applyReceived(result.value, '::ffff:127.0.0.1', 1));
      }
    }
  });
});
