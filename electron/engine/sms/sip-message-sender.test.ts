import { describe, expect, it } from 'vitest';
import type { ClientTransactionListener } from '../sip/client-transaction.js';
import { DigestSession } from '../sip/digest-auth.js';
import { SipHeaders, type SipEndpoint, type SipRequest, type SipResponse } from '../sip/sip-message.js';
import { serializeSipMessage } from '../sip/sip-serializer.js';
import { buildMessageRequest, sendSipMessage, type SipMessageDeps } from './sip-message-sender.js';

const local: SipEndpoint = { transport: 'udp', address: '127.0.0.1', port: 40000 };
const proxy: SipEndpoint = { transport: 'udp', address: '127.0.0.1', port: 5060 };

function response(status: number, reason: string, headers: [string, string][] = []): SipResponse {
  return { kind: 'response', status, reason, headers: SipHeaders.from(headers), body: '' };
}

/** A transaction layer that records requests and lets the test answer each. */
function fakeLayer() {
  const sent: { request: SipRequest; listener: ClientTransactionListener }[] = [];
  return {
    sent,
    layer: {
      sendRequest(request: SipRequest, _to: SipEndpoint, listener: ClientTransactionListener) {
        sent.push({ request, listener });
        return undefined;
      },
    },
  };
}

/** An office line's part in sending: its address, the proxy and its credentials. */
function lineDeps(layer: SipMessageDeps['layer'], displayName: string): SipMessageDeps {
  return {
    layer,
    local,
    proxy,
    digest: new DigestSession({ username: 'office', password: 'pw' }),
    fromUri: 'sip:office@127.0.0.1',
    displayName,
  };
}

describe('SIP MESSAGE (RFC 3428)', () => {
  it('builds an out-of-dialog MESSAGE with a UTF-8 text/plain body and no Contact', () => {
    const request = buildMessageRequest(
      { local, fromUri: 'sip:office@pbx.example.com', displayName: 'Main "Office"' },
      'sip:01012345678@pbx.example.com',
      '예약이 확인되었습니다',
      { callId: 'abc@switchboard', fromTag: 't1', cseq: 1 },
    );
    const wire = serializeSipMessage(request).toString('utf8');
    expect(wire).toMatch(/^MESSAGE sip:01012345678@pbx\.example\.com SIP\/2\.0\r\n/);
    expect(request.headers.get('content-type')).toBe('text/plain;charset=UTF-8');
    expect(request.headers.get('from')).toBe('"Main Office" <sip:office@pbx.example.com>;tag=t1');
    expect(request.headers.get('cseq')).toBe('1 MESSAGE');
    expect(request.headers.has('contact')).toBe(false);
    expect(wire).toContain(`Content-Length: ${Buffer.byteLength('예약이 확인되었습니다')}`);
  });

  it('answers a 407 once with the line’s credentials, then reports the 202', async () => {
    const { sent, layer } = fakeLayer();
    const deps = lineDeps(layer, 'Main');
    const outcome = sendSipMessage(deps, 'sip:01012345678@127.0.0.1', 'hi');
    sent[0]?.listener.onFinal(
      response(407, 'Proxy Authentication Required', [
        ['proxy-authenticate', 'Digest realm="127.0.0.1", nonce="n1", qop="auth"'],
      ]),
      undefined as never,
    );
    expect(sent).toHaveLength(2);
    expect(sent[1]?.request.headers.get('proxy-authorization')).toMatch(/^Digest .*username="office"/);
    expect(sent[1]?.request.headers.get('cseq')).toBe('2 MESSAGE');
    expect(sent[1]?.request.headers.get('call-id')).toBe(sent[0]?.request.headers.get('call-id'));
    sent[1]?.listener.onFinal(response(202, 'Accepted'), undefined as never);
    expect(await outcome).toEqual({ kind: 'response', status: 202, reason: 'Accepted' });
  });

  it('does not answer a second challenge: the password is wrong', async () => {
    const { sent, layer } = fakeLayer();
    const digest = new DigestSession({ username: 'office', password: 'bad' });
    const outcome = sendSipMessage(
      { layer, local, proxy, digest, fromUri: 'sip:office@x', displayName: 'M' },
      'sip:1@x',
      'hi',
    );
    const challenge = response(407, 'Proxy Authentication Required', [
      ['proxy-authenticate', 'Digest realm="x", nonce="n1", qop="auth"'],
    ]);
    sent[0]?.listener.onFinal(challenge, undefined as never);
    sent[1]?.listener.onFinal(challenge, undefined as never);
    expect(sent).toHaveLength(2);
    expect(await outcome).toEqual({ kind: 'response', status: 407, reason: 'Proxy Authentication Required' });
  });

  it('over UDP sends a long text as several MESSAGEs of at most 1300 bytes, in order (RFC 3428)', async () => {
    const { sent, layer } = fakeLayer();
    const deps = lineDeps(layer, '본사 대표번호');
    const text = '예약하신 날짜가 변경되었습니다. '.repeat(110);
    const outcome = sendSipMessage(deps, 'sip:01012345678@127.0.0.1', text);
    // Each part waits for the one before: a challenge on the first, then 202s.
    sent[0]?.listener.onFinal(
      response(407, 'Proxy Authentication Required', [
        ['proxy-authenticate', 'Digest realm="127.0.0.1", nonce="n1", qop="auth"'],
      ]),
      undefined as never,
    );
    for (let i = 1; i < 20 && sent[i]; i++) {
      sent[i]!.listener.onFinal(response(202, 'Accepted'), undefined as never);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await outcome).toEqual({ kind: 'response', status: 202, reason: 'Accepted' });
    const parts = sent.slice(1).map(({ request }) => request);
    expect(parts.length).toBeGreaterThan(3);
    for (const request of parts) expect(serializeSipMessage(request).length).toBeLessThanOrEqual(1300);
    expect(parts.map((request) => request.body).join('')).toBe(text);
    expect(new Set(sent.map(({ request }) => request.headers.get('call-id'))).size).toBe(1);
    expect(sent.map(({ request }) => request.headers.get('cseq'))).toEqual(
      sent.map((_, i) => `${i + 1} MESSAGE`),
    );
  });

  it('stops at the first part refused, and over TCP sends the text whole', async () => {
    const { sent, layer } = fakeLayer();
    const digest = new DigestSession({ username: 'office', password: 'pw' });
    const text = '가'.repeat(2000);
    const refused = sendSipMessage(
      { layer, local, proxy, digest, fromUri: 'sip:o@x', displayName: 'M' },
      'sip:1@x',
      text,
    );
    sent[0]?.listener.onFinal(response(488, 'Not Acceptable Here'), undefined as never);
    expect(await refused).toEqual({ kind: 'response', status: 488, reason: 'Not Acceptable Here' });
    expect(sent).toHaveLength(1);

    const tcp: SipEndpoint = { ...local, transport: 'tcp' };
    const whole = sendSipMessage(
      { layer, local: tcp, proxy, digest, fromUri: 'sip:o@x', displayName: 'M' },
      'sip:1@x',
      text,
    );
    sent[1]?.listener.onFinal(response(200, 'OK'), undefined as never);
    await whole;
    expect(sent).toHaveLength(2);
    expect(sent[1]?.request.body).toBe(text);
  });
});
