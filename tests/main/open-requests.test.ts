import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import {
  MAX_PATHS_PER_IMPORT,
  OpenQueue,
  batches,
  isOpenablePath,
  openablePathsFromArgv,
  openablePathsFromSecondInstance,
  totalOf,
} from '../../main/import/open-requests.ts';

const CWD = resolve('/home/user/Downloads');

describe('isOpenablePath', () => {
  it('takes web archives, zip bundles and text articles, in any case', () => {
    for (const path of ['a.warc', 'a.warc.gz', 'A.WARC.GZ', 'b.zip', 'c.txt', 'd.md', '/x/y/Article.MD']) {
      assert.ok(isOpenablePath(path), path);
    }
  });

  it('refuses everything else', () => {
    for (const path of [
      'a.gz',
      'a.tar.gz',
      'a.html',
      'a.exe',
      'a.warc.gz.exe',
      'a.txt.lnk',
      '.txt',
      '.warc.gz',
      'zip',
      '',
    ]) {
      assert.ok(!isOpenablePath(path), path);
    }
  });
});

describe('openablePathsFromArgv', () => {
  it('keeps the openable files named on a command line, absolute, once each', () => {
    const argv = [
      '/opt/Archive Reader/archive-reader',
      'a.warc.gz',
      '/abs/b.zip',
      'notes.md',
      'a.warc.gz',
      'photo.png',
    ];
    assert.deepEqual(openablePathsFromArgv(argv, CWD), [
      resolve(CWD, 'a.warc.gz'),
      resolve('/abs/b.zip'),
      resolve(CWD, 'notes.md'),
    ]);
  });

  it('ignores the executable, the app folder in development, and every switch', () => {
    const argv = [
      '/usr/lib/electron/electron.txt',
      '.',
      'out/main/index.js',
      '--no-sandbox',
      '--allow-file-access-from-files',
      '--user-data-dir=/tmp/x.txt',
      '-psn_0_12345',
      '--original-process-start-time=1',
      'article.txt',
    ];
    assert.deepEqual(openablePathsFromArgv(argv, CWD), [resolve(CWD, 'article.txt')]);
    assert.deepEqual(openablePathsFromArgv([], CWD), []);
  });
});

describe('openablePathsFromSecondInstance', () => {
  it('prefers the list the second instance resolved itself', () => {
    const data = { openPaths: [resolve('/data/a.warc'), resolve('/data/b.md')] };
    assert.deepEqual(openablePathsFromSecondInstance(['exe', 'ignored.txt'], CWD, data), data.openPaths);
  });

  it('falls back to argv when that list is missing or malformed', () => {
    const argv = ['exe', 'dropped.zip'];
    const expected = [resolve(CWD, 'dropped.zip')];
    for (const data of [
      undefined,
      null,
      {},
      { openPaths: [] },
      { openPaths: 'a.zip' },
      { openPaths: ['relative.zip'] },
      { openPaths: [resolve('/data/a.exe')] },
      { openPaths: [42] },
      { openPaths: [resolve('/data/a.zip'), null] },
      { openPaths: [`${resolve('/data/a')}\u0000.zip`] },
    ]) {
      assert.deepEqual(openablePathsFromSecondInstance(argv, CWD, data), expected, JSON.stringify(data));
    }
  });
});

describe('batches and totals', () => {
  it('cuts paths into groups the contract accepts', () => {
    const paths = Array.from({ length: MAX_PATHS_PER_IMPORT * 2 + 1 }, (_, i) => `/p/${i}.txt`);
    assert.deepEqual(
      batches(paths).map((group) => group.length),
      [MAX_PATHS_PER_IMPORT, MAX_PATHS_PER_IMPORT, 1],
    );
    assert.deepEqual(batches([]), []);
  });

  it('adds up reports', () => {
    const report = (imported: number, duplicates: number, skipped: number, failed: number) => ({
      imported,
      duplicates,
      skipped,
      failed,
      items: [],
    });
    assert.deepEqual(totalOf([report(1, 2, 3, 4), report(10, 0, 0, 1)]), {
      imported: 11,
      duplicates: 2,
      skipped: 3,
      failed: 5,
    });
  });
});

describe('OpenQueue', () => {
  it('holds paths until started, hands them over in one batch, then passes each on at once', () => {
    const queue = new OpenQueue();
    const seen: string[][] = [];
    queue.add(['/a.txt']);
    queue.add([]);
    queue.add(['/b.zip', '/a.txt']);
    queue.start((paths) => seen.push(paths));
    assert.deepEqual(seen, [['/a.txt', '/b.zip']]);
    queue.add(['/c.md']);
    queue.add([]);
    assert.deepEqual(seen, [['/a.txt', '/b.zip'], ['/c.md']]);
  });

  it('calls nothing when started with nothing waiting', () => {
    const queue = new OpenQueue();
    let calls = 0;
    queue.start(() => calls++);
    assert.equal(calls, 0);
  });
});
