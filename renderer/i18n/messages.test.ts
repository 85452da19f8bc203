import { describe, expect, it } from 'vitest';
import { en } from './messages.en.js';
import { ko } from './messages.ko.js';
import { createTranslator, detectLocale, formatMessage } from './translate.js';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('message catalogues', () => {
  it('have exactly the same keys in Korean and English', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty messages', () => {
    for (const [locale, messages] of Object.entries({ en, ko })) {
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(ko[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('are really translated: the navigation speaks Korean', () => {
    expect(ko['nav.workflows']).toBe('워크플로');
    expect(ko['nav.settings']).toBe('설정');
    expect(ko['registration.not_registered']).toBe('아직 등록되지 않음');
    const untranslated = (Object.keys(en) as (keyof typeof en)[]).filter(
      (key) => ko[key] === en[key] && /[a-z]{4,}/.test(en[key].replace(/\{\w+\}/g, '')),
    );
    // Only the brand and the bilingual language switcher may read the same in both.
    expect(untranslated.sort()).toEqual(['app.name', 'language.en', 'language.label'].sort());
  });
});

describe('translate', () => {
  it('fills variables and leaves unknown ones visible', () => {
    expect(formatMessage('{name}: {state}', { name: 'Main line', state: 'registered' })).toBe(
      'Main line: registered',
    );
    expect(formatMessage('{name} and {other}', { name: 'A' })).toBe('A and {other}');
  });

  it('translates a status line in each locale', () => {
    const state = createTranslator('ko')('registration.not_registered');
    expect(createTranslator('ko')('status.lineState', { name: '본선', state })).toBe(
      '본선: 아직 등록되지 않음',
    );
    expect(
      createTranslator('en')('status.lineState', {
        name: 'Main line',
        state: createTranslator('en')('registration.not_registered'),
      }),
    ).toBe('Main line: not registered yet');
  });

  it('follows the browser language unless the user chose one', () => {
    expect(detectLocale(null, 'ko-KR')).toBe('ko');
    expect(detectLocale(null, 'ko')).toBe('ko');
    expect(detectLocale(null, 'en-US')).toBe('en');
    expect(detectLocale(null, 'ja-JP')).toBe('en');
    expect(detectLocale(null, undefined)).toBe('en');
    expect(detectLocale('en', 'ko-KR')).toBe('en');
    expect(detectLocale('ko', 'en-US')).toBe('ko');
    expect(detectLocale('fr', 'ko-KR')).toBe('ko');
  });
});
