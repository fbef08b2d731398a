import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isAppPage, isAppUrl } from '../../main/policy/navigation.ts';
import { rendererSource } from '../../main/window/renderer-source.ts';

describe('rendererSource', () => {
  it('loads the built renderer from app:// in a packaged app, ignoring ELECTRON_RENDERER_URL', () => {
    const source = rendererSource({ isPackaged: true, devServerUrl: 'https://attacker.example/' });
    assert.deepEqual(source, {
      url: 'app://archive-reader/index.html',
      appOrigin: 'app://archive-reader/',
      devServerOrigin: null,
    });
    assert.ok(isAppPage(source.url, source.appOrigin));
    assert.ok(!isAppUrl('https://attacker.example/', source.appOrigin));
  });

  it('loads the built renderer from app:// in development when there is no dev server (npm start)', () => {
    const source = rendererSource({ isPackaged: false, devServerUrl: undefined });
    assert.equal(source.url, 'app://archive-reader/index.html');
    assert.equal(source.devServerOrigin, null);
    assert.equal(rendererSource({ isPackaged: false, devServerUrl: '' }).url, 'app://archive-reader/index.html');
  });

  it('never loads the renderer from file:', () => {
    for (const isPackaged of [true, false]) {
      const source = rendererSource({ isPackaged, devServerUrl: undefined });
      assert.ok(!isAppUrl('file:///opt/archive-reader/out/renderer/index.html', source.appOrigin));
    }
  });

  it('loads the dev server in development', () => {
    const source = rendererSource({ isPackaged: false, devServerUrl: 'http://localhost:5173' });
    assert.deepEqual(source, {
      url: 'http://localhost:5173/',
      appOrigin: 'http://localhost:5173/',
      devServerOrigin: 'http://localhost:5173',
    });
  });

  it('rejects a dev server URL that is not http(s)', () => {
    assert.throws(() => rendererSource({ isPackaged: false, devServerUrl: 'file:///tmp/index.html' }));
    assert.throws(() => rendererSource({ isPackaged: false, devServerUrl: 'app://archive-reader/' }));
  });
});
