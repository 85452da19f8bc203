import { Outlet } from 'react-router';
import { PhoneHost } from '../features/phone/phone-host.js';
import { SideNav } from '../ui/side-nav.js';
import { StatusBar } from '../ui/status-bar.js';
import { TopBar } from '../ui/top-bar.js';

/** Top bar, left navigation, the page, and the status bar (the page's contentinfo). */
export function AppLayout() {
  return (
    <div className="app">
      <TopBar />
      <div className="app-body">
        <SideNav />
        <main className="content">
          <PhoneHost />
          <Outlet />
        </main>
      </div>
      <StatusBar />
    </div>
  );
}
