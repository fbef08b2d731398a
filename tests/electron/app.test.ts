import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import type { ArchiveBridge } from '../../archive/api/bridge.ts';
import { METHOD_NAMES } from '../../archive/api/methods.ts';
import { parseLoopDelayLine } from '../../main/diagnostics/loop-delay.ts';
import type { ArchiveChange, ArchiveEvents } from '../../preload/desktop-api.ts';
import { ROOT, fixture, tempDir } from '../helpers/temp.ts';

/**
 * The desktop app itself, end to end: the built app (out/main/index.js) in a real Electron, driven
 * by Playwright. It runs only where an Electron binary is installed; elsewhere (this project's
 * offline CI, where the binary cannot be downloaded) it is skipped, and says so and why.
 */

const MAIN_JS = join(ROOT, 'out', 'main', 'index.js');
const BAMAKO_TITLE = 'À Bamako, le festival des musiques du fleuve rassemble des artistes de toute la région';

/** The page's globals as the preload defines them. */
type DesktopWindow = Window & {
  archive: ArchiveBridge;
  archiveEvents: ArchiveEvents;
  changes?: ArchiveChange[];
};

/**
 * The Electron binary to run, or why there is none. `require('electron')` is not called: when its
 * binary is missing it starts downloading it, so its path is worked out the way it would be
 * (node_modules/electron/path.txt, then dist/), without that side effect.
 */
function findElectron(): { path: string } | { skip: string } {
  const fromEnv = process.env.ELECTRON_PATH;
  if (fromEnv) return existsSync(fromEnv) ? { path: fromEnv } : { skip: `ELECTRON_PATH=${fromEnv} does not exist` };
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { skip: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      skip: `no Electron binary (${pathFile} is missing: installed offline or with ELECTRON_SKIP_BINARY_DOWNLOAD=1); set ELECTRON_PATH to run them`,
    };
  }
  const binary = join(
    process.env.ELECTRON_OVERRIDE_DIST_PATH || join(packageDir, 'dist'),
    readFileSync(pathFile, 'utf8').trim(),
  );
  return existsSync(binary) ? { path: binary } : { skip: `no Electron binary at ${binary}` };
}

function skipReason(): string | null {
  const electron = findElectron();
  if ('skip' in electron) return electron.skip;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display: run under xvfb-run (or set DISPLAY) to launch Electron on Linux';
  }
  return null;
}

const electron = findElectron();
const reason = skipReason();
if (reason) console.log(`Electron end-to-end tests skipped: ${reason}`);

/** The environment the app runs in: a temp archive and data folder, loop stats on, no dev server. */
function appEnvironment(archive: string, dataHome: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'ELECTRON_RENDERER_URL' && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
  }
  return {
    ...env,
    ARCHIVE_READER_ARCHIVE: archive,
    ARCHIVE_READER_LOOP_STATS: '1',
    // userData (and so the single-instance lock and the window state) in a temp folder too.
    XDG_CONFIG_HOME: dataHome,
    APPDATA: dataHome,
    HOME: dataHome,
  };
}

/** Whether an <img> in the page can load `src` (works without fetch() support on the scheme). */
function imageLoads(page: Page, src: string): Promise<boolean> {
  return page.evaluate(
    (url) =>
      new Promise<boolean>((resolve) => {
        const image = new Image();
        image.onload = () => resolve(true);
        image.onerror = () => resolve(false);
        image.src = url;
      }),
    src,
  );
}

// Skipped test by test, so the run's totals count them as skipped.
const skip = reason ?? false;

describe('the desktop app (Electron)', () => {
  let app: ElectronApplication;
  let page: Page;
  let output = '';
  let closed = false;
  const dataHome = tempDir('archive-reader-electron-');

  before(async () => {
    // Hooks run even when every test is skipped.
    if (reason || 'skip' in electron) return;
    assert.ok(existsSync(MAIN_JS), `${MAIN_JS} is missing: run npm run build first`);
    app = await _electron.launch({
      executablePath: electron.path,
      args: [MAIN_JS],
      cwd: ROOT,
      env: appEnvironment(join(dataHome, 'archive.sqlite'), dataHome),
      timeout: 60_000,
    });
    app.process().stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  after(async () => {
    if (app && !closed) await app.close();
  });

  it('serves the UI from app://archive-reader/', { skip }, () => {
    assert.match(page.url(), /^app:\/\/archive-reader\//);
  });

  it('gives the page no Node and exactly the contract’s methods on window.archive', { skip }, async () => {
    assert.deepEqual(await page.evaluate(() => [typeof require, typeof process]), ['undefined', 'undefined']);
    const keys = await page.evaluate(() => Object.keys((window as unknown as DesktopWindow).archive).sort());
    assert.deepEqual(keys, [...METHOD_NAMES].sort());
  });

  it('imports a file through window.archive and tells window.archiveEvents', { skip }, async () => {
    await page.evaluate(() => {
      const desktop = window as unknown as DesktopWindow;
      desktop.changes = [];
      desktop.archiveEvents.onChanged((change) => desktop.changes?.push(change));
    });
    const envelope = await page.evaluate(
      (path) => (window as unknown as DesktopWindow).archive.importPaths({ paths: [path] }),
      fixture('bamako-festival.txt'),
    );
    assert.equal(envelope.ok, true, JSON.stringify(envelope));
    assert.equal(envelope.ok && envelope.value.imported, 1);
    await page.waitForFunction(() => ((window as unknown as DesktopWindow).changes ?? []).length > 0);
    assert.deepEqual(await page.evaluate(() => (window as unknown as DesktopWindow).changes), [
      { reason: 'import', imported: 1 },
    ]);
  });

  it('finds the article from "cooperation" in the UI and opens it', { skip }, async () => {
    await page.getByTestId('search-input').fill('cooperation');
    await page.getByTestId('search-input').press('Enter');
    const result = page.getByTestId('result-item').filter({ hasText: 'À Bamako' });
    await result.first().waitFor();
    await result.getByRole('link').first().click();
    await page.getByTestId('reader-title').waitFor();
    assert.equal(await page.getByTestId('reader-title').innerText(), BAMAKO_TITLE);
  });

  it('loads the app’s own files over app:// and refuses traversal and missing media', { skip }, async () => {
    assert.equal(await imageLoads(page, 'app://archive-reader/favicon.svg'), true);
    assert.equal(await imageLoads(page, 'app://archive-reader/media/%2e%2e/archive.sqlite'), false);
    assert.equal(await imageLoads(page, 'app://archive-reader/media/missing.png'), false);
    assert.equal(await imageLoads(page, 'file:///etc/passwd'), false);
  });

  it('reports the main process’s event-loop delay at quit, and remembers the window', { skip }, async (t) => {
    closed = true;
    await app.close();
    const stats = parseLoopDelayLine(output);
    assert.ok(stats, `no loop-delay line in the app's output:\n${output}`);
    assert.ok(stats.samples > 0 && Number.isFinite(stats.p99Ms));
    t.diagnostic(`main event loop delay: p99 ${stats.p99Ms} ms, max ${stats.maxMs} ms over ${stats.samples} samples`);
    assert.ok(existsSync(join(dataHome, 'Archive Reader', 'window-state.json')) || process.platform === 'darwin');
  });
});
