import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WINDOW_TITLE, windowOptions } from '../../main/window/options.ts';

describe('window options', () => {
  const packaged = windowOptions({ preloadPath: '/app/out/preload/index.cjs', isPackaged: true, darkMode: false });
  const web = packaged.webPreferences ?? {};

  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    assert.equal(web.contextIsolation, true);
    assert.equal(web.sandbox, true);
    assert.equal(web.nodeIntegration, false);
    assert.equal(web.nodeIntegrationInWorker, false);
    assert.equal(web.nodeIntegrationInSubFrames, false);
  });

  it('turns off webviews, insecure content, experimental features and drag-and-drop navigation', () => {
    assert.equal(web.webviewTag, false);
    assert.equal(web.webSecurity, true);
    assert.equal(web.allowRunningInsecureContent, false);
    assert.equal(web.experimentalFeatures, false);
    assert.equal(web.navigateOnDragDrop, false);
    assert.equal(web.safeDialogs, true);
    assert.equal(web.spellcheck, false);
  });

  it('enables no Blink features and sets no extra arguments', () => {
    assert.equal(web.enableBlinkFeatures, undefined);
    assert.equal(web.additionalArguments, undefined);
  });

  it('offers devtools only when not packaged', () => {
    assert.equal(web.devTools, false);
    const dev = windowOptions({ preloadPath: '/p.cjs', isPackaged: false, darkMode: false });
    assert.equal(dev.webPreferences?.devTools, true);
  });

  it('loads the given CommonJS preload', () => {
    assert.equal(web.preload, '/app/out/preload/index.cjs');
  });

  it('has the app title, a minimum size, and waits for ready-to-show over the theme colour', () => {
    assert.equal(packaged.title, WINDOW_TITLE);
    assert.equal(WINDOW_TITLE, 'Archive Reader');
    assert.ok((packaged.minWidth ?? 0) >= 640 && (packaged.minHeight ?? 0) >= 400);
    assert.ok((packaged.width ?? 0) >= (packaged.minWidth ?? 0) && (packaged.height ?? 0) >= (packaged.minHeight ?? 0));
    assert.equal(packaged.show, false);
    const dark = windowOptions({ preloadPath: '/p.cjs', isPackaged: true, darkMode: true });
    assert.match(packaged.backgroundColor ?? '', /^#[0-9a-f]{6}$/i);
    assert.notEqual(dark.backgroundColor, packaged.backgroundColor);
  });
});
