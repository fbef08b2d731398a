import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { app, BrowserWindow, dialog } from 'electron';
import { APP_NAME, defaultArchivePath, userDataFolder } from '../archive/paths.ts';
import { startArchiveHost, type ArchiveHost } from '../archive/service/host.ts';
import { registerArchiveIpc } from './ipc/register.ts';
import { createWindow } from './window/create-window.ts';
import { rendererSource } from './window/renderer-source.ts';

// A worker that does not finish closing within this long is abandoned: SQLite's journal keeps the
// archive consistent, and a stuck worker must not keep the app from quitting.
const HOST_CLOSE_TIMEOUT_MS = 5000;

// Before anything reads userData (the single-instance lock is keyed on it): Electron's data folder
// is then the very folder the CLI takes its default archive from, whatever package.json says.
app.setName(APP_NAME);
app.setPath('userData', userDataFolder());
app.enableSandbox();

const source = rendererSource({
  isPackaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  indexHtmlPath: join(import.meta.dirname, '../renderer/index.html'),
});

let host: ArchiveHost | undefined;
let unregisterIpc: (() => void) | undefined;

async function start(): Promise<void> {
  host = await startArchiveHost({
    archivePath: defaultArchivePath(),
    // The build bundles the worker beside main: out/main/archive-worker.js.
    workerUrl: new URL('./archive-worker.js', import.meta.url),
  });
  unregisterIpc = registerArchiveIpc(host, source.appOrigin);
  createWindow(source);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(source);
  });
}

// A second instance would open a second writer on the same archive; it hands over to the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', (event) => {
    const closing = host;
    if (!closing) return;
    event.preventDefault();
    host = undefined;
    unregisterIpc?.();
    void Promise.race([closing.close(), delay(HOST_CLOSE_TIMEOUT_MS)]).finally(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      dialog.showErrorBox(`${APP_NAME} could not open its archive`, `${defaultArchivePath()}\n\n${message}`);
      app.quit();
    });
}
