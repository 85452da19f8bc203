import { describe, expect, it } from 'vitest';
import { SipHeaders, type SipRequest, type SipResponse } from './sip-message.js';
import { parseSipMessage } from './sip-parser.js';
import { serializeSipMessage } from './sip-serializer.js';

function options(body = ''): SipRequest {
  return {
    kind: 'request',
    method: 'OPTIONS',
    uri: 'sip:office@127.0.0.1',
    headers: SipHeaders.from([
      ['via', 'SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-1;rport'],
      ['max-forwards', '70'],
      ['from', '<sip:office@127.0.0.1>;tag=a'],
      ['to', '<sip:pbx@127.0.0.1>'],
      ['call-id', 'c1@127.0.0.1'],
      ['cseq', '1 OPTIONS'],
      ['www-authenticate', 'Digest realm="x", nonce="y"'],
    ]),
    body,
  };
}

describe('serializeSipMessage', () => {
  it('writes the start line, wire header names, CRLFs and a Content-Length', () => {
    expect(serializeSipMessage(options()).toString('utf8')).toBe(
      [
        'OPTIONS sip:office@127.0.0.1 SIP/2.0',
        'Via: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bK-1;rport',
        'Max-Forwards: 70',
        'From: <sip:office@127.0.0.1>;tag=a',
        'To: <sip:pbx@127.0.0.1>',
        'Call-ID: c1@127.0.0.1',
        'CSeq: 1 OPTIONS',
        'WWW-Authenticate: Digest realm="x", nonce="y"',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n'),
    );
  });

  it('counts the body in UTF-8 bytes and corrects a stale Content-Length in place', () => {
    const message = options('통화 ☎');
    message.headers.append('content-length', '2').append('content-type', 'text/plain');
    message.headers.append('content-length', '99');
    const text = serializeSipMessage(message).toString('utf8');
    expect(text).toContain('Content-Length: 10\r\nContent-Type: text/plain\r\n\r\n통화 ☎');
    expect(text.match(/Content-Length/g)).toHaveLength(1);
  });

  it('writes a response status line', () => {
    const response: SipResponse = {
      kind: 'response',
      status: 180,
      reason: 'Ringing',
      headers: SipHeaders.from([['call-id', 'x']]),
      body: '',
    };
    expect(serializeSipMessage(response).toString()).toBe(
      'SIP/2.0 180 Ringing\r\nCall-ID: x\r\nContent-Length: 0\r\n\r\n',
    );
  });

  it('writes compact names on request (§7.3.3)', () => {
    const text = serializeSipMessage(options('hi'), { compact: true }).toString();
    expect(text).toContain('\r\nv: SIP/2.0/UDP');
    expect(text).toContain('\r\ni: c1@127.0.0.1\r\n');
    expect(text).toContain('\r\nMax-Forwards: 70\r\n');
    expect(text).toContain('\r\nl: 2\r\n\r\nhi');
  });

  it('never lets a value start a new header line', () => {
    const message = options();
    message.headers.set('subject', 'hello\r\nX-Injected: yes');
    const text = serializeSipMessage(message).toString();
    expect(text).toContain('Subject: hello X-Injected: yes\r\n');
    expect(text).not.toContain('\r\nX-Injected');
  });

  it('round-trips through the parser', () => {
    const message = options('v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n');
    message.headers.append('content-type', 'application/sdp');
    message.headers.append('subject', '"Kim, Min-su" 안녕');
    const parsed = parseSipMessage(serializeSipMessage(message));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.message).toMatchObject({
      kind: 'request',
      method: 'OPTIONS',
      uri: message.uri,
      body: message.body,
    });
    const length = String(Buffer.byteLength(message.body));
    expect([...parsed.message.headers]).toEqual([...message.headers, ['content-length', length]]);
    expect(serializeSipMessage(parsed.message)).toEqual(serializeSipMessage(message));
  });
});
