import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import { TRANSLATIONS } from '../helpers/locales.ts';
import { applicationMenuTemplate, type MenuOptions } from '../../main/menu/app-menu.ts';

function template(overrides: Partial<MenuOptions> = {}) {
  const calls: string[] = [];
  const menu = applicationMenuTemplate({
    strings: TRANSLATIONS.en,
    isDev: false,
    platform: 'linux',
    actions: { importFiles: () => calls.push('files'), importFolder: () => calls.push('folder') },
    ...overrides,
  });
  return { menu, calls };
}

const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const roles = (item: MenuItemConstructorOptions | undefined) =>
  submenu(item).map((entry) => entry.role ?? entry.type ?? entry.id);
/** Every item with a label, at any depth. */
function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...allItems(submenu(item))]);
}
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('applicationMenuTemplate', () => {
  it('has File, Edit, View and Help on Windows and Linux', () => {
    for (const platform of ['linux', 'win32'] as const) {
      const { menu } = template({ platform });
      assert.deepEqual(
        menu.map((item) => item.label),
        ['File', 'Edit', 'View', 'Help'],
      );
    }
  });

  it('offers the two imports and Quit in File, calling the actions', () => {
    const { menu, calls } = template();
    const file = submenu(menu[0]);
    assert.deepEqual(roles(menu[0]), ['import-files', 'import-folder', 'separator', 'quit']);
    assert.equal(file[0]?.label, 'Import Files…');
    assert.equal(file[1]?.label, 'Import Folder…');
    assert.equal(file[0]?.accelerator, 'CmdOrCtrl+O');
    click(file[0]);
    click(file[1]);
    assert.deepEqual(calls, ['files', 'folder']);
  });

  it('gives Edit the standard roles', () => {
    assert.deepEqual(roles(template().menu[1]), ['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers zoom and full screen in View, and reload and devtools only in development', () => {
    assert.deepEqual(roles(template().menu[2]), ['zoomIn', 'zoomOut', 'resetZoom', 'separator', 'togglefullscreen']);
    assert.deepEqual(roles(template({ isDev: true }).menu[2]), [
      'reload',
      'forceReload',
      'toggleDevTools',
      'separator',
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'separator',
      'togglefullscreen',
    ]);
    const packagedRoles = allItems(template().menu).map((item) => item.role);
    for (const role of ['reload', 'forceReload', 'toggleDevTools'] as const) assert.ok(!packagedRoles.includes(role));
  });

  it('has About in Help', () => {
    assert.deepEqual(roles(template().menu[3]), ['about']);
    assert.equal(submenu(template().menu[3])[0]?.label, 'About Archive Reader');
  });

  it('puts About and Quit in the app menu on macOS, as the platform expects', () => {
    const { menu } = template({ platform: 'darwin' });
    assert.equal(menu[0]?.role, 'appMenu');
    assert.deepEqual(roles(menu[0]), [
      'about',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    assert.deepEqual(roles(menu[1]), ['import-files', 'import-folder']);
    assert.deepEqual(
      menu.slice(1).map((item) => item.label),
      ['File', 'Edit', 'View', 'Help'],
    );
  });

  it('labels every item in the UI language', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      for (const language of ['en', 'fr'] as const) {
        const strings = TRANSLATIONS[language];
        const { menu } = template({ strings, platform, isDev: true });
        const labels = new Set<string>(Object.values(strings));
        for (const item of allItems(menu)) {
          if (item.type === 'separator' || item.role === 'appMenu') continue;
          assert.ok(item.label && labels.has(item.label), `${language} ${platform} ${item.role ?? item.id}`);
        }
      }
    }
    const french = template({ strings: TRANSLATIONS.fr }).menu;
    assert.deepEqual(
      french.map((item) => item.label),
      ['Fichier', 'Édition', 'Affichage', 'Aide'],
    );
  });
});
