import { describe, expect, it } from 'vitest';
import { SipHeaders } from './sip-message.js';
import { createResponse } from './response-builder.js';

const invite = {
  headers: SipHeaders.from([
    ['Via', 'SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKproxy'],
    ['Via', 'SIP/2.0/UDP 10.0.0.2:5070;branch=z9hG4bKcaller;received=10.0.0.2'],
    ['Record-Route', '<sip:127.0.0.1;lr>'],
    ['From', '<sip:caller@10.0.0.2>;tag=abc'],
    ['To', '<sip:office@127.0.0.1>'],
    ['Call-ID', 'call-1'],
    ['CSeq', '1 INVITE'],
    ['Contact', '<sip:caller@10.0.0.2:5070>'],
  ]),
};

describe('createResponse (RFC 3261 §8.2.6)', () => {
  it('copies every Via in order, From, Call-ID, CSeq, and tags To', () => {
    const response = createResponse(invite, 180, { toTag: 'engine1' });
    expect(response.reason).toBe('Ringing');
    expect(response.headers.getAll('via')).toEqual([
      'SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKproxy',
      'SIP/2.0/UDP 10.0.0.2:5070;branch=z9hG4bKcaller;received=10.0.0.2',
    ]);
    expect(response.headers.get('to')).toBe('<sip:office@127.0.0.1>;tag=engine1');
    expect(response.headers.get('record-route')).toBe('<sip:127.0.0.1;lr>');
    expect(response.headers.get('contact')).toBeUndefined();
    expect(response.headers.get('cseq')).toBe('1 INVITE');
  });

  it('leaves To untagged on 100 Trying and drops Record-Route from failures', () => {
    expect(createResponse(invite, 100).headers.get('to')).toBe('<sip:office@127.0.0.1>');
    const busy = createResponse(invite, 486);
    expect(busy.headers.get('record-route')).toBeUndefined();
    expect(busy.headers.get('to')).toMatch(/;tag=[0-9a-f]{12}$/);
  });

  it('keeps an existing To tag (in-dialog requests)', () => {
    const bye = { headers: invite.headers.clone().set('to', '<sip:office@127.0.0.1>;tag=mine') };
    expect(createResponse(bye, 200).headers.get('to')).toBe('<sip:office@127.0.0.1>;tag=mine');
  });
});
