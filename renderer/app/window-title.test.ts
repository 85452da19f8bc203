import { describe, expect, it } from 'vitest';
import { windowTitle } from './window-title.js';

describe('window title', () => {
  it('leads with the unread count, and is the bare name without one', () => {
    expect(windowTitle('Switchboard', 3)).toBe('(3) Switchboard');
    expect(windowTitle('스위치보드', 0)).toBe('스위치보드');
  });
});
