import { useId } from 'react';
import { useT } from '../i18n/use-t.js';
import { isLocale } from '../i18n/translate.js';
import { useAppStore } from '../stores/app-store.js';

/** "Language / 언어": labelled in both languages so either reader finds it. */
export function LanguageSelect() {
  const t = useT();
  const id = useId();
  const locale = useAppStore((state) => state.locale);
  const setLocale = useAppStore((state) => state.setLocale);
  return (
    <div className="language-select">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) setLocale(event.target.value);
        }}
      >
        <option value="ko" lang="ko">
          {t('language.ko')}
        </option>
        <option value="en" lang="en">
          {t('language.en')}
        </option>
      </select>
    </div>
  );
}
