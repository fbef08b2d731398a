import { join } from 'node:path';
import { app, BrowserWindow, nativeTheme } from 'electron';
import { navigationDecision } from '../policy/navigation.ts';
import { hardenSession } from './harden-session.ts';
import { confirmAndOpenExternal } from './open-external.ts';
import { windowOptions } from './options.ts';
import type { RendererSource } from './renderer-source.ts';

/**
 * The app's window factory, and the only place a BrowserWindow is made, so every window gets the
 * same options, session policies and navigation guards.
 */
export function createWindow(source: RendererSource): BrowserWindow {
  const window = new BrowserWindow(
    windowOptions({
      // The preload is bundled beside main: out/preload/index.cjs next to out/main/index.js.
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      isPackaged: app.isPackaged,
      darkMode: nativeTheme.shouldUseDarkColors,
    }),
  );
  const { webContents } = window;
  hardenSession(webContents.session, source);

  const guard = (url: string, isMainFrame: boolean, prevent: () => void) => {
    const decision = navigationDecision(url, { appOrigin: source.appOrigin, isMainFrame });
    if (decision === 'allow') return;
    prevent();
    if (decision === 'open-external') void confirmAndOpenExternal(window, url);
  };
  webContents.on('will-navigate', (event) => guard(event.url, true, () => event.preventDefault()));
  // will-frame-navigate also fires for the main frame, which will-navigate has already judged.
  webContents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) guard(event.url, false, () => event.preventDefault());
  });
  // The app never opens windows of its own: one made here would skip this factory's guards.
  webContents.setWindowOpenHandler(({ url }) => {
    if (navigationDecision(url, { appOrigin: source.appOrigin, isMainFrame: true }) === 'open-external') {
      void confirmAndOpenExternal(window, url);
    }
    return { action: 'deny' };
  });

  window.once('ready-to-show', () => window.show());
  window.loadURL(source.url).catch((error: unknown) => {
    console.error(`Could not load ${source.url}:`, error);
  });
  return window;
}
