import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../stores/app-store.js';
import { LanguageSelect } from './language-select.js';
import { Logo } from './logo.js';

export function TopBar() {
  const t = useT();
  const officeName = useAppStore((state) => state.settings?.officeName ?? '');
  return (
    <header className="topbar">
      <div className="brand">
        <Logo />
        <span className="brand-name">{t('app.name')}</span>
        {officeName !== '' && <span className="brand-office">{officeName}</span>}
      </div>
      <LanguageSelect />
    </header>
  );
}
