import { describe, expect, it } from 'vitest';
import { formatElapsed, transcriptLines } from './transcript-lines.js';

const teamId = '8a6e0f7e-7a57-4d2b-9a2c-1f1f1f1f1f1f';
const teams = new Map([[teamId, 'Sales']]);

describe('transcriptLines', () => {
  it('shows what the call said and did, with team names', () => {
    const lines = transcriptLines(
      [
        { atMs: 0, kind: 'say', prompt: { kind: 'tts', text: 'Press 1.', language: 'en' } },
        { atMs: 10, kind: 'phrase', phrase: 'invalid', language: 'en', text: 'Sorry.' },
        { atMs: 20, kind: 'key', digit: '1' },
        { atMs: 30, kind: 'tags', tags: ['vip'] },
        { atMs: 40, kind: 'sms', to: '01012345678', text: 'Hi' },
        { atMs: 50, kind: 'callback', number: '0212345678', teamId },
        { atMs: 60, kind: 'assign', target: `team ${teamId}`, outcome: 'connected' },
        { atMs: 70, kind: 'voicemail', durationMs: 3000 },
        { atMs: 80, kind: 'hangup', by: 'caller' },
      ],
      { teams },
    );
    expect(lines).toEqual([
      {
        atMs: 0,
        kind: 'say',
        prompt: { kind: 'tts', text: 'Press 1.', language: 'en' },
        text: 'Press 1.',
      },
      { atMs: 10, kind: 'phrase', text: 'Sorry.' },
      { atMs: 20, kind: 'key', digit: '1' },
      { atMs: 30, kind: 'tags', tags: ['vip'] },
      { atMs: 40, kind: 'sms', to: '01012345678', text: 'Hi' },
      { atMs: 50, kind: 'callback', number: '0212345678', team: 'Sales' },
      { atMs: 60, kind: 'assign', target: { kind: 'team', name: 'Sales' }, outcome: 'connected' },
      { atMs: 70, kind: 'voicemail', durationMs: 3000 },
      { atMs: 80, kind: 'hangup', by: 'caller' },
    ]);
  });

  it('has no text for uploaded audio, keeps unknown ids and unknown kinds', () => {
    const promptId = '3c3c3c3c-3c3c-4c3c-8c3c-3c3c3c3c3c3c';
    const lines = transcriptLines(
      [
        { atMs: 0, kind: 'say', prompt: { kind: 'audio', promptId } },
        { atMs: 1, kind: 'assign', target: 'agent a-1', outcome: 'busy' },
        { atMs: 2, kind: 'transfer', to: '1234' },
      ],
      { teams },
    );
    expect(lines).toEqual([
      { atMs: 0, kind: 'say', prompt: { kind: 'audio', promptId }, text: null },
      { atMs: 1, kind: 'assign', target: { kind: 'agent', name: 'a-1' }, outcome: 'busy' },
      { atMs: 2, kind: 'other', what: 'transfer' },
    ]);
  });

  it('formats virtual time as m:ss', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65_400)).toBe('1:05');
  });
});
