import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/translate.js';
import { connectionText, engineText, registrationText } from './status-text.js';

const en = createTranslator('en');
const ko = createTranslator('ko');

describe('status texts', () => {
  it('describe a registration, with the engine reason when there is one', () => {
    expect(registrationText({ state: 'not_registered' }, en)).toBe('not registered yet');
    expect(registrationText({ state: 'not_registered' }, ko)).toBe('아직 등록되지 않음');
    expect(registrationText({ state: 'failed', reason: 'wrong password (403)' }, en)).toBe(
      'registration failed (wrong password (403))',
    );
  });

  it('say the engine is disconnected whenever the API pipe is down', () => {
    expect(engineText('running', true, en)).toBe('Engine running');
    expect(engineText('running', false, en)).toBe('Engine disconnected');
    expect(engineText(undefined, true, ko)).toBe('엔진 연결 끊김');
    expect(connectionText('reconnecting', en)).toBe('Reconnecting…');
  });
});
