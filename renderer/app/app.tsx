import { useEffect } from 'react';
import { RouterProvider } from 'react-router/dom';
import { createTranslator } from '../i18n/translate.js';
import { useAppStore } from '../stores/app-store.js';
import { selectUnreadCount } from '../stores/slices/inbox-unread-slice.js';
import { GateScreen } from '../ui/gate-screen.js';
import type { AppRouter } from './routes.js';
import { windowTitle } from '../../shared/window-title.js';

/**
 * The app once it can talk to the engine; until then (or if it never may) a screen that says
 * why. While reconnecting after a drop the app stays, and the status bar says so.
 */
export function App({ router }: { router: AppRouter }) {
  const connection = useAppStore((state) => state.connection);
  const hasConnected = useAppStore((state) => state.hasConnected);
  const locale = useAppStore((state) => state.locale);
  const unread = useAppStore(selectUnreadCount);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = windowTitle(createTranslator(locale)('app.name'), unread);
  }, [locale, unread]);

  if (connection === 'no-token') return <GateScreen kind="noToken" />;
  if (connection === 'unauthorized') return <GateScreen kind="unauthorized" />;
  if (!hasConnected) return <GateScreen kind={connection === 'reconnecting' ? 'retrying' : 'connecting'} />;
  return <RouterProvider router={router} />;
}
