import { describe, expect, it } from 'vitest';
import type { Voicemail } from '../../../shared/domain/voicemails.js';
import { applyVoicemailChange } from './voicemail-order.js';

const message = (id: string, minute: number, heard: boolean): Voicemail => ({
  id,
  callId: `call-${id}`,
  caller: '01012345678',
  durationMs: 4000,
  teamId: null,
  teamName: null,
  heard,
  assigneeId: null,
  assigneeName: null,
  createdAt: new Date(Date.UTC(2026, 2, 10, 9, minute)).toISOString(),
});

describe('voicemail order', () => {
  it('keeps unheard messages first and newest first within each', () => {
    const list = [message('b', 2, false), message('a', 1, false), message('c', 3, true)];
    expect(applyVoicemailChange(list, message('b', 2, true)).map((v) => v.id)).toEqual(['a', 'c', 'b']);
    expect(applyVoicemailChange(list, message('d', 4, false)).map((v) => v.id)).toEqual(['d', 'b', 'a', 'c']);
  });
});
