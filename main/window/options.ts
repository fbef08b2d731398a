import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'Archive Reader';

/** The window's size on first run, and the smallest it may be made. */
export const WINDOW_SIZE = { width: 1200, height: 800, minWidth: 720, minHeight: 480 } as const;

/**
 * The app window's options. The renderer displays imported, untrusted HTML, so it gets no Node, no
 * access to the preload's world, a sandboxed process, and no way to embed other pages or extra
 * privileges; the only bridge to the archive is the preload's `window.archive`.
 */
export function windowOptions(options: {
  preloadPath: string;
  isPackaged: boolean;
  darkMode: boolean;
  /** Where to open (see placeWindow); the default size, centred, without it. */
  bounds?: { x?: number; y?: number; width: number; height: number };
}): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: WINDOW_SIZE.width,
    height: WINDOW_SIZE.height,
    ...options.bounds,
    minWidth: WINDOW_SIZE.minWidth,
    minHeight: WINDOW_SIZE.minHeight,
    // Shown on ready-to-show, over the theme's base colour, so the user never sees a mismatched flash.
    show: false,
    backgroundColor: options.darkMode ? '#1e1e1e' : '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !options.isPackaged,
    },
  };
}
