import { detectLocale, type Locale } from './translate.js';

const STORAGE_KEY = 'switchboard.locale';

/** The locale to start with: the one the user chose before, else the browser's language. */
export function initialLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // Storage can be disabled; the browser language still applies.
  }
  return detectLocale(stored, globalThis.navigator?.language);
}

export function saveLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisted; the choice still holds for this session.
  }
}
