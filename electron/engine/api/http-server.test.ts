import { describe, expect, it } from 'vitest';
import { isLoopback } from './http-server.js';

describe('isLoopback', () => {
  it('knows this machine’s own addresses, IPv4 ones also as a dual-stack socket shows them', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopback(host), host).toBe(true);
    }
    for (const host of [
      '0.0.0.0',
      '::',
      '192.168.1.20',
      '::ffff:192.168.1.20',
      '10.127.0.1',
      'fe80::1',
      '',
    ]) {
      expect(isLoopback(host), host).toBe(false);
    }
  });
});
