import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTrustedSender } from '../../main/ipc/sender.ts';
import { appOriginOf } from '../../main/policy/navigation.ts';

const APP = appOriginOf('app://archive-reader/index.html');
const DEV = appOriginOf('http://localhost:5173/');
const topFrame = (url: string) => ({ url, parent: null });

describe('isTrustedSender', () => {
  it('accepts the top frame of an app page', () => {
    assert.ok(isTrustedSender(topFrame('app://archive-reader/index.html'), APP));
    assert.ok(isTrustedSender(topFrame('app://archive-reader/index.html#/article/7'), APP));
    assert.ok(isTrustedSender(topFrame('app://archive-reader/'), APP));
    assert.ok(isTrustedSender(topFrame('http://localhost:5173/'), DEV));
  });

  it('refuses a subframe, even one showing an app page', () => {
    const parent = topFrame('app://archive-reader/index.html');
    assert.ok(!isTrustedSender({ url: 'app://archive-reader/index.html', parent }, APP));
    assert.ok(!isTrustedSender({ url: 'about:srcdoc', parent }, APP));
  });

  it('refuses stored media shown as a page, however its path is spelled', () => {
    for (const url of [
      'app://archive-reader/media/evil.svg',
      'app://archive-reader/media/sub/evil.html',
      'app://archive-reader/%6dedia/evil.svg',
      'app://archive-reader/%6D%65%64%69%61/evil.svg',
    ]) {
      assert.ok(!isTrustedSender(topFrame(url), APP), url);
    }
  });

  it('refuses a top frame from another origin or host', () => {
    assert.ok(!isTrustedSender(topFrame('https://attacker.example/'), APP));
    assert.ok(!isTrustedSender(topFrame('app://attacker/index.html'), APP));
    assert.ok(!isTrustedSender(topFrame('app://user@archive-reader/index.html'), APP));
    assert.ok(!isTrustedSender(topFrame('app://archive-reader.evil/index.html'), APP));
    assert.ok(!isTrustedSender(topFrame('http://localhost:5174/'), DEV));
    assert.ok(!isTrustedSender(topFrame('app://archive-reader/index.html'), DEV));
  });

  it('refuses every file: page, the renderer’s own files included', () => {
    assert.ok(!isTrustedSender(topFrame('file:///home/user/Downloads/article.html'), APP));
    assert.ok(!isTrustedSender(topFrame('file:///opt/archive-reader/out/renderer/index.html'), APP));
  });

  it('refuses a frame that has gone, and URLs that are not pages', () => {
    assert.ok(!isTrustedSender(null, APP));
    assert.ok(!isTrustedSender(topFrame(''), APP));
    assert.ok(!isTrustedSender(topFrame('about:blank'), APP));
    assert.ok(!isTrustedSender(topFrame('devtools://devtools/bundled/inspector.html'), APP));
  });
});
