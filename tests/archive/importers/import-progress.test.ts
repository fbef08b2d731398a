import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ImportProgress } from '../../../archive/api/contract.ts';
import { importPaths } from '../../../archive/importers/import-paths.ts';
import { createTestArchive } from '../../helpers/archive.ts';
import { tempDir } from '../../helpers/temp.ts';
import { writeSyntheticArticles } from '../safety/synthetic.ts';
import { longFeed } from '../../helpers/long-feed.ts';
import { articlePage, http, record, writeWarc } from './warc/build-warc.ts';

const FILES = 400;

const articles = (db: { prepare: (sql: string) => { pluck: () => { get: () => unknown } } }) =>
  db.prepare('SELECT count(*) FROM articles').pluck().get() as number;

describe('import progress and cancel', () => {
  it('reports progress that only grows and ends at the total, counting files', async () => {
    const folder = writeSyntheticArticles(join(tempDir(), 'articles'), FILES);
    writeFileSync(join(folder, 'notes.odt'), 'not an article');
    const archive = await createTestArchive();
    const seen: ImportProgress[] = [];
    const report = await importPaths(archive.store, [folder], { onProgress: (progress) => seen.push(progress) });

    assert.equal(report.imported, FILES);
    assert.equal(report.skipped, 1);
    assert.ok(seen.length >= 2, 'a first and a last report at least');
    for (const [index, progress] of seen.entries()) {
      assert.equal(progress.total, FILES + 1, 'the files are counted before the import starts');
      const before = seen[index - 1];
      if (!before) continue;
      for (const key of ['done', 'imported', 'duplicates', 'skipped', 'failed'] as const) {
        assert.ok(progress[key] >= before[key], `${key} never goes back (${before[key]} then ${progress[key]})`);
      }
    }
    const last = seen.at(-1) as ImportProgress;
    assert.equal(last.done, FILES + 1);
    assert.equal(last.imported, FILES);
    assert.equal(last.skipped, 1);
    assert.equal(last.etaSeconds, 0);
    assert.equal(last.currentFile, null);
    assert.ok(last.itemsPerSecond > 0);
  });

  it('moves within one long file: how far into it, how many of its items, and the time left', async () => {
    const folder = tempDir();
    const pages = Array.from({ length: 240 }, (_, index) =>
      record(
        'response',
        `https://news.example/${index}`,
        http(200, { 'Content-Type': 'text/html' }, articlePage(`Page ${index}`, `Les pluies du jour ${index}.`)),
      ),
    );
    writeWarc(join(folder, 'crawl.warc'), pages);
    writeFileSync(join(folder, 'long.rss'), longFeed(4000));
    // Enough files for the extraction workers to start: the share comes through them.
    writeSyntheticArticles(join(folder, 'texts'), 8);
    const archive = await createTestArchive();
    const seen: ImportProgress[] = [];
    await importPaths(archive.store, [folder], { onProgress: (progress) => seen.push(progress) });

    for (const name of ['crawl.warc', 'long.rss']) {
      const within = seen.filter(
        (progress) => progress.currentFile?.endsWith(name) && progress.currentFileShare !== null,
      );
      assert.ok(within.length >= 3, `${name}: reported while it is read (${within.length} times)`);
      const shares = within.map((progress) => progress.currentFileShare as number);
      assert.ok(
        shares.every((share, index) => index === 0 || share >= (shares[index - 1] as number)),
        `${name}: grows`,
      );
      assert.ok(
        (shares[0] as number) < 0.5 && (shares.at(-1) as number) > 0.5,
        `${name}: ${shares[0]} to ${shares.at(-1)}`,
      );
      assert.ok((within.at(-1)?.currentFileItems ?? 0) > (within[0]?.currentFileItems ?? 0), `${name}: items counted`);
      assert.ok(
        within.slice(1).every((progress) => progress.etaSeconds !== null),
        `${name}: a time left mid-file`,
      );
    }
  });

  it('stops between items when cancelled, keeps the archive consistent, and a re-run finishes the job', async () => {
    const folder = writeSyntheticArticles(join(tempDir(), 'articles'), FILES);
    const archive = await createTestArchive();
    const controller = new AbortController();
    const stored: number[] = [];
    const first = await importPaths(archive.store, [folder], {
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.done >= 150) controller.abort();
      },
      onItems: (items) => stored.push(items.length),
    });

    assert.equal(first.cancelled, true);
    assert.ok(first.imported >= 150 && first.imported < FILES, `stopped part-way (${first.imported})`);
    assert.equal(first.imported + (first.left ?? 0), FILES, 'every file is imported or reported as left');
    assert.equal(
      stored.reduce((sum, count) => sum + count, 0),
      FILES,
      'every file has a line handed to the report',
    );
    assert.deepEqual(archive.db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
    archive.db.prepare("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')").run();
    assert.equal(articles(archive.db), first.imported, 'what the report says was imported is stored');
    const indexed = archive.db.prepare('SELECT count(*) FROM article_fts').pluck().get();
    assert.equal(indexed, first.imported, 'every stored article is indexed: no half-written article');

    const again = await importPaths(archive.store, [folder]);
    assert.equal(again.cancelled, false);
    assert.equal(again.imported, FILES - first.imported);
    assert.equal(again.duplicates, first.imported, 'what the first run stored is recognised, not stored twice');
    assert.equal(articles(archive.db), FILES);
    const distinct = archive.db.prepare('SELECT count(DISTINCT content_hash) FROM articles').pluck().get();
    assert.equal(distinct, FILES, 'no article is in the archive twice');
  });
});
