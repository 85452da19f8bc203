import { describe, expect, it } from 'vitest';
import { formatReplaces, parseReferTo, parseReplaces } from './refer-to.js';

const REGISTRAR = 'pbx.example.com';

describe('parseReferTo (RFC 3515 §2.1, RFC 3891 §5)', () => {
  it('takes an extension at the PBX, with or without angle brackets and display name', () => {
    for (const value of [
      '<sip:202@pbx.example.com>',
      'sip:202@pbx.example.com',
      '"Bo" <sip:202@PBX.example.com:5060>',
    ]) {
      expect(parseReferTo([value], REGISTRAR)).toEqual({
        ok: true,
        value: { uri: 'sip:202@pbx.example.com', user: '202', replaces: undefined },
      });
    }
  });

  it('keeps the registrar as configured, port included, in the URI it dials', () => {
    const result = parseReferTo(['<sip:agent2@127.0.0.1>'], '127.0.0.1:5060');
    expect(result).toEqual({
      ok: true,
      value: { uri: 'sip:agent2@127.0.0.1:5060', user: 'agent2', replaces: undefined },
    });
  });

  it('takes a number as a tel: URI or user=phone, visual separators dropped (RFC 3966 §5.1.1)', () => {
    expect(parseReferTo(['<tel:+1-555-0100>'], REGISTRAR)).toMatchObject({
      ok: true,
      value: { uri: 'sip:+15550100@pbx.example.com', user: '+15550100' },
    });
    expect(parseReferTo(['<sip:+1-555-0100@pbx.example.com;user=phone>'], REGISTRAR)).toMatchObject({
      ok: true,
      value: { uri: 'sip:+15550100@pbx.example.com', user: '+15550100' },
    });
  });

  it('refuses 403 a host that is not the PBX (no relaying to arbitrary SIP servers)', () => {
    for (const value of [
      '<sip:202@evil.example.net>',
      '<sip:202@pbx.example.com:5080>',
      '<sip:202@10.0.0.1>',
    ]) {
      expect(parseReferTo([value], REGISTRAR)).toMatchObject({ ok: false, refusal: { status: 403 } });
    }
  });

  it('refuses 400 a REFER with no Refer-To, several, or one that is no usable URI', () => {
    const bad = [
      [],
      ['<sip:201@pbx.example.com>', '<sip:202@pbx.example.com>'],
      ['<sip:pbx.example.com>'],
      ['<mailto:boss@example.com>'],
      ['<tel:call-me>'],
      ['<sip:a b@pbx.example.com>'],
      ['<sip:202@pbx.example.com'],
    ];
    for (const values of bad) {
      expect(parseReferTo(values, REGISTRAR), JSON.stringify(values)).toMatchObject({
        ok: false,
        refusal: { status: 400 },
      });
    }
  });

  it('refuses 416 a REFER for another method than INVITE', () => {
    expect(parseReferTo(['<sip:202@pbx.example.com;method=BYE>'], REGISTRAR)).toMatchObject({
      ok: false,
      refusal: { status: 416 },
    });
  });

  it('reads an escaped Replaces (attended transfer) and dials the user at the PBX, whatever the host', () => {
    const value =
      '<sip:202@192.0.2.7:5091?Replaces=consult-1%40192.0.2.5%3Bto-tag%3Dabc%3Bfrom-tag%3Ddef&Require=replaces>';
    expect(parseReferTo([value], REGISTRAR)).toEqual({
      ok: true,
      value: {
        uri: 'sip:202@pbx.example.com',
        user: '202',
        replaces: { callId: 'consult-1@192.0.2.5', toTag: 'abc', fromTag: 'def', earlyOnly: false },
      },
    });
  });

  it('refuses 400 a Replaces without both tags', () => {
    const value = '<sip:202@pbx.example.com?Replaces=consult-1%3Bto-tag%3Dabc>';
    expect(parseReferTo([value], REGISTRAR)).toMatchObject({ ok: false, refusal: { status: 400 } });
  });
});

describe('Replaces (RFC 3891 §6.1)', () => {
  it('round-trips, early-only included', () => {
    const parsed = parseReplaces('98732@sip.example.com ;to-tag=r33th4x0r; from-tag=ff87ff;early-only');
    expect(parsed).toEqual({
      callId: '98732@sip.example.com',
      toTag: 'r33th4x0r',
      fromTag: 'ff87ff',
      earlyOnly: true,
    });
    expect(formatReplaces(parsed!)).toBe('98732@sip.example.com;to-tag=r33th4x0r;from-tag=ff87ff;early-only');
  });

  it('is undefined when malformed', () => {
    for (const value of [
      '',
      'abc',
      ';to-tag=a;from-tag=b',
      'abc;to-tag=a',
      'abc;to-tag=a;to-tag=b;from-tag=c',
    ]) {
      expect(parseReplaces(value), value).toBeUndefined();
    }
  });
});
