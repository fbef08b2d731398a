import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, it } from 'node:test';
import { CONTENT_SECURITY_POLICY } from '../../main/policy/content-security.ts';
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  isInside,
  mediaFolderBeside,
  parseAppPath,
  resolveAppPath,
} from '../../main/protocol/app-url.ts';
import {
  MEDIA_CONTENT_SECURITY_POLICY,
  confineToRoot,
  isAllowedInitiator,
  serveAppRequest,
} from '../../main/protocol/serve-app-file.ts';
import { tempDir } from '../helpers/temp.ts';

const ROOTS = { renderer: '/opt/archive-reader/out/renderer', media: '/home/u/.config/Archive Reader/media' };

// Every way a URL might try to leave the renderer or media folder, or name something that is not a
// plain file in it. Each must resolve to nothing at all: not to a path, not even to one inside a root.
const TRAVERSALS = [
  'app://archive-reader/../../etc/passwd',
  'app://archive-reader/assets/../../../etc/passwd',
  'app://archive-reader/media/../../archive.sqlite',
  'app://archive-reader/media/../index.html',
  'app://archive-reader/%2e%2e/%2e%2e/etc/passwd',
  'app://archive-reader/%2E%2E/%2E%2E/etc/passwd',
  'app://archive-reader/.%2e/etc/passwd',
  'app://archive-reader/%2e./etc/passwd',
  'app://archive-reader/media/%2e%2e/archive.sqlite',
  'app://archive-reader/%252e%252e/%252e%252e/etc/passwd',
  'app://archive-reader/media/%252e%252e%252farchive.sqlite',
  'app://archive-reader/%25252e%25252e/etc/passwd',
  'app://archive-reader/..%2f..%2fetc%2fpasswd',
  'app://archive-reader/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'app://archive-reader/assets%2f..%2f..%2fetc%2fpasswd',
  'app://archive-reader/..\\..\\etc\\passwd',
  'app://archive-reader/assets\\..\\..\\windows\\win.ini',
  'app://archive-reader/..%5c..%5cwindows%5cwin.ini',
  'app://archive-reader/%5c%5cattacker.example%5cshare%5cx.png',
  'app://archive-reader/media/..%5Carchive.sqlite',
  'app://archive-reader/index.html%00.png',
  'app://archive-reader/media/photo.jpg%00',
  'app://archive-reader/%00/etc/passwd',
  'app://archive-reader//etc/passwd',
  'app://archive-reader/%2fetc%2fpasswd',
  'app://archive-reader/media//etc/passwd',
  'app://archive-reader/C:/Windows/win.ini',
  'app://archive-reader/c:%5cwindows%5cwin.ini',
  'app://archive-reader/media/C%3a/Windows/win.ini',
  'app://archive-reader/media/photo.jpg:Zone.Identifier',
  'app://archive-reader///attacker.example/share/x.png',
  'app://archive-reader/%5c%5c?%5cC:%5cWindows%5cwin.ini',
  'app://archive-reader/%c0%ae%c0%ae/etc/passwd',
  'app://archive-reader/%e0%80%ae%e0%80%ae/etc/passwd',
  'app://archive-reader/%u002e%u002e/etc/passwd',
  'app://archive-reader/%ef%bc%8e%ef%bc%8e/etc/passwd',
  'app://archive-reader/\uff0e\uff0e/etc/passwd',
  'app://archive-reader/%e2%80%a4%e2%80%a4/etc/passwd',
  'app://archive-reader/assets/...',
  'app://archive-reader/assets/.. /x',
  'app://archive-reader/media/./photo.jpg',
  'app://archive-reader/.git/config',
  'app://archive-reader/media/CON',
  'app://archive-reader/media/nul.jpg',
  'app://archive-reader/index.html.',
  'app://archive-reader/assets/',
  'app://archive-reader/media',
  'app://archive-reader/media/',
  'app://ARCHIVE-READER/index.html',
  'APP://archive-reader/index.html',
  'app://attacker.example/index.html',
  'app://archive-reader.attacker.example/index.html',
  'app://user@archive-reader/index.html',
  'app://archive-reader:8080/index.html',
  'app:archive-reader/index.html',
  'app:///etc/passwd',
  'file:///etc/passwd',
  'https://archive-reader/index.html',
  `app://archive-reader/${'a/'.repeat(1100)}x`,
  '',
];

describe('resolveAppPath', () => {
  it('maps the app’s pages and assets into the renderer folder', () => {
    assert.deepEqual(resolveAppPath(APP_INDEX_URL, ROOTS), {
      kind: 'renderer',
      root: ROOTS.renderer,
      path: join(ROOTS.renderer, 'index.html'),
    });
    assert.equal(resolveAppPath('app://archive-reader/', ROOTS)?.path, join(ROOTS.renderer, 'index.html'));
    assert.equal(resolveAppPath('app://archive-reader', ROOTS)?.path, join(ROOTS.renderer, 'index.html'));
    assert.equal(
      resolveAppPath('app://archive-reader/assets/index-Dz1Y9qjE.js?v=1#x', ROOTS)?.path,
      join(ROOTS.renderer, 'assets', 'index-Dz1Y9qjE.js'),
    );
    assert.equal(
      resolveAppPath('app://archive-reader/index.html#/article/3?from=../../x', ROOTS)?.path,
      join(ROOTS.renderer, 'index.html'),
    );
  });

  it('maps /media/… into the media folder, decoding each name once', () => {
    assert.deepEqual(resolveAppPath('app://archive-reader/media/ab/photo%20d%C3%A9t%C3%A9.jpg', ROOTS), {
      kind: 'media',
      root: ROOTS.media,
      path: join(ROOTS.media, 'ab', 'photo dété.jpg'),
    });
    // A literal "%41" in a stored name is written %2541, and read back as "%41", which is refused
    // rather than risk decoding it a second time somewhere else.
    assert.equal(resolveAppPath('app://archive-reader/media/100%2541.jpg', ROOTS), null);
  });

  it(`refuses ${TRAVERSALS.length} traversal and malformed URLs outright`, () => {
    assert.ok(TRAVERSALS.length >= 20);
    for (const url of TRAVERSALS) assert.equal(resolveAppPath(url, ROOTS), null, JSON.stringify(url));
  });

  it('never returns a path outside its root, whatever it is given', () => {
    const alphabet = ['a', '.', '..', '%2e', '%2f', '%5c', '\\', '/', '%00', '%25', 'media', 'C:', '~', ' '];
    let resolved = 0;
    // Every path of up to four pieces from the alphabet: 14^4 + ... URLs.
    const walk = (prefix: string, depth: number) => {
      const result = resolveAppPath(`app://archive-reader/${prefix}`, ROOTS);
      if (result) {
        resolved++;
        assert.ok(isInside(result.root, result.path), prefix);
        assert.ok(!result.path.split(sep).includes('..'), prefix);
      }
      if (depth === 0) return;
      for (const piece of alphabet) walk(prefix + piece, depth - 1);
    };
    walk('', 4);
    assert.ok(resolved > 0);
  });

  it('classifies media however its first segment is spelled', () => {
    assert.equal(parseAppPath('app://archive-reader/%6dedia/x.png')?.kind, 'media');
    assert.equal(parseAppPath('app://archive-reader/media/x.png')?.kind, 'media');
    assert.equal(parseAppPath('app://archive-reader/medias/x.png')?.kind, 'renderer');
    assert.equal(parseAppPath('app://archive-reader/Media/x.png')?.kind, 'renderer');
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('makes app: a standard, secure scheme and grants nothing that loosens the CSP or CORS', () => {
    assert.deepEqual(APP_SCHEME_PRIVILEGES, { standard: true, secure: true, supportFetchAPI: true });
  });
});

describe('mediaFolderBeside', () => {
  it('is the media folder beside the archive file', () => {
    assert.equal(mediaFolderBeside('/home/u/.config/Archive Reader/archive.sqlite'), ROOTS.media);
    assert.equal(mediaFolderBeside('/tmp/x/other.sqlite'), join('/tmp/x', 'media'));
  });
});

/** A renderer and a media folder on disk, with symlinks that stay in and ones that lead out. */
function fixtureRoots() {
  const base = tempDir('archive-reader-protocol-');
  const renderer = join(base, 'renderer');
  const media = join(base, 'media');
  const outside = join(base, 'outside');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  mkdirSync(join(media, 'ab'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Archive Reader</title>');
  writeFileSync(join(renderer, 'assets', 'index.js'), 'console.log(1);');
  writeFileSync(join(media, 'ab', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(media, 'evil.js'), 'alert(1)');
  writeFileSync(join(media, 'evil.html'), '<script>alert(1)</script>');
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  writeFileSync(join(base, 'archive.sqlite'), 'SQLite format 3');
  symlinkSync(join(outside, 'secret.txt'), join(media, 'leak.png'));
  symlinkSync(outside, join(media, 'out'));
  symlinkSync(join(base, 'archive.sqlite'), join(renderer, 'archive.js'));
  symlinkSync(join(media, 'ab', 'photo.png'), join(media, 'alias.png'));
  return { base, renderer, media, outside, roots: { renderer, media } };
}

describe('confineToRoot', () => {
  it('follows symlinks that stay inside the root and refuses those that lead out', async () => {
    const f = fixtureRoots();
    assert.equal(await confineToRoot(join(f.media, 'alias.png'), f.media), join(f.media, 'ab', 'photo.png'));
    assert.equal(await confineToRoot(join(f.media, 'leak.png'), f.media), null);
    assert.equal(await confineToRoot(join(f.media, 'out', 'secret.txt'), f.media), null);
    assert.equal(await confineToRoot(join(f.renderer, 'archive.js'), f.renderer), null);
  });

  it('answers null for what does not exist, the media folder included', async () => {
    const f = fixtureRoots();
    assert.equal(await confineToRoot(join(f.media, 'missing.png'), f.media), null);
    assert.equal(await confineToRoot(join(f.base, 'no-media', 'x.png'), join(f.base, 'no-media')), null);
  });
});

describe('serveAppRequest', () => {
  const get = (url: string, init: RequestInit = {}, initiatorOrigin?: string) =>
    Object.assign(new Request(url, init), initiatorOrigin === undefined ? {} : { initiatorOrigin });

  it('serves the renderer with its type, nosniff and the app’s CSP', async () => {
    const f = fixtureRoots();
    const page = await serveAppRequest(get(APP_INDEX_URL), { roots: f.roots });
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(page.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.match(await page.text(), /<title>Archive Reader<\/title>/);
    const script = await serveAppRequest(get('app://archive-reader/assets/index.js'), { roots: f.roots });
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
  });

  it('serves media with a passive type and a sandboxing CSP, never as script or page', async () => {
    const f = fixtureRoots();
    const image = await serveAppRequest(get('app://archive-reader/media/ab/photo.png'), { roots: f.roots });
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.equal(image.headers.get('content-security-policy'), MEDIA_CONTENT_SECURITY_POLICY);
    assert.deepEqual([...new Uint8Array(await image.arrayBuffer())], [0x89, 0x50, 0x4e, 0x47]);
    for (const name of ['evil.js', 'evil.html']) {
      const response = await serveAppRequest(get(`app://archive-reader/media/${name}`), { roots: f.roots });
      assert.equal(response.headers.get('content-type'), 'application/octet-stream', name);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', name);
      assert.match(response.headers.get('content-security-policy') ?? '', /\bsandbox\b/);
    }
    assert.match(MEDIA_CONTENT_SECURITY_POLICY, /default-src 'none'/);
    assert.doesNotMatch(MEDIA_CONTENT_SECURITY_POLICY, /script-src/);
  });

  it('answers 404 for a missing media folder, missing files, folders and every traversal', async () => {
    const f = fixtureRoots();
    const noMedia = { renderer: f.renderer, media: join(f.base, 'not-created-yet') };
    assert.equal(
      (await serveAppRequest(get('app://archive-reader/media/ab/photo.png'), { roots: noMedia })).status,
      404,
    );
    for (const url of [
      'app://archive-reader/missing.html',
      'app://archive-reader/assets',
      'app://archive-reader/media/ab',
      'app://archive-reader/media/leak.png',
      'app://archive-reader/media/out/secret.txt',
      'app://archive-reader/archive.js',
      'app://archive-reader/media/%2e%2e/archive.sqlite',
      'app://archive-reader/media/..%2farchive.sqlite',
      'app://archive-reader/media/%252e%252e/archive.sqlite',
    ]) {
      const response = await serveAppRequest(get(url), { roots: f.roots });
      assert.equal(response.status, 404, url);
      assert.equal(await response.text(), 'Not found', url);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const f = fixtureRoots();
    const head = await serveAppRequest(get(APP_INDEX_URL, { method: 'HEAD' }), { roots: f.roots });
    assert.equal(head.status, 200);
    assert.equal(head.body, null);
    assert.ok(Number(head.headers.get('content-length')) > 0);
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const response = await serveAppRequest(get(APP_INDEX_URL, { method }), { roots: f.roots });
      assert.equal(response.status, 405, method);
      assert.equal(response.headers.get('allow'), 'GET, HEAD');
    }
  });

  it('serves the app, the browser itself, opaque article frames and the dev server, and no one else', async () => {
    const f = fixtureRoots();
    assert.ok(isAllowedInitiator(undefined));
    assert.ok(isAllowedInitiator('null'));
    assert.ok(isAllowedInitiator(APP_ORIGIN));
    assert.ok(isAllowedInitiator('http://localhost:5173', ['http://localhost:5173']));
    assert.ok(!isAllowedInitiator('http://localhost:5173'));
    assert.ok(!isAllowedInitiator('https://attacker.example'));
    assert.ok(!isAllowedInitiator('app://attacker'));
    const from = (origin: string) =>
      serveAppRequest(get('app://archive-reader/media/ab/photo.png', {}, origin), { roots: f.roots });
    assert.equal((await from('app://archive-reader')).status, 200);
    assert.equal((await from('null')).status, 200);
    assert.equal((await from('https://attacker.example')).status, 403);
  });
});
