import { createHashRouter, Navigate } from 'react-router';
import { AnalyticsPage } from '../features/analytics/analytics-page.js';
import { InboxPage } from '../features/inbox/inbox-page.js';
import { PhonePage } from '../features/phone/phone-page.js';
import { SettingsPage } from '../features/settings/settings-page.js';
import { WorkflowEditorPage } from '../features/workflows/editor/workflow-editor-page.js';
import { NumbersPage } from '../features/workflows/numbers-page.js';
import { WorkflowsPage } from '../features/workflows/workflows-page.js';
import { AppLayout } from './app-layout.js';

export type AppRouter = ReturnType<typeof createHashRouter>;

/**
 * Hash routes (`#/settings`): the desktop app loads the page from file://, where only the
 * fragment can change. Create it only after the token fragment has been taken off the URL.
 */
export function createAppRouter(): AppRouter {
  return createHashRouter([
    {
      path: '/',
      element: <AppLayout />,
      children: [
        { index: true, element: <Navigate to="/workflows" replace /> },
        { path: 'workflows', element: <WorkflowsPage /> },
        { path: 'workflows/:id', element: <WorkflowEditorPage /> },
        { path: 'numbers', element: <NumbersPage /> },
        { path: 'inbox', element: <InboxPage /> },
        { path: 'phone', element: <PhonePage /> },
        { path: 'analytics', element: <AnalyticsPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: '*', element: <Navigate to="/workflows" replace /> },
      ],
    },
  ]);
}
