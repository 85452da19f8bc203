import { describe, expect, it } from 'vitest';
import { SipHeaders, type SipRequest, type SipResponse } from './sip-message.js';
import {
  cancelTargetKey,
  clientTransactionKey,
  hasMagicCookie,
  matchServerRequest,
  responseTransactionKey,
  serverTransactionKey,
} from './transaction-key.js';

function request(method: string, via: string, cseq = `1 ${method}`): SipRequest {
  return {
    kind: 'request',
    method,
    uri: 'sip:office@example.com',
    headers: SipHeaders.from([
      ['Via', via],
      ['CSeq', cseq],
    ]),
    body: '',
  };
}

function response(via: string, cseq: string): SipResponse {
  return {
    kind: 'response',
    status: 200,
    reason: 'OK',
    headers: SipHeaders.from([
      ['Via', via],
      ['CSeq', cseq],
    ]),
    body: '',
  };
}

const VIA = 'SIP/2.0/UDP pbx.example:5060;branch=z9hG4bKabc';

function keyOf(r: SipRequest): string | undefined {
  const match = matchServerRequest(r);
  return match.ok ? match.key : undefined;
}

describe('client matching (RFC 3261 §17.1.3)', () => {
  it('matches a response on top Via branch and CSeq method', () => {
    expect(responseTransactionKey(response(VIA, '1 INVITE'))).toBe(
      clientTransactionKey('z9hG4bKabc', 'INVITE'),
    );
  });

  it('keeps the 200 to a CANCEL apart from the INVITE with the same branch', () => {
    expect(responseTransactionKey(response(VIA, '1 CANCEL'))).toBe(
      clientTransactionKey('z9hG4bKabc', 'CANCEL'),
    );
    expect(clientTransactionKey('z9hG4bKabc', 'CANCEL')).not.toBe(
      clientTransactionKey('z9hG4bKabc', 'INVITE'),
    );
  });

  it('cannot match a response without branch or CSeq', () => {
    expect(responseTransactionKey(response('SIP/2.0/UDP pbx.example', '1 INVITE'))).toBeUndefined();
    expect(responseTransactionKey(response(VIA, 'INVITE'))).toBeUndefined();
  });
});

describe('server matching (RFC 3261 §17.2.3)', () => {
  it('matches on branch, sent-by and method', () => {
    const invite = request('INVITE', VIA);
    expect(matchServerRequest(invite)).toEqual({
      ok: true,
      key: serverTransactionKey('z9hG4bKabc', 'pbx.example:5060', 'INVITE'),
      branch: 'z9hG4bKabc',
      sentBy: 'pbx.example:5060',
    });
    // A retransmission differing only in insignificant case and whitespace of sent-by matches.
    expect(keyOf(request('INVITE', 'SIP/2.0/UDP PBX.example : 5060 ;branch=z9hG4bKabc'))).toBe(keyOf(invite));
  });

  it('lets the ACK match its INVITE transaction', () => {
    expect(keyOf(request('ACK', VIA))).toBe(keyOf(request('INVITE', VIA)));
  });

  it('gives CANCEL its own transaction, and finds the INVITE it targets (§9.2)', () => {
    const cancel = matchServerRequest(request('CANCEL', VIA));
    expect(cancel.ok).toBe(true);
    if (!cancel.ok) return;
    expect(cancel.key).not.toBe(keyOf(request('INVITE', VIA)));
    expect(cancelTargetKey(cancel.branch, cancel.sentBy)).toBe(keyOf(request('INVITE', VIA)));
  });

  it('tells apart equal branches from different senders, and different branches or methods', () => {
    const base = keyOf(request('BYE', VIA));
    expect(keyOf(request('BYE', 'SIP/2.0/UDP other.example:5060;branch=z9hG4bKabc'))).not.toBe(base);
    expect(keyOf(request('BYE', 'SIP/2.0/UDP pbx.example:5060;branch=z9hG4bKabd'))).not.toBe(base);
    expect(keyOf(request('BYE', 'SIP/2.0/UDP pbx.example:5060;branch=z9hG4bKABC'))).not.toBe(base);
    expect(keyOf(request('INFO', VIA))).not.toBe(base);
  });

  it('says why a request cannot be matched', () => {
    const reason = (r: SipRequest) => {
      const match = matchServerRequest(r);
      return match.ok ? 'ok' : match.reason;
    };
    expect(reason({ ...request('BYE', VIA), headers: SipHeaders.from([['CSeq', '1 BYE']]) })).toBe(
      'missing-via',
    );
    expect(reason(request('BYE', 'SIP/2.0/UDP pbx.example'))).toBe('missing-branch');
    expect(reason(request('BYE', 'SIP/2.0/UDP pbx.example;branch=1234'))).toBe('rfc2543-branch');
    expect(reason(request('BYE', 'SIP/2.0/UDP pbx.example;branch=z9hG4bK'))).toBe('rfc2543-branch');
    expect(reason(request('BYE', VIA, 'one BYE'))).toBe('missing-cseq');
    expect(reason(request('BYE', VIA, '1 INVITE'))).toBe('cseq-method-mismatch');
  });

  it('knows the magic cookie', () => {
    expect(hasMagicCookie('z9hG4bK1')).toBe(true);
    expect(hasMagicCookie('z9hg4bk1')).toBe(false);
    expect(hasMagicCookie('z9hG4bK')).toBe(false);
  });
});
