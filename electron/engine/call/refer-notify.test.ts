import { describe, expect, it } from 'vitest';
import { failureStatus, referNotify } from './refer-notify.js';

describe('referNotify (RFC 3515 §2.4.4–2.4.7, RFC 3420)', () => {
  it('reports progress with the subscription active', () => {
    expect(referNotify(100)).toEqual({
      headers: [
        ['event', 'refer'],
        ['subscription-state', 'active;expires=60'],
        ['content-type', 'message/sipfrag;version=2.0'],
      ],
      body: 'SIP/2.0 100 Trying\r\n',
    });
  });

  it('ends the subscription with a final status, and names a later REFER by its CSeq', () => {
    const notify = referNotify(486, { referId: 7 });
    expect(notify.headers).toContainEqual(['event', 'refer;id=7']);
    expect(notify.headers).toContainEqual(['subscription-state', 'terminated;reason=noresource']);
    expect(notify.body).toBe('SIP/2.0 486 Busy Here\r\n');
  });

  it('keeps a reason phrase on one line', () => {
    expect(referNotify(603, { reason: 'No\r\nthanks' }).body).toBe('SIP/2.0 603 No  thanks\r\n');
  });
});

describe('failureStatus', () => {
  it('passes the target’s final response on, and stands in for a ring-out or no call', () => {
    expect(failureStatus({ kind: 'busy', status: 486 })).toEqual({ status: 486, reason: 'Busy Here' });
    expect(failureStatus({ kind: 'declined', status: 404, reason: 'Not Found' })).toEqual({
      status: 404,
      reason: 'Not Found',
    });
    expect(failureStatus({ kind: 'cancelled' })).toEqual({ status: 408, reason: 'Request Timeout' });
    expect(failureStatus({ kind: 'failed', message: 'no port' })).toEqual({
      status: 503,
      reason: 'Service Unavailable',
    });
  });
});
