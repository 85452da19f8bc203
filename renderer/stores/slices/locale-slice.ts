import type { StateCreator } from 'zustand';
import { initialLocale, saveLocale } from '../../i18n/locale-preference.js';
import type { Locale } from '../../i18n/translate.js';
import type { AppState } from '../app-store.js';

export interface LocaleSlice {
  locale: Locale;
  /** The user's explicit choice: remembered across sessions. */
  setLocale(locale: Locale): void;
}

export const createLocaleSlice: StateCreator<AppState, [], [], LocaleSlice> = (set) => ({
  locale: initialLocale(),
  setLocale: (locale) => {
    saveLocale(locale);
    set({ locale });
  },
});
