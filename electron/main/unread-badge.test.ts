import { describe, expect, it } from 'vitest';
import { trayToolTip } from './unread-badge.js';

describe('tray tooltip', () => {
  it('names the unread count in both languages, and is the bare name without one', () => {
    expect(trayToolTip(3)).toBe('Switchboard — 3 unread / 확인할 항목 3개');
    expect(trayToolTip(0)).toBe('Switchboard');
  });
});
