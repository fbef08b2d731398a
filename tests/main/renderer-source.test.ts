import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { isAppUrl } from '../../main/policy/navigation.ts';
import { rendererSource } from '../../main/window/renderer-source.ts';

const indexHtmlPath = '/opt/Archive Reader/resources/app.asar/out/renderer/index.html';

describe('rendererSource', () => {
  it('loads the built index.html in a packaged app, ignoring ELECTRON_RENDERER_URL', () => {
    const source = rendererSource({ isPackaged: true, devServerUrl: 'https://attacker.example/', indexHtmlPath });
    assert.equal(source.url, pathToFileURL(indexHtmlPath).href);
    assert.equal(source.devServerOrigin, null);
    assert.ok(isAppUrl(source.url, source.appOrigin));
    assert.ok(!isAppUrl('https://attacker.example/', source.appOrigin));
  });

  it('loads the built index.html in development when there is no dev server', () => {
    const source = rendererSource({ isPackaged: false, devServerUrl: undefined, indexHtmlPath });
    assert.equal(source.url, pathToFileURL(indexHtmlPath).href);
    assert.equal(source.devServerOrigin, null);
  });

  it('loads the dev server in development', () => {
    const source = rendererSource({ isPackaged: false, devServerUrl: 'http://localhost:5173', indexHtmlPath });
    assert.deepEqual(source, {
      url: 'http://localhost:5173/',
      appOrigin: 'http://localhost:5173/',
      devServerOrigin: 'http://localhost:5173',
    });
  });

  it('rejects a dev server URL that is not http(s)', () => {
    assert.throws(() => rendererSource({ isPackaged: false, devServerUrl: 'file:///tmp/index.html', indexHtmlPath }));
  });
});
