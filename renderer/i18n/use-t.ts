import { useMemo } from 'react';
import { useAppStore } from '../stores/app-store.js';
import { createTranslator, type Translate } from './translate.js';

/** `t(key, vars?)` in the current locale; components re-render when the locale changes. */
export function useT(): Translate {
  const locale = useAppStore((state) => state.locale);
  return useMemo(() => createTranslator(locale), [locale]);
}
