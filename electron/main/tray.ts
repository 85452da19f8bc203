import { join } from 'node:path';
import { Menu, Tray, nativeImage, type BrowserWindow } from 'electron';

/** Tray icon with Show and Quit, so the line keeps being answered while the window is closed. */
export function createTray(appRoot: string, window: BrowserWindow, quit: () => void): Tray {
  const tray = new Tray(nativeImage.createFromPath(join(appRoot, 'resources', 'icons', 'tray.png')));
  const show = (): void => {
    window.show();
    window.focus();
  };
  tray.setToolTip('Switchboard');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Show Switchboard / 열기', click: show },
      { type: 'separator' },
      { label: 'Quit / 종료', click: quit },
    ]),
  );
  tray.on('click', show);
  return tray;
}
