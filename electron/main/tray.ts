import { join } from 'node:path';
import { Menu, Tray, app, nativeImage, type BrowserWindow } from 'electron';
import { unreadFromTitle } from '../../shared/window-title.js';
import { trayToolTip } from './unread-badge.js';

/**
 * Tray icon with Show and Quit, so the line keeps being answered while the window is closed. Its
 * tooltip and the app badge follow the inbox's unread count in the window's title.
 */
export function createTray(appRoot: string, window: BrowserWindow, quit: () => void): Tray {
  const tray = new Tray(nativeImage.createFromPath(join(appRoot, 'resources', 'icons', 'tray.png')));
  const show = (): void => {
    window.show();
    window.focus();
  };
  tray.setToolTip(trayToolTip(0));
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Show Switchboard / 열기', click: show },
      { type: 'separator' },
      { label: 'Quit / 종료', click: quit },
    ]),
  );
  tray.on('click', show);
  // The default is kept, so the window's own title (taskbar, window list) shows the count too.
  window.on('page-title-updated', (_event, title) => {
    if (tray.isDestroyed()) return;
    const unread = unreadFromTitle(title);
    tray.setToolTip(trayToolTip(unread));
    // Dock (macOS) and LauncherEntry docks (Linux); Windows has no app badge.
    if (process.platform !== 'win32') app.setBadgeCount(unread);
  });
  return tray;
}
