import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRequestAllowed } from '../../main/policy/network.ts';

describe('isRequestAllowed', () => {
  it('refuses every http(s) and ws(s) request when there is no dev server', () => {
    for (const url of [
      'https://example.com/pixel.gif',
      'http://example.com/',
      'http://localhost:5173/',
      'http://127.0.0.1/',
      'http://[::1]/',
      'http://192.168.1.1/router',
      'wss://example.com/socket',
      'ws://localhost:8080/',
    ]) {
      assert.equal(isRequestAllowed(url, null), false, url);
    }
  });

  it('lets the app’s own scheme and local schemes through', () => {
    for (const url of [
      'app://archive-reader/index.html',
      'app://archive-reader/assets/index-abc.js',
      'app://archive-reader/media/photo.jpg',
      'data:image/png;base64,iVBORw0KGgo=',
      'blob:app://archive-reader/5f1c1f8e-0000-4000-8000-000000000000',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      assert.equal(isRequestAllowed(url, null), true, url);
    }
  });

  it('refuses file: (the app’s files come from app://) and app: on any other host', () => {
    for (const url of [
      'file:///opt/archive-reader/out/renderer/index.html',
      'file:///etc/passwd',
      'file:///C:/Windows/win.ini',
      'file://attacker.example/share/x.png',
      'app://attacker.example/x.png',
      'app://archive-reader.evil/x.png',
    ]) {
      assert.equal(isRequestAllowed(url, null), false, url);
      assert.equal(isRequestAllowed(url, 'http://localhost:5173'), false, url);
    }
  });

  it('allows only the dev server, and its hot-reload socket, in development', () => {
    const dev = 'http://localhost:5173';
    assert.equal(isRequestAllowed('http://localhost:5173/src/main.tsx', dev), true);
    assert.equal(isRequestAllowed('ws://localhost:5173/', dev), true);
    assert.equal(isRequestAllowed('wss://localhost:5173/', dev), false);
    assert.equal(isRequestAllowed('https://localhost:5173/', dev), false);
    assert.equal(isRequestAllowed('http://localhost:5174/', dev), false);
    assert.equal(isRequestAllowed('https://example.com/pixel.gif', dev), false);
    assert.equal(isRequestAllowed('https://localhost:5173/', 'https://localhost:5173'), true);
    assert.equal(isRequestAllowed('wss://localhost:5173/', 'https://localhost:5173'), true);
  });

  it('refuses what it cannot parse', () => {
    assert.equal(isRequestAllowed('not a url', null), false);
  });
});
