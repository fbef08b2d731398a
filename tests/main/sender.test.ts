import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTrustedSender } from '../../main/ipc/sender.ts';
import { appOriginOf } from '../../main/policy/navigation.ts';

const APP = appOriginOf('file:///opt/archive-reader/out/renderer/index.html');
const topFrame = (url: string) => ({ url, parent: null });

describe('isTrustedSender', () => {
  it('accepts the top frame of an app page', () => {
    assert.ok(isTrustedSender(topFrame('file:///opt/archive-reader/out/renderer/index.html'), APP));
    assert.ok(isTrustedSender(topFrame('file:///opt/archive-reader/out/renderer/index.html#/article/7'), APP));
    const dev = appOriginOf('http://localhost:5173/');
    assert.ok(isTrustedSender(topFrame('http://localhost:5173/'), dev));
  });

  it('refuses a subframe, even one showing an app page', () => {
    const parent = topFrame('file:///opt/archive-reader/out/renderer/index.html');
    assert.ok(!isTrustedSender({ url: 'file:///opt/archive-reader/out/renderer/index.html', parent }, APP));
    assert.ok(!isTrustedSender({ url: 'about:srcdoc', parent }, APP));
  });

  it('refuses a top frame from another origin', () => {
    assert.ok(!isTrustedSender(topFrame('https://attacker.example/'), APP));
    assert.ok(!isTrustedSender(topFrame('http://localhost:5174/'), appOriginOf('http://localhost:5173/')));
  });

  it('refuses a file: page from elsewhere on disk', () => {
    assert.ok(!isTrustedSender(topFrame('file:///home/user/Downloads/article.html'), APP));
    assert.ok(!isTrustedSender(topFrame('file:///opt/archive-reader/out/renderer-copy/index.html'), APP));
    assert.ok(!isTrustedSender(topFrame('file://attacker.example/opt/archive-reader/out/renderer/index.html'), APP));
  });

  it('refuses a frame that has gone, and URLs that are not pages', () => {
    assert.ok(!isTrustedSender(null, APP));
    assert.ok(!isTrustedSender(topFrame(''), APP));
    assert.ok(!isTrustedSender(topFrame('about:blank'), APP));
    assert.ok(!isTrustedSender(topFrame('devtools://devtools/bundled/inspector.html'), APP));
  });
});
