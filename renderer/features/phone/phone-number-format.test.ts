import { describe, expect, it } from 'vitest';
import { formatPhoneNumber } from './phone-number-format.js';

describe('formatPhoneNumber', () => {
  it('hyphenates Korean numbers and leaves others alone', () => {
    expect(formatPhoneNumber('01012345678')).toBe('010-1234-5678');
    expect(formatPhoneNumber('0101234567')).toBe('010-123-4567');
    expect(formatPhoneNumber('0212345678')).toBe('02-1234-5678');
    expect(formatPhoneNumber('021234567')).toBe('02-123-4567');
    expect(formatPhoneNumber('0311234567')).toBe('031-123-4567');
    expect(formatPhoneNumber('15881234')).toBe('1588-1234');
    expect(formatPhoneNumber('201')).toBe('201');
    expect(formatPhoneNumber('+821012345678')).toBe('+821012345678');
    expect(formatPhoneNumber('agent2')).toBe('agent2');
  });
});
