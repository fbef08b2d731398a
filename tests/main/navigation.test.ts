import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  appOriginOf,
  isAllowedExternalUrl,
  isAppPage,
  isAppUrl,
  navigationDecision,
} from '../../main/policy/navigation.ts';

const APP = appOriginOf('app://archive-reader/index.html');
const DEV_APP = appOriginOf('http://localhost:5173/');

const HOSTILE_URLS = [
  'file:///etc/passwd',
  'file:///C:/Windows/System32/calc.exe',
  'file://attacker.example/share/payload.exe',
  '\\\\attacker.example\\share\\payload.exe',
  '//attacker.example/share/payload.exe',
  'smb://attacker.example/share',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'ms-msdt:/id PCWDiagnostic /skip force',
  'ms-msdt:-id%20PCWDiagnostic',
  'search-ms:query=invoice&crumb=location:\\\\attacker.example\\share',
  'ms-officecmd:{"id":3}',
  'ms-settings:privacy',
  'blob:https://example.com/5f1c1f8e-0000-4000-8000-000000000000',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'chrome-extension://abcdefghijklmnop/page.html',
  'view-source:https://example.com/',
  'filesystem:https://example.com/temporary/x',
  'about:blank',
  'ftp://example.com/file',
  'ssh://example.com',
  'tel:+15555550100',
  'intent://scan/#Intent;scheme=zxing;end',
  'jar:file:///tmp/x.jar!/',
  'https://trusted.example@attacker.example/',
  'https://user:pass@example.com/',
  'https://example.com/\u0000',
  'https://example.com/a\nb',
  'https://exa mple.com/',
  'https://',
  'http:',
  'mailto:someone@example.com?attach=/etc/passwd',
  'mailto:someone@example.com?Attachment=~/.ssh/id_rsa',
  'not a url',
  '',
];

describe('appOriginOf', () => {
  it('names the app scheme’s origin and a dev server’s origin', () => {
    assert.equal(APP, 'app://archive-reader/');
    assert.equal(appOriginOf('app://archive-reader/'), 'app://archive-reader/');
    assert.equal(DEV_APP, 'http://localhost:5173/');
  });

  it('refuses to make a file: folder, or any other scheme or host, the app', () => {
    assert.throws(() => appOriginOf('file:///opt/Archive%20Reader/resources/app.asar/out/renderer/index.html'));
    assert.throws(() => appOriginOf('app://other-host/index.html'));
    assert.throws(() => appOriginOf('data:text/html,x'));
  });
});

describe('isAppUrl', () => {
  it('matches pages, assets and media of app://archive-reader', () => {
    assert.ok(isAppUrl('app://archive-reader/index.html', APP));
    assert.ok(isAppUrl('app://archive-reader/index.html#/article/3', APP));
    assert.ok(isAppUrl('app://archive-reader/assets/index.js', APP));
    assert.ok(isAppUrl('app://archive-reader/media/photo.jpg', APP));
  });

  it('refuses other hosts, credentials, other schemes and every file: URL', () => {
    assert.ok(!isAppUrl('app://attacker.example/index.html', APP));
    assert.ok(!isAppUrl('app://archive-reader.attacker.example/index.html', APP));
    assert.ok(!isAppUrl('app://user:pass@archive-reader/index.html', APP));
    assert.ok(!isAppUrl('apps://archive-reader/index.html', APP));
    assert.ok(!isAppUrl('https://archive-reader/index.html', APP));
    assert.ok(!isAppUrl('file:///etc/passwd', APP));
    assert.ok(!isAppUrl('file:///opt/Archive%20Reader/resources/app.asar/out/renderer/index.html', APP));
    assert.ok(!isAppUrl('https://example.com/index.html', APP));
  });

  it('matches the dev server by origin only', () => {
    assert.ok(isAppUrl('http://localhost:5173/src/main.tsx', DEV_APP));
    assert.ok(!isAppUrl('http://localhost:5174/', DEV_APP));
    assert.ok(!isAppUrl('https://localhost:5173/', DEV_APP));
    assert.ok(!isAppUrl('http://127.0.0.1:5173/', DEV_APP));
    assert.ok(!isAppUrl('file:///src/main.tsx', DEV_APP));
    assert.ok(!isAppUrl('app://archive-reader/index.html', DEV_APP));
  });

  it('refuses malformed input and origins that are not the app’s', () => {
    assert.ok(!isAppUrl('not a url', APP));
    assert.ok(!isAppUrl('app://archive-reader/x', 'not a url'));
    assert.ok(!isAppUrl('data:text/html,x', 'data:text/html,x'));
    assert.ok(!isAppUrl('file:///x/index.html', 'file:///x/'));
  });
});

describe('isAppPage', () => {
  it('is an app URL that is not stored media', () => {
    assert.ok(isAppPage('app://archive-reader/index.html', APP));
    assert.ok(isAppPage('app://archive-reader/', APP));
    assert.ok(isAppPage('http://localhost:5173/', DEV_APP));
    for (const url of [
      'app://archive-reader/media/a.svg',
      'app://archive-reader/media/dir/a.html',
      'app://archive-reader/%6dedia/a.svg',
      'app://archive-reader/media',
      'app://archive-reader/assets/../media/a.svg',
    ]) {
      assert.ok(!isAppPage(url, APP), url);
    }
  });
});

describe('isAllowedExternalUrl', () => {
  it('allows http, https and plain mailto links', () => {
    for (const url of [
      'https://example.com/a?b=c#d',
      'http://example.org',
      'HTTPS://EXAMPLE.COM/',
      'https://bücher.example/',
      'mailto:someone@example.com',
      'mailto:someone@example.com?subject=Hello&body=From%20the%20archive&cc=x@example.com',
    ]) {
      assert.ok(isAllowedExternalUrl(url), url);
    }
  });

  it(`refuses ${HOSTILE_URLS.length} hostile or malformed URLs`, () => {
    assert.ok(HOSTILE_URLS.length >= 15);
    for (const url of HOSTILE_URLS) assert.equal(isAllowedExternalUrl(url), false, JSON.stringify(url));
  });
});

describe('navigationDecision', () => {
  const main = { appOrigin: APP, isMainFrame: true };
  const sub = { appOrigin: APP, isMainFrame: false };

  it('allows the app’s own pages in any frame', () => {
    const page = `${APP}index.html#/search?q=solar`;
    assert.equal(navigationDecision(page, main), 'allow');
    assert.equal(navigationDecision(page, sub), 'allow');
    assert.equal(navigationDecision('http://localhost:5173/', { appOrigin: DEV_APP, isMainFrame: true }), 'allow');
  });

  it('never loads stored media, or the renderer’s files from file:, as a document', () => {
    for (const url of [
      'app://archive-reader/media/evil.svg',
      'app://archive-reader/%6dedia/evil.html',
      'file:///opt/Archive%20Reader/resources/app.asar/out/renderer/index.html',
    ]) {
      assert.equal(navigationDecision(url, main), 'deny', url);
      assert.equal(navigationDecision(url, sub), 'deny', url);
    }
  });

  it('sends allowed links to the browser instead of loading them', () => {
    assert.equal(navigationDecision('https://example.com/story', main), 'open-external');
    assert.equal(navigationDecision('https://example.com/story', sub), 'open-external');
    assert.equal(navigationDecision('mailto:someone@example.com', main), 'open-external');
  });

  it('allows inline frames only as subframes', () => {
    assert.equal(navigationDecision('about:srcdoc', sub), 'allow');
    assert.equal(navigationDecision('about:blank', sub), 'allow');
    assert.equal(navigationDecision('about:srcdoc', main), 'deny');
    assert.equal(navigationDecision('about:blank', main), 'deny');
  });

  it('denies everything else, in either frame', () => {
    for (const url of [...HOSTILE_URLS.filter((u) => u !== 'about:blank'), 'app://attacker.example/index.html']) {
      assert.equal(navigationDecision(url, main), 'deny', JSON.stringify(url));
      assert.equal(navigationDecision(url, sub), 'deny', JSON.stringify(url));
    }
    // Outside development the dev server is just another web address: never loaded in the app.
    assert.equal(navigationDecision('http://localhost:5173/', main), 'open-external');
  });
});
