import { join } from 'node:path';
import { app, type BrowserWindow, type Tray } from 'electron';
import { startEngineHost, type EngineHost } from './engine-host.js';
import { bridgeRpc } from './ipc-bridge.js';
import { registerMediaScheme, serveMedia } from './media-protocol.js';
import { loadSecretKey } from './secret-key.js';
import { createTray } from './tray.js';
import { createMainWindow, hardenWebContents, secureSession } from './window.js';

/**
 * The desktop shell: one window, a tray icon, and the engine in a utility process. Kept thin on
 * purpose; everything testable lives in the engine and the renderer.
 */
let window: BrowserWindow | undefined;
let tray: Tray | undefined;
let engine: EngineHost | undefined;
let quitting = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    window?.show();
    window?.focus();
  });
  registerMediaScheme();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  // Quitting from the OS (logout, Cmd+Q) still stops the engine cleanly: un-REGISTER, close DB.
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    void quit();
  });
  app.whenReady().then(start, (error: unknown) => fail(error));
}

async function start(): Promise<void> {
  const appRoot = app.getAppPath();
  const userData = app.getPath('userData');
  secureSession();
  engine = await startEngineHost(join(appRoot, 'build', 'electron', 'engine', 'utility-entry.js'), {
    kind: 'init',
    dataDir: userData,
    migrationsDir: app.isPackaged
      ? join(process.resourcesPath, 'migrations')
      : join(appRoot, 'resources', 'migrations'),
    version: app.getVersion(),
    secretKey: loadSecretKey(userData),
  });
  serveMedia(engine);
  const main = createMainWindow(appRoot);
  window = main;
  bridgeRpc(main, engine);
  // Closing the window hides it: the engine keeps answering the line until Quit.
  main.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    main.hide();
  });
  tray = createTray(appRoot, main, () => void quit());
}

async function quit(): Promise<void> {
  quitting = true;
  tray?.destroy();
  await engine?.stop();
  app.quit();
}

function fail(error: unknown): void {
  console.error('Switchboard could not start:', error);
  app.exit(1);
}
