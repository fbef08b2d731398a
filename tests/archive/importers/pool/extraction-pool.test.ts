import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ImportReport } from '../../../../archive/api/contract.ts';
import { ExtractionPool } from '../../../../archive/importers/pool/extraction-pool.ts';
import { importPaths, type ImportOptions } from '../../../../archive/importers/import-paths.ts';
import { importerFor } from '../../../../archive/importers/registry.ts';
import { textFileImporter } from '../../../../archive/importers/text-file.ts';
import { createTestArchive } from '../../../helpers/archive.ts';
import { FIXTURES, ROOT, SHARED, tempDir } from '../../../helpers/temp.ts';
import { syntheticName, writeSyntheticArticles } from '../../safety/synthetic.ts';

const WARCS = join(SHARED, 'corpora', 'warc', 'warcio.js');
const FEEDS = join(SHARED, 'corpora', 'feeds', 'rss-parser', 'input');
const corpora = existsSync(WARCS) && existsSync(FEEDS);
if (!corpora) console.log(`# the pool is compared on own fixtures only: ${WARCS} or ${FEEDS} is absent`);

const CRASHING_WORKER = new URL('./crashing-worker.ts', import.meta.url);

/** A report as a user reads it: each line's file, status, article and reason. */
const lines = (report: ImportReport) =>
  report.items.map(({ path, status, articleId, title, message }) => ({ path, status, articleId, title, message }));

async function importWith(paths: string[], extraction: ImportOptions['extraction']) {
  const archive = await createTestArchive();
  const report = await importPaths(archive.store, paths, { extraction });
  return { archive, report };
}

/** An RSS feed of `count` items, each a short article of its own. */
function writeFeed(path: string, count: number): void {
  const items = Array.from(
    { length: count },
    (_, index) => `<item><title>Item ${index}</title><link>https://example.org/${index}</link>
<description>Item ${index} says something of its own: the council met ${index} times this year, and the wells
near the river were measured ${index} times.</description></item>`,
  );
  writeFileSync(
    path,
    `<?xml version="1.0"?><rss version="2.0"><channel><title>A long feed</title>${items.join('')}</channel></rss>`,
  );
}

describe('the extraction pool', () => {
  it('imports a folder with the same report as reading on one thread, in file order', async () => {
    const texts = writeSyntheticArticles(join(tempDir(), 'texts'), 40);
    const paths = [
      texts,
      FIXTURES,
      join(ROOT, 'tests', 'fixtures', 'html'),
      '/nonexistent/folder',
      ...(corpora ? [WARCS, FEEDS] : []),
    ];
    const serial = await importWith(paths, false);
    const pooled = await importWith(paths, { size: 2 });

    assert.ok(serial.report.imported > 40, `a varied import (${serial.report.imported} articles)`);
    assert.deepEqual(lines(pooled.report), lines(serial.report));
    for (const key of ['imported', 'duplicates', 'nearDuplicates', 'skipped', 'failed'] as const) {
      assert.equal(pooled.report[key], serial.report[key], key);
    }
    // The same articles, stored alike: language, dates and index rows were computed in the workers.
    const stored = (archive: typeof serial.archive) =>
      archive.db
        .prepare(
          `SELECT a.id, a.lang, a.published_at, a.word_count, a.captured_at, f.simhash
           FROM articles a LEFT JOIN article_fingerprints f ON f.article_id = a.id ORDER BY a.id`,
        )
        .all();
    assert.deepEqual(stored(pooled.archive), stored(serial.archive));
    const search = (archive: typeof serial.archive) =>
      archive.searcher.search('harvest', { limit: 5, offset: 0 }).results.map((result) => result.id);
    assert.deepEqual(search(pooled.archive), search(serial.archive));
  });

  it('gives text files to the text importer, as a worker assumes without loading the registry', () => {
    for (const ending of textFileImporter.extensions) {
      assert.equal(importerFor(`notes/article${ending.toUpperCase()}`), textFileImporter, ending);
    }
  });

  it('reports a file that crashes its worker as failed, and imports the rest in order', async () => {
    const folder = writeSyntheticArticles(join(tempDir(), 'articles'), 12);
    writeFileSync(join(folder, '000005-crash.txt'), 'A title\n\nAn article that takes its worker down with it.\n');
    const { report } = await importWith([folder], { size: 2, workerUrl: CRASHING_WORKER });

    const names = report.items.map((item) => item.path.slice(folder.length + 1));
    const expected = [...Array.from({ length: 12 }, (_, index) => syntheticName(index)), '000005-crash.txt'].sort();
    assert.deepEqual(names, expected, 'one line per file, in file order');
    const crashed = report.items.find((item) => item.path.endsWith('crash.txt'));
    assert.equal(crashed?.status, 'failed');
    assert.match(crashed?.message ?? '', /stopped its extraction worker \(a parser crashed\)/);
    assert.equal(
      report.imported,
      12,
      `every other file is imported: ${JSON.stringify(report.items.filter((item) => item.status !== 'imported'))}`,
    );
  });

  it('reads on the writer thread when the workers cannot start', async () => {
    const folder = writeSyntheticArticles(join(tempDir(), 'articles'), 10);
    const { report } = await importWith([folder], { size: 2, workerUrl: new URL('file:///nonexistent/worker.ts') });
    assert.equal(report.imported, 10);
    assert.equal(report.failed, 0);
  });

  it('reads a long feed at most a window ahead of the writer', async () => {
    const feed = join(tempDir(), 'long.rss');
    writeFeed(feed, 3000);
    const pool = new ExtractionPool({ size: 1 });
    try {
      pool.submit(feed);
      let taken = 0;
      let mostAhead = 0;
      for await (const entry of pool.next(feed)) {
        assert.equal(entry.kind, 'article');
        taken += 1;
        // A slow writer: the worker has all the time it wants to race ahead, and must not.
        if (taken % 500 === 1) await new Promise((resolve) => setTimeout(resolve, 300));
        mostAhead = Math.max(mostAhead, pool.bufferedEntries);
      }
      assert.equal(taken, 3000);
      // The window (256) and the chunk on its way (16).
      assert.ok(mostAhead > 0 && mostAhead <= 272, `at most a window of items read ahead (${mostAhead})`);
    } finally {
      await pool.close();
    }
  });
});
