import type { ComponentType } from 'react';
import { NavLink } from 'react-router';
import type { MessageKey } from '../i18n/messages.en.js';
import { useT } from '../i18n/use-t.js';
import { useAppStore } from '../stores/app-store.js';
import { selectUnreadCount } from '../stores/slices/inbox-unread-slice.js';
import { AnalyticsIcon, InboxIcon, NumbersIcon, PhoneIcon, SettingsIcon, WorkflowsIcon } from './icons.js';

interface NavItem {
  to: string;
  label: MessageKey;
  Icon: ComponentType;
}

const items: readonly NavItem[] = [
  { to: '/workflows', label: 'nav.workflows', Icon: WorkflowsIcon },
  { to: '/numbers', label: 'nav.numbers', Icon: NumbersIcon },
  { to: '/inbox', label: 'nav.inbox', Icon: InboxIcon },
  { to: '/phone', label: 'nav.phone', Icon: PhoneIcon },
  { to: '/analytics', label: 'nav.analytics', Icon: AnalyticsIcon },
  { to: '/settings', label: 'nav.settings', Icon: SettingsIcon },
];

export function SideNav() {
  const t = useT();
  const unread = useAppStore(selectUnreadCount);
  return (
    <nav className="sidenav" aria-label={t('nav.label')}>
      <ul>
        {items.map(({ to, label, Icon }) => (
          <li key={to}>
            <NavLink to={to} className={({ isActive }) => (isActive ? 'navlink active' : 'navlink')}>
              <Icon />
              <span>{t(label)}</span>
              {to === '/inbox' && unread > 0 && (
                <>
                  <span className="nav-badge" aria-hidden="true">
                    {unread}
                  </span>
                  <span className="visually-hidden">{t('inbox.navUnread', { count: unread })}</span>
                </>
              )}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
