import { describe, expect, it } from 'vitest';
import { SipHeaders } from './sip-message.js';
import {
  parseCSeq,
  parseViaElement,
  readCallId,
  readCSeq,
  readTopVia,
  setTopViaBranch,
  topViaElement,
} from './transaction-fields.js';

describe('parseViaElement', () => {
  it('reads transport, sent-by and branch', () => {
    expect(parseViaElement('SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK776asdhds;rport')).toEqual({
      transport: 'UDP',
      sentBy: '10.0.0.1:5060',
      branch: 'z9hG4bK776asdhds',
    });
  });

  it('allows whitespace around slashes, the colon and parameters (RFC 3261 §25.1 SWS)', () => {
    expect(
      parseViaElement('SIP / 2.0 / tcp  Host.Example.COM : 5070 ; received=1.2.3.4 ; BRANCH = z9hG4bKx'),
    ).toEqual({
      transport: 'TCP',
      sentBy: 'host.example.com:5070',
      branch: 'z9hG4bKx',
    });
  });

  it('keeps the branch case (compared case-sensitively) and reads IPv6 references', () => {
    expect(parseViaElement('SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bKAbC')).toEqual({
      transport: 'UDP',
      sentBy: '[2001:db8::1]:5060',
      branch: 'z9hG4bKAbC',
    });
  });

  it('has no branch when there is none or it is empty', () => {
    expect(parseViaElement('SIP/2.0/UDP pc33.atlanta.com')?.branch).toBeUndefined();
    expect(parseViaElement('SIP/2.0/UDP pc33.atlanta.com;branch=;rport')?.branch).toBeUndefined();
    expect(parseViaElement('SIP/2.0/UDP pc33.atlanta.com;rport;maddr=1.2.3.4')?.branch).toBeUndefined();
  });

  it('rejects what is not a SIP/2.0 Via', () => {
    expect(parseViaElement('SIP/3.0/UDP host;branch=z9hG4bK1')).toBeUndefined();
    expect(parseViaElement('garbage')).toBeUndefined();
    expect(parseViaElement('SIP/2.0/UDP ;branch=z9hG4bK1')).toBeUndefined();
    expect(parseViaElement('')).toBeUndefined();
  });
});

describe('readTopVia', () => {
  it('takes the first element of a comma-separated first line', () => {
    const headers = SipHeaders.from([
      ['v', 'SIP/2.0/UDP first.example;branch=z9hG4bK1, SIP/2.0/UDP second.example;branch=z9hG4bK2'],
      ['Via', 'SIP/2.0/UDP third.example;branch=z9hG4bK3'],
    ]);
    expect(topViaElement(headers)).toBe('SIP/2.0/UDP first.example;branch=z9hG4bK1');
    expect(readTopVia(headers)?.branch).toBe('z9hG4bK1');
  });

  it('is undefined without a Via', () => {
    expect(readTopVia(new SipHeaders())).toBeUndefined();
  });
});

describe('CSeq and Call-ID', () => {
  it('parses number and method', () => {
    expect(parseCSeq('4711 INVITE')).toEqual({ seq: 4711, method: 'INVITE' });
    expect(parseCSeq('  1   ACK ')).toEqual({ seq: 1, method: 'ACK' });
    expect(readCSeq(SipHeaders.from([['CSeq', '2 BYE']]))).toEqual({ seq: 2, method: 'BYE' });
  });

  it('rejects a missing method, a non-number, or a number of 2**31 and above (§8.1.1.5)', () => {
    expect(parseCSeq('12')).toBeUndefined();
    expect(parseCSeq('x INVITE')).toBeUndefined();
    expect(parseCSeq('2147483648 INVITE')).toBeUndefined();
    expect(parseCSeq('2147483647 INVITE')?.seq).toBe(2147483647);
    expect(readCSeq(new SipHeaders())).toBeUndefined();
  });

  it('reads the Call-ID, compact form included', () => {
    expect(readCallId(SipHeaders.from([['i', ' abc@host ']]))).toBe('abc@host');
    expect(readCallId(SipHeaders.from([['Call-ID', '']]))).toBeUndefined();
    expect(readCallId(new SipHeaders())).toBeUndefined();
  });
});

describe('setTopViaBranch', () => {
  it('adds a branch to the top Via only', () => {
    const headers = SipHeaders.from([
      ['Via', 'SIP/2.0/UDP me.example:5060;rport, SIP/2.0/UDP other;branch=z9hG4bKo'],
      ['To', '<sip:a@b>'],
    ]);
    expect(setTopViaBranch(headers, 'z9hG4bKnew')).toBe(true);
    expect(headers.getAll('via')).toEqual([
      'SIP/2.0/UDP me.example:5060;rport;branch=z9hG4bKnew',
      'SIP/2.0/UDP other;branch=z9hG4bKo',
    ]);
  });

  it('replaces an existing branch rather than adding a second', () => {
    const headers = SipHeaders.from([['Via', 'SIP/2.0/TCP me;branch=z9hG4bKold;rport']]);
    setTopViaBranch(headers, 'z9hG4bKnew');
    expect(headers.get('via')).toBe('SIP/2.0/TCP me;rport;branch=z9hG4bKnew');
  });

  it('returns false without a Via', () => {
    expect(setTopViaBranch(new SipHeaders(), 'z9hG4bKx')).toBe(false);
  });
});
