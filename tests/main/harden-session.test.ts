import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../main/policy/content-security.ts';
import { hardenSession } from '../../main/window/harden-session.ts';
import type { RendererSource } from '../../main/window/renderer-source.ts';

type Listener = (details: Record<string, unknown>, callback: (response: Record<string, unknown>) => void) => void;

/** Records what hardenSession installs, so each installed handler can be called directly. */
function fakeSession() {
  const installed: Record<string, unknown> = {};
  const session = {
    setPermissionRequestHandler: (handler: unknown) => (installed.permissionRequest = handler),
    setPermissionCheckHandler: (handler: unknown) => (installed.permissionCheck = handler),
    setDevicePermissionHandler: (handler: unknown) => (installed.devicePermission = handler),
    webRequest: {
      onBeforeRequest: (listener: Listener) => (installed.beforeRequest = listener),
      onHeadersReceived: (listener: Listener) => (installed.headersReceived = listener),
    },
  };
  const answer = (name: string, details: Record<string, unknown>) => {
    let response: Record<string, unknown> | undefined;
    (installed[name] as Listener)(details, (r) => (response = r));
    return response;
  };
  return { session: session as unknown as Session, installed, answer };
}

const packaged: RendererSource = {
  url: 'app://archive-reader/index.html',
  appOrigin: 'app://archive-reader/',
  devServerOrigin: null,
};

describe('hardenSession', () => {
  it('installs handlers that refuse every permission and device', () => {
    const { session, installed } = fakeSession();
    hardenSession(session, packaged);
    const granted: boolean[] = [];
    (installed.permissionRequest as (w: unknown, p: string, cb: (g: boolean) => void) => void)({}, 'media', (g) =>
      granted.push(g),
    );
    assert.deepEqual(granted, [false]);
    assert.equal((installed.permissionCheck as () => boolean)(), false);
    assert.equal((installed.devicePermission as () => boolean)(), false);
  });

  it('cancels network requests and lets the app’s files load', () => {
    const { session, answer } = fakeSession();
    hardenSession(session, packaged);
    assert.deepEqual(answer('beforeRequest', { url: 'https://example.com/pixel.gif' }), { cancel: true });
    assert.deepEqual(answer('beforeRequest', { url: 'ws://localhost:5173/' }), { cancel: true });
    assert.deepEqual(answer('beforeRequest', { url: `${packaged.appOrigin}assets/index.js` }), { cancel: false });
    assert.deepEqual(answer('beforeRequest', { url: `${packaged.appOrigin}media/photo.jpg` }), { cancel: false });
  });

  it('cancels file: requests: the app’s files come from app://', () => {
    const { session, answer } = fakeSession();
    hardenSession(session, packaged);
    assert.deepEqual(answer('beforeRequest', { url: 'file:///etc/passwd' }), { cancel: true });
    assert.deepEqual(answer('beforeRequest', { url: 'file:///opt/archive-reader/out/renderer/index.html' }), {
      cancel: true,
    });
  });

  it('lets the dev server through in development', () => {
    const { session, answer } = fakeSession();
    hardenSession(session, {
      url: 'http://localhost:5173/',
      appOrigin: 'http://localhost:5173/',
      devServerOrigin: 'http://localhost:5173',
    });
    assert.deepEqual(answer('beforeRequest', { url: 'http://localhost:5173/@vite/client' }), { cancel: false });
    assert.deepEqual(answer('beforeRequest', { url: 'https://example.com/' }), { cancel: true });
  });

  it('adds the CSP header to the app’s pages only', () => {
    const { session, answer } = fakeSession();
    hardenSession(session, packaged);
    assert.deepEqual(
      answer('headersReceived', { url: packaged.url, responseHeaders: { 'Content-Type': ['text/html'] } }),
      {
        responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      },
    );
    assert.deepEqual(answer('headersReceived', { url: 'file:///etc/passwd', responseHeaders: {} }), {});
    // Media keeps the sandboxing policy the protocol handler gave it.
    assert.deepEqual(answer('headersReceived', { url: 'app://archive-reader/media/x.svg', responseHeaders: {} }), {});
  });
});
