import { describe, expect, it } from 'vitest';
import { unreadFromTitle, windowTitle } from './window-title.js';

describe('window title', () => {
  it('leads with the unread count, and is the bare name without one', () => {
    expect(windowTitle('Switchboard', 3)).toBe('(3) Switchboard');
    expect(windowTitle('스위치보드', 0)).toBe('스위치보드');
  });
});

describe('unread count from the window title', () => {
  it('reads back the count windowTitle puts before the name, in either language', () => {
    expect(unreadFromTitle('(3) Switchboard')).toBe(3);
    expect(unreadFromTitle('(12) 스위치보드')).toBe(12);
  });

  it('is 0 for the bare name and for anything else', () => {
    expect(unreadFromTitle('Switchboard')).toBe(0);
    expect(unreadFromTitle('')).toBe(0);
    expect(unreadFromTitle('Switchboard (3)')).toBe(0);
    expect(unreadFromTitle('(3)Switchboard')).toBe(0);
    expect(unreadFromTitle('(-3) Switchboard')).toBe(0);
    expect(unreadFromTitle('(3.5) Switchboard')).toBe(0);
    expect(unreadFromTitle('(abc) Switchboard')).toBe(0);
    expect(unreadFromTitle(`(${'9'.repeat(20)}) Switchboard`)).toBe(0);
  });
});
