import { describe, expect, it } from 'vitest';
import {
  type ParseResult,
  defaultParseLimits,
  isKeepAlive,
  parseCSeq,
  parseSipMessage,
} from './sip-parser.js';
import { serializeSipMessage } from './sip-serializer.js';
import type { SipMessage } from './sip-message.js';

const sdp = [
  'v=0',
  'o=caller1 53655765 2353687637 IN IP4 127.0.0.1',
  's=-',
  'c=IN IP4 127.0.0.1',
  't=0 0',
  'm=audio 30000 RTP/AVP 0 8 101',
  'a=rtpmap:101 telephone-event/8000',
  'a=fmtp:101 0-16',
  '',
].join('\r\n');

/** An INVITE as SIPp sends it through the test-bed Kamailio (Record-Route, two Vias). */
const inviteText = [
  'INVITE sip:office@127.0.0.1:5080 SIP/2.0',
  'Record-Route: <sip:127.0.0.1;lr>',
  'Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1ab2.5f0e7c1e0c1ad7a6dcba2a1d0e3f8a21.0',
  'Via: SIP/2.0/UDP 127.0.0.1:5070;rport=5070;branch=z9hG4bK-4711-1-0',
  'From: "Caller One" <sip:caller1@127.0.0.1:5070>;tag=4711SIPpTag001',
  'To: <sip:office@127.0.0.1:5080>',
  'Call-ID: 1-4711@127.0.0.1',
  'CSeq: 1 INVITE',
  'Contact: <sip:caller1@127.0.0.1:5070>',
  'Max-Forwards: 69',
  'Subject: Performance Test',
  'Content-Type: application/sdp',
  `Content-Length: ${Buffer.byteLength(sdp)}`,
  '',
  sdp,
].join('\r\n');
const invite = Buffer.from(inviteText, 'utf8');

function expectOk(result: ParseResult): SipMessage {
  if (!result.ok) throw new Error(`expected a message, got ${JSON.stringify(result)}`);
  return result.message;
}

function expectError(result: ParseResult): Extract<ParseResult, { keepAlive: false }>['error'] {
  if (result.ok || result.keepAlive) throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.error;
}

const parseText = (text: string): ParseResult => parseSipMessage(Buffer.from(text, 'utf8'));

/** A minimal valid request with its header lines replaced or extended. */
function request(lines: string[], body = ''): string {
  return ['OPTIONS sip:office@127.0.0.1 SIP/2.0', ...lines, '', body].join('\r\n');
}
const baseHeaders = [
  'Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1',
  'From: <sip:a@127.0.0.1>;tag=1',
  'To: <sip:office@127.0.0.1>',
  'Call-ID: abc@127.0.0.1',
  'CSeq: 7 OPTIONS',
  'Max-Forwards: 70',
];
const without = (name: string): string[] =>
  baseHeaders.filter((h) => !h.toLowerCase().startsWith(name + ':'));

describe('parseSipMessage: well-formed messages', () => {
  it('parses a real INVITE with its SDP body', () => {
    const message = expectOk(parseSipMessage(invite));
    expect(message.kind).toBe('request');
    if (message.kind !== 'request') return;
    expect(message.method).toBe('INVITE');
    expect(message.uri).toBe('sip:office@127.0.0.1:5080');
    expect(message.headers.getAll('via')).toHaveLength(2);
    expect(message.headers.get('from')).toBe('"Caller One" <sip:caller1@127.0.0.1:5070>;tag=4711SIPpTag001');
    expect(message.headers.get('CALL-ID')).toBe('1-4711@127.0.0.1');
    expect(message.body).toBe(sdp);
  });

  it('parses a response with a UTF-8 reason phrase and no body', () => {
    const text = [
      'SIP/2.0 486 통화 중',
      'Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1',
      'From: <sip:a@127.0.0.1>;tag=1',
      'To: <sip:office@127.0.0.1>;tag=2',
      'Call-ID: abc@127.0.0.1',
      'CSeq: 7 INVITE',
      'Content-Length: 0',
      '',
      '',
    ].join('\r\n');
    const message = expectOk(parseText(text));
    expect(message).toMatchObject({ kind: 'response', status: 486, reason: '통화 중', body: '' });
  });

  it('accepts a status line without reason phrase', () => {
    const text = ['SIP/2.0 100', ...baseHeaders.slice(0, 5), '', ''].join('\r\n');
    expect(expectOk(parseText(text))).toMatchObject({ kind: 'response', status: 100, reason: '' });
  });

  it('expands compact and mixed-case names (§7.3.3)', () => {
    const text = [
      'MESSAGE sip:office@127.0.0.1 SIP/2.0',
      'v: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-2',
      'f: <sip:a@127.0.0.1>;tag=1',
      't: <sip:office@127.0.0.1>',
      'i: xyz',
      'cSeQ: 2 MESSAGE',
      'c: text/plain',
      'l: 5',
      '',
      'hello',
    ].join('\r\n');
    const message = expectOk(parseText(text));
    expect([...message.headers].map(([name]) => name)).toEqual([
      'via',
      'from',
      'to',
      'call-id',
      'cseq',
      'content-type',
      'content-length',
    ]);
    expect(message.body).toBe('hello');
  });

  it('unfolds continuation lines into one value with a single space (§7.3.1)', () => {
    const text = request([
      ...baseHeaders,
      "Subject: I know you're there,",
      '      pick up the phone',
      '\tand talk to me!',
      'Route: <sip:a@b;lr>,',
      ' <sip:c@d;lr>',
    ]);
    const message = expectOk(parseText(text));
    expect(message.headers.get('subject')).toBe("I know you're there, pick up the phone and talk to me!");
    expect(message.headers.getAll('route')).toEqual(['<sip:a@b;lr>', '<sip:c@d;lr>']);
  });

  it('tolerates bare LF line ends and whitespace before the colon', () => {
    const text = [
      'OPTIONS sip:office@127.0.0.1 SIP/2.0',
      ...baseHeaders,
      'Accept : application/sdp',
      '',
      '',
    ].join('\n');
    const message = expectOk(parseText(text));
    expect(message.headers.get('accept')).toBe('application/sdp');
    expect(message.headers.get('cseq')).toBe('7 OPTIONS');
  });

  it('ignores CRLFs before the start line (§7.5)', () => {
    expect(expectOk(parseText('\r\n\r\n' + request(baseHeaders))).kind).toBe('request');
  });

  it('counts Content-Length in bytes of a UTF-8 body', () => {
    const body = '안녕하세요 👋';
    const text = request(
      [...baseHeaders, 'Content-Type: text/plain', `Content-Length: ${Buffer.byteLength(body)}`],
      body,
    );
    expect(Buffer.byteLength(body)).toBeGreaterThan(body.length);
    expect(expectOk(parseText(text)).body).toBe(body);
  });

  it('drops bytes after Content-Length and takes the rest of a datagram without one (§18.3)', () => {
    expect(expectOk(parseText(request([...baseHeaders, 'Content-Length: 3'], 'abcdef'))).body).toBe('abc');
    expect(expectOk(parseText(request(baseHeaders, 'abcdef'))).body).toBe('abcdef');
    expect(expectOk(parseText(request([...baseHeaders, 'Content-Length: 0'], 'junk'))).body).toBe('');
  });

  it('tolerates a missing Max-Forwards', () => {
    expect(expectOk(parseText(request(without('max-forwards')))).kind).toBe('request');
  });

  it('accepts ACK with its own CSeq method', () => {
    const ack = ['ACK sip:office@127.0.0.1 SIP/2.0', ...without('cseq'), 'CSeq: 7 ACK', '', ''].join('\r\n');
    expect(expectOk(parseText(ack)).kind).toBe('request');
  });
});

describe('parseSipMessage: keep-alives (RFC 5626 §4.4.1)', () => {
  it.each([['\r\n\r\n'], ['\r\n'], ['\n\n'], ['']])('reports %j as a keep-alive', (text) => {
    const data = Buffer.from(text);
    expect(parseSipMessage(data)).toEqual({ ok: false, keepAlive: true });
    expect(isKeepAlive(data)).toBe(true);
  });

  it('does not take a message for a keep-alive', () => {
    expect(isKeepAlive(invite)).toBe(false);
    expect(isKeepAlive(Buffer.from('\r\n \r\n'))).toBe(false);
  });
});

describe('parseSipMessage: rejected requests keep what a 400 needs', () => {
  it.each([
    ['Via', without('via')],
    ['From', without('from')],
    ['To', without('to')],
    ['Call-ID', without('call-id')],
    ['CSeq', without('cseq')],
  ])('missing %s', (name, lines) => {
    const error = expectError(parseText(request(lines)));
    expect(error.reason).toContain(`missing ${name.toLowerCase()}`);
    expect(error.status).toBe(400);
    expect(error.partial?.method).toBe('OPTIONS');
    expect(error.partial?.requestUri).toBe('sip:office@127.0.0.1');
  });

  it('returns only Via, From, To, Call-ID and CSeq in the partial', () => {
    const error = expectError(parseText(request([...baseHeaders, 'Content-Length: 99'], 'short')));
    expect(error.reason).toBe('body shorter than Content-Length');
    expect([...(error.partial?.headers ?? [])].map(([name]) => name)).toEqual([
      'via',
      'from',
      'to',
      'call-id',
      'cseq',
    ]);
  });

  it('keeps the readable headers around a broken line', () => {
    const error = expectError(
      parseText(request([baseHeaders[0] ?? '', 'this line has no colon', ...baseHeaders.slice(1)])),
    );
    expect(error.reason).toBe('malformed header line');
    expect(error.partial?.headers.get('via')).toBe('SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1');
    expect(error.partial?.headers.get('cseq')).toBe('7 OPTIONS');
  });

  it('rejects a CSeq method other than the request method', () => {
    const error = expectError(parseText(request([...without('cseq'), 'CSeq: 7 INVITE'])));
    expect(error.reason).toBe('CSeq method does not match the request method');
  });

  it('answers another SIP version with 505', () => {
    const text = request(baseHeaders).replace('SIP/2.0', 'SIP/3.0');
    const error = expectError(parseText(text));
    expect(error.status).toBe(505);
    expect(error.partial?.method).toBe('OPTIONS');
  });

  it('gives no partial for a response', () => {
    const error = expectError(parseText(['SIP/2.0 200 OK', ...without('via'), '', ''].join('\r\n')));
    expect(error.partial).toBeUndefined();
  });
});

describe('parseSipMessage: named malformed inputs', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['random bytes', Buffer.from([0x8f, 0x00, 0xff, 0x13, 0x37, 0x0a, 0x0d, 0x0a]), /./],
    ['a start line only', 'INVITE sip:a@b SIP/2.0', /missing|empty line/],
    ['a truncated start line', 'INVITE sip:a@b SI', /malformed|version/],
    ['no Request-URI scheme', request(baseHeaders).replace('sip:office@127.0.0.1', 'office'), /request line/],
    ['NUL in a header', request([...baseHeaders, 'Subject: a\u0000b']), /control character/],
    ['NUL in the start line', request(baseHeaders).replace('OPTIONS', 'OPT\u0000IONS'), /./],
    ['a lone CR inside a header', request([...baseHeaders, 'Subject: a\rb']), /control character/],
    ['a negative Content-Length', request([...baseHeaders, 'Content-Length: -1']), /Content-Length/],
    ['a non-numeric Content-Length', request([...baseHeaders, 'Content-Length: ten']), /Content-Length/],
    [
      'a huge Content-Length',
      request([...baseHeaders, 'Content-Length: 99999999999999999999']),
      /Content-Length/,
    ],
    ['two Content-Lengths', request([...baseHeaders, 'Content-Length: 0', 'l: 4'], 'abcd'), /content-length/],
    ['two Call-IDs', request([...baseHeaders, 'i: other']), /call-id header appears 2 times/],
    ['status 99', ['SIP/2.0 099 Low', ...baseHeaders, '', ''].join('\r\n'), /outside/],
    ['status 700', ['SIP/2.0 700 High', ...baseHeaders, '', ''].join('\r\n'), /outside/],
    ['a four-digit status', ['SIP/2.0 2000 OK', ...baseHeaders, '', ''].join('\r\n'), /status code/],
    ['a non-numeric status', ['SIP/2.0 2x0 OK', ...baseHeaders, '', ''].join('\r\n'), /status code/],
    ['a continuation as first header', request([' folded', ...baseHeaders]), /continuation/],
    ['no empty line after headers', request(baseHeaders).slice(0, -4), /empty line/],
    ['an empty header name', request([...baseHeaders, ': value']), /malformed header/],
    ['a space inside a header name', request([...baseHeaders, 'Bad Name: value']), /malformed header/],
    ['a CSeq over 2**31', request([...without('cseq'), 'CSeq: 2147483648 OPTIONS']), /CSeq/],
    ['a CSeq without method', request([...without('cseq'), 'CSeq: 7']), /CSeq/],
    [
      'a malformed Max-Forwards',
      request([...without('max-forwards'), 'Max-Forwards: seventy']),
      /Max-Forwards/,
    ],
    ['an empty Call-ID', request([...without('call-id'), 'Call-ID: ']), /missing call-id/],
    ['a line over the limit', request([...baseHeaders, 'Subject: ' + 'x'.repeat(10_000)]), /too long/],
    [
      'a header folded over the limit',
      request([...baseHeaders, 'Subject: x', ...Array<string>(3).fill(' ' + 'y'.repeat(3000))]),
      /too long/,
    ],
    ['a start line over the limit', `INVITE sip:${'a'.repeat(9000)}@b SIP/2.0\r\n\r\n`, /too long/],
    ['too many headers', request([...baseHeaders, ...Array<string>(300).fill('X-A: b')]), /more than 256/],
    ['an unknown version in a response', ['SIP/9 200 OK', ...baseHeaders, '', ''].join('\r\n'), /version/],
    ['a message too large', request([...baseHeaders], 'x'.repeat(200_000)), /larger than/],
  ];

  it.each(cases)('rejects %s', (_name, input, reason) => {
    const data = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
    const error = expectError(parseSipMessage(data));
    expect(error.reason).toMatch(reason);
    expect(error.reason).not.toMatch(/internal/);
  });

  it('keeps invalid UTF-8 in a value as replacement characters instead of failing', () => {
    const data = Buffer.concat([
      Buffer.from(request([...baseHeaders, 'Subject: ']).slice(0, -4)),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('\r\n\r\n'),
    ]);
    expect(expectOk(parseSipMessage(data)).headers.get('subject')).toBe('\ufffd(\ufffd');
  });

  it('applies custom limits', () => {
    const limits = { ...defaultParseLimits, maxHeaders: 3 };
    expect(expectError(parseSipMessage(invite, limits)).reason).toBe('more than 3 headers');
  });
});

describe('parseCSeq', () => {
  it('reads number and method with any LWS between', () => {
    expect(parseCSeq('  314159\t INVITE ')).toEqual({ ok: true, value: { seq: 314159, method: 'INVITE' } });
    expect(parseCSeq('0 ACK')).toEqual({ ok: true, value: { seq: 0, method: 'ACK' } });
    expect(parseCSeq('1INVITE').ok).toBe(false);
    expect(parseCSeq('1 INVITE x').ok).toBe(false);
    expect(parseCSeq('99999999999 INVITE').ok).toBe(false);
  });
});

/** mulberry32: a small seeded PRNG, so that a failing fuzz case can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const interesting = [
  '\r\n',
  '\n',
  '\r',
  '\r\n\r\n',
  ':',
  ' ',
  '\t',
  '\u0000',
  ';',
  ',',
  '"',
  '<',
  '>',
  '%',
  '=',
  '@',
  '[',
  'Content-Length: -1\r\n',
  'l: 99999999999\r\n',
  'Content-Length: 4294967296\r\n',
  'CSeq: 1 BYE\r\n',
  'Via: \r\n',
  'SIP/2.0 999 X\r\n',
  '\r\n ',
  '😀',
].map((s) => Buffer.from(s, 'utf8'));

function mutate(random: () => number, input: Buffer): Buffer {
  let data = input;
  const operations = 1 + Math.floor(random() * 6);
  for (let n = 0; n < operations; n++) {
    const at = Math.floor(random() * (data.length + 1));
    const op = Math.floor(random() * 6);
    if (op === 0 && data.length > 0) {
      data = Buffer.from(data);
      data[Math.min(at, data.length - 1)] = Math.floor(random() * 256);
    } else if (op === 1) {
      const piece = interesting[Math.floor(random() * interesting.length)] ?? Buffer.alloc(0);
      data = Buffer.concat([data.subarray(0, at), piece, data.subarray(at)]);
    } else if (op === 2) {
      data = Buffer.concat([data.subarray(0, at), data.subarray(at + Math.floor(random() * 40))]);
    } else if (op === 3) {
      data = data.subarray(0, at);
    } else if (op === 4) {
      const length = Math.floor(random() * 200);
      data = Buffer.concat([data.subarray(0, at), data.subarray(at, at + length), data.subarray(at)]);
    } else {
      const noise = Buffer.alloc(Math.floor(random() * 16));
      for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(random() * 256);
      data = Buffer.concat([data.subarray(0, at), noise, data.subarray(at)]);
    }
  }
  return data;
}

describe('parseSipMessage: fuzz', () => {
  it('never throws on 20 000 mutated INVITEs, and what it accepts re-serializes and re-parses', () => {
    const random = prng(0x5eed);
    const tally = { ok: 0, keepAlive: 0, error: 0 };
    for (let n = 0; n < 20_000; n++) {
      const data = mutate(random, invite);
      let result: ParseResult;
      try {
        result = parseSipMessage(data);
      } catch (error) {
        throw new Error(`threw on case ${n} (${data.toString('base64')}): ${String(error)}`);
      }
      if (result.ok) {
        tally.ok++;
        const again = parseSipMessage(serializeSipMessage(result.message));
        if (!again.ok) throw new Error(`case ${n} did not re-parse: ${JSON.stringify(again)}`);
        expect(again.message.body).toBe(result.message.body);
      } else if (result.keepAlive) tally.keepAlive++;
      else {
        tally.error++;
        if (result.error.reason.length === 0 || result.error.reason.startsWith('internal'))
          throw new Error(`case ${n} (${data.toString('base64')}): ${result.error.reason}`);
      }
    }
    // Both outcomes must be exercised, or the mutations are too gentle or too harsh.
    expect(tally.ok).toBeGreaterThan(1000);
    expect(tally.error).toBeGreaterThan(1000);
  });

  it('never throws on pure random datagrams', () => {
    const random = prng(42);
    for (let n = 0; n < 2_000; n++) {
      const data = Buffer.alloc(Math.floor(random() * 1500));
      for (let i = 0; i < data.length; i++) data[i] = Math.floor(random() * 256);
      const result = parseSipMessage(data);
      if (!result.ok && !result.keepAlive) expect(result.error.reason).not.toMatch(/^internal/);
    }
  });
});
