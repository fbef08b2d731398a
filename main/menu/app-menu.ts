import type { MenuItemConstructorOptions } from 'electron';
import type { UiStrings } from '../i18n/strings.ts';

export interface MenuActions {
  importFiles(): void;
  importFolder(): void;
}

export interface MenuOptions {
  strings: UiStrings;
  /** Reload and developer tools are offered only when the app is not packaged. */
  isDev: boolean;
  platform: NodeJS.Platform;
  actions: MenuActions;
}

/**
 * The native application menu, in the UI language. Standard items use Electron's roles (so they
 * act on the focused window and get the platform's accelerators) with the strings' labels, since
 * a role's own label is English on Windows and Linux. On macOS the first menu is the app menu,
 * which holds About and Quit as the platform expects.
 */
export function applicationMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { strings: s, isDev, platform, actions } = options;
  const mac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { role: 'about', label: s.about };

  const fileMenu: MenuItemConstructorOptions = {
    label: s.file,
    submenu: [
      { id: 'import-files', label: s.importFiles, accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
      {
        id: 'import-folder',
        label: s.importFolder,
        accelerator: 'CmdOrCtrl+Shift+O',
        click: () => actions.importFolder(),
      },
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: s.quit } as const]),
    ],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: s.edit,
    submenu: [
      { role: 'undo', label: s.undo },
      { role: 'redo', label: s.redo },
      { type: 'separator' },
      { role: 'cut', label: s.cut },
      { role: 'copy', label: s.copy },
      { role: 'paste', label: s.paste },
      { role: 'selectAll', label: s.selectAll },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: s.view,
    submenu: [
      ...(isDev
        ? [
            { role: 'reload', label: s.reload } as const,
            { role: 'forceReload', label: s.forceReload } as const,
            { role: 'toggleDevTools', label: s.toggleDevTools } as const,
            { type: 'separator' } as const,
          ]
        : []),
      { role: 'zoomIn', label: s.zoomIn },
      { role: 'zoomOut', label: s.zoomOut },
      { role: 'resetZoom', label: s.resetZoom },
      { type: 'separator' },
      { role: 'togglefullscreen', label: s.toggleFullScreen },
    ],
  };
  const helpMenu: MenuItemConstructorOptions = { role: 'help', label: s.help, submenu: [about] };

  if (!mac) return [fileMenu, editMenu, viewMenu, helpMenu];
  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      about,
      { type: 'separator' },
      { role: 'services', label: s.services },
      { type: 'separator' },
      { role: 'hide', label: s.hide },
      { role: 'hideOthers', label: s.hideOthers },
      { role: 'unhide', label: s.showAll },
      { type: 'separator' },
      { role: 'quit', label: s.quit },
    ],
  };
  return [appMenu, fileMenu, editMenu, viewMenu, helpMenu];
}
