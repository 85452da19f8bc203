import type { Prompt, PromptLanguage } from '../../../shared/workflow/prompt.js';

/**
 * What the engine says by itself, when a workflow leaves a sentence to the default: after a
 * wrong key, after silence, before hanging up, when something broke, and to read an entry back.
 */
export const phraseTexts = {
  invalid: {
    en: 'Sorry, that is not a valid choice.',
    ko: '잘못 누르셨습니다.',
  },
  timeout: {
    en: 'Sorry, we did not receive your input.',
    ko: '입력이 없습니다.',
  },
  goodbye: {
    en: 'Thank you for calling. Goodbye.',
    ko: '전화해 주셔서 감사합니다. 안녕히 계세요.',
  },
  apology: {
    en: 'Sorry, something went wrong. Please call again later.',
    ko: '죄송합니다. 문제가 발생했습니다. 잠시 후 다시 걸어 주세요.',
  },
  youEntered: {
    en: 'You entered',
    ko: '입력하신 번호는',
  },
  confirm: {
    en: 'If this is correct, press 1. To enter it again, press 2.',
    ko: '맞으면 1번, 다시 입력하시려면 2번을 눌러 주세요.',
  },
  voicemailSaved: {
    en: 'Your message has been saved. Thank you.',
    ko: '메시지가 저장되었습니다. 감사합니다.',
  },
  digit0: { en: 'zero', ko: '공' },
  digit1: { en: 'one', ko: '일' },
  digit2: { en: 'two', ko: '이' },
  digit3: { en: 'three', ko: '삼' },
  digit4: { en: 'four', ko: '사' },
  digit5: { en: 'five', ko: '오' },
  digit6: { en: 'six', ko: '육' },
  digit7: { en: 'seven', ko: '칠' },
  digit8: { en: 'eight', ko: '팔' },
  digit9: { en: 'nine', ko: '구' },
} as const satisfies Record<string, Record<PromptLanguage, string>>;

export type Phrase = keyof typeof phraseTexts;

/** The phrase that says one digit, for reading an entry back. */
export function digitPhrase(digit: string): Phrase | undefined {
  return /^[0-9]$/.test(digit) ? (`digit${digit}` as Phrase) : undefined;
}

/** A phrase as a text prompt, rendered and cached like any other. */
export function phrasePrompt(phrase: Phrase, language: PromptLanguage): Prompt {
  return { kind: 'tts', text: phraseTexts[phrase][language], language };
}
