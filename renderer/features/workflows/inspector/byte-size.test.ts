import { describe, expect, it } from 'vitest';
import { formatBytes } from './byte-size.js';

describe('byte sizes', () => {
  it('shows bytes, whole kilobytes, then megabytes to a tenth', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(576_044)).toBe('563 KB');
    expect(formatBytes(512 * 1024)).toBe('512 KB');
    expect(formatBytes(100 * 1024 * 1024)).toBe('100.0 MB');
    expect(formatBytes(6_100_000)).toBe('5.8 MB');
  });
});
