import { join } from 'node:path';
import { app, BrowserWindow, nativeTheme, screen } from 'electron';
import type { UiStrings } from '../i18n/strings.ts';
import { navigationDecision } from '../policy/navigation.ts';
import { hardenSession } from './harden-session.ts';
import { confirmAndOpenExternal } from './open-external.ts';
import { WINDOW_SIZE, windowOptions } from './options.ts';
import type { RendererSource } from './renderer-source.ts';
import { readWindowStateFile, writeWindowStateFile } from './window-state-file.ts';
import { parseWindowState, placeWindow, type Rect } from './window-state.ts';

export interface WindowContext {
  source: RendererSource;
  strings: UiStrings;
  /** Where the window's size and position are remembered. */
  stateFile: string;
}

/** The displays' work areas, the primary display's first. */
function workAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map(
    (display) => display.workArea,
  );
}

/**
 * The app's window factory, and the only place a BrowserWindow is made, so every window gets the
 * same options, session policies and navigation guards. It opens where the last one was closed,
 * when that is still on a screen.
 */
export function createWindow({ source, strings, stateFile }: WindowContext): BrowserWindow {
  const placement = placeWindow(parseWindowState(readWindowStateFile(stateFile)), workAreas(), WINDOW_SIZE);
  const window = new BrowserWindow(
    windowOptions({
      // The preload is bundled beside main: out/preload/index.cjs next to out/main/index.js.
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      isPackaged: app.isPackaged,
      darkMode: nativeTheme.shouldUseDarkColors,
      bounds: placement.bounds,
    }),
  );
  if (placement.maximized) window.maximize();
  if (placement.fullScreen) window.setFullScreen(true);
  window.on('close', () => {
    writeWindowStateFile(stateFile, {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
      fullScreen: window.isFullScreen(),
    });
  });

  const { webContents } = window;
  hardenSession(webContents.session, source);

  const guard = (url: string, isMainFrame: boolean, prevent: () => void) => {
    const decision = navigationDecision(url, { appOrigin: source.appOrigin, isMainFrame });
    if (decision === 'allow') return;
    prevent();
    if (decision === 'open-external') void confirmAndOpenExternal(window, url, strings);
  };
  webContents.on('will-navigate', (event) => guard(event.url, true, () => event.preventDefault()));
  // will-frame-navigate also fires for the main frame, which will-navigate has already judged.
  webContents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) guard(event.url, false, () => event.preventDefault());
  });
  // The app never opens windows of its own: one made here would skip this factory's guards.
  webContents.setWindowOpenHandler(({ url }) => {
    if (navigationDecision(url, { appOrigin: source.appOrigin, isMainFrame: true }) === 'open-external') {
      void confirmAndOpenExternal(window, url, strings);
    }
    return { action: 'deny' };
  });

  window.once('ready-to-show', () => window.show());
  window.loadURL(source.url).catch((error: unknown) => {
    console.error(`Could not load ${source.url}:`, error);
  });
  return window;
}
