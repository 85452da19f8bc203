import { describe, expect, it } from 'vitest';
import { parseSipfrag } from './sipfrag.js';

describe('parseSipfrag', () => {
  it('reads the status line of a NOTIFY body', () => {
    expect(parseSipfrag('SIP/2.0 100 Trying\r\n')).toEqual({ status: 100, reason: 'Trying' });
    expect(parseSipfrag('SIP/2.0 486 Busy Here\r\nContent-Length: 0\r\n')).toEqual({
      status: 486,
      reason: 'Busy Here',
    });
    expect(parseSipfrag('SIP/2.0 200')).toEqual({ status: 200, reason: '' });
    expect(parseSipfrag('')).toBeUndefined();
    expect(parseSipfrag('INVITE sip:x SIP/2.0')).toBeUndefined();
    expect(parseSipfrag('SIP/2.0 999 Nope')).toBeUndefined();
  });
});
