import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appOriginOf, isAllowedExternalUrl, isAppUrl, navigationDecision } from '../../main/policy/navigation.ts';

const FILE_APP = appOriginOf('file:///opt/Archive%20Reader/resources/app.asar/out/renderer/index.html');
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

describe('isAppUrl', () => {
  it('matches pages and assets under the built renderer folder', () => {
    assert.equal(FILE_APP, 'file:///opt/Archive%20Reader/resources/app.asar/out/renderer/');
    assert.ok(isAppUrl('file:///opt/Archive%20Reader/resources/app.asar/out/renderer/index.html', FILE_APP));
    assert.ok(isAppUrl('file:///opt/Archive%20Reader/resources/app.asar/out/renderer/index.html#/article/3', FILE_APP));
    assert.ok(isAppUrl('file:///opt/Archive%20Reader/resources/app.asar/out/renderer/assets/index.js', FILE_APP));
  });

  it('refuses other files, sibling folders, dot-segment escapes and UNC hosts', () => {
    assert.ok(!isAppUrl('file:///etc/passwd', FILE_APP));
    assert.ok(!isAppUrl('file:///opt/Archive%20Reader/resources/app.asar/out/renderer-evil/index.html', FILE_APP));
    assert.ok(!isAppUrl('file:///opt/Archive%20Reader/resources/app.asar/out/renderer/../main/index.js', FILE_APP));
    assert.ok(!isAppUrl('file:///opt/Archive%20Reader/resources/app.asar/out/renderer/%2e%2e/main/index.js', FILE_APP));
    assert.ok(
      !isAppUrl('file://attacker.example/opt/Archive%20Reader/resources/app.asar/out/renderer/index.html', FILE_APP),
    );
    assert.ok(!isAppUrl('https://example.com/index.html', FILE_APP));
  });

  it('matches the dev server by origin only', () => {
    assert.equal(DEV_APP, 'http://localhost:5173/');
    assert.ok(isAppUrl('http://localhost:5173/src/main.tsx', DEV_APP));
    assert.ok(!isAppUrl('http://localhost:5174/', DEV_APP));
    assert.ok(!isAppUrl('https://localhost:5173/', DEV_APP));
    assert.ok(!isAppUrl('http://127.0.0.1:5173/', DEV_APP));
    assert.ok(!isAppUrl('file:///src/main.tsx', DEV_APP));
  });

  it('refuses malformed input and non-web app origins', () => {
    assert.ok(!isAppUrl('not a url', FILE_APP));
    assert.ok(!isAppUrl('file:///x', 'not a url'));
    assert.ok(!isAppUrl('data:text/html,x', 'data:text/html,x'));
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
  const main = { appOrigin: FILE_APP, isMainFrame: true };
  const sub = { appOrigin: FILE_APP, isMainFrame: false };

  it('allows the app’s own pages in any frame', () => {
    const page = `${FILE_APP}index.html#/search?q=solar`;
    assert.equal(navigationDecision(page, main), 'allow');
    assert.equal(navigationDecision(page, sub), 'allow');
    assert.equal(navigationDecision('http://localhost:5173/', { appOrigin: DEV_APP, isMainFrame: true }), 'allow');
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
    for (const url of HOSTILE_URLS.filter((u) => u !== 'about:blank')) {
      assert.equal(navigationDecision(url, main), 'deny', JSON.stringify(url));
      assert.equal(navigationDecision(url, sub), 'deny', JSON.stringify(url));
    }
    // Outside development the dev server is just another web address: never loaded in the app.
    assert.equal(navigationDecision('http://localhost:5173/', main), 'open-external');
  });
});
