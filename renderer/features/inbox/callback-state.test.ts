import { describe, expect, it } from 'vitest';
import type { Callback } from '../../../shared/domain/callbacks.js';
import { applyCallbackChange, callbackTab, knownCallbackResult } from './callback-state.js';

const callback = (id: string, minute: number, status: Callback['status']): Callback => ({
  id,
  callId: `call-${id}`,
  number: '01012345678',
  teamId: null,
  reason: 'queue',
  status,
  assigneeId: null,
  attempts: 0,
  lastAttemptAt: null,
  lastResult: null,
  requestedAt: new Date(Date.UTC(2026, 2, 10, 9, minute)).toISOString(),
  updatedAt: null,
});

describe('callbacks', () => {
  it('files failed requests with the done ones', () => {
    expect(callbackTab('open')).toBe('open');
    expect(callbackTab('in_progress')).toBe('in_progress');
    expect(callbackTab('failed')).toBe('done');
  });

  it('moves a request into and out of a tab, oldest first', () => {
    const open = [callback('a', 1, 'open'), callback('c', 3, 'open')];
    expect(applyCallbackChange(open, callback('b', 2, 'open'), 'open').map((c) => c.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(applyCallbackChange(open, callback('a', 1, 'in_progress'), 'open').map((c) => c.id)).toEqual([
      'c',
    ]);
    expect(applyCallbackChange([], callback('a', 1, 'failed'), 'done').map((c) => c.id)).toEqual(['a']);
  });

  it('knows the engine’s own results and leaves other text alone', () => {
    expect(knownCallbackResult('no answer')).toBe('no answer');
    expect(knownCallbackResult('486 Busy Here')).toBeUndefined();
    expect(knownCallbackResult(null)).toBeUndefined();
  });
});
