import { en, type MessageKey, type Messages } from './messages.en.js';
import { ko } from './messages.ko.js';

export const locales = ['ko', 'en'] as const;
export type Locale = (typeof locales)[number];

export const catalogs: Readonly<Record<Locale, Messages>> = { ko, en };

export type TranslationVars = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, vars?: TranslationVars) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function formatMessage(template: string, vars?: TranslationVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

export function createTranslator(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, vars) => formatMessage(messages[key], vars);
}

/** The user's own choice wins; otherwise Korean for any ko* browser language, else English. */
export function detectLocale(stored: string | null | undefined, browserLanguage: string | undefined): Locale {
  if (isLocale(stored)) return stored;
  return browserLanguage?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
