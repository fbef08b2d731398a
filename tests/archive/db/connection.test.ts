import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ArticleStore, type NewArticle } from '../../../archive/articles/store.ts';
import { openArchive } from '../../../archive/db/open.ts';
import { importPaths } from '../../../archive/importers/import-paths.ts';
import { writeSyntheticArticles } from '../safety/synthetic.ts';
import { tempArchivePath, tempDir } from '../../helpers/temp.ts';

const MB = 1024 * 1024;

describe('archive connections', () => {
  it('are WAL, synchronous FULL, with foreign keys, a busy timeout and a bounded WAL', async () => {
    const { db } = await openArchive(tempArchivePath());
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('synchronous', { simple: true }), 2, 'synchronous = FULL');
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(db.pragma('busy_timeout', { simple: true }), 5000);
    assert.equal(db.pragma('wal_autocheckpoint', { simple: true }), 1000);
    assert.equal(db.pragma('journal_size_limit', { simple: true }), 8 * MB);
    db.close();
  });

  it('mark the session and end it on close', async () => {
    const path = tempArchivePath();
    const { db } = await openArchive(path);
    const marker = (name: string) => name.startsWith('archive.sqlite.open-');
    const { readdirSync } = await import('node:fs');
    assert.equal(readdirSync(join(path, '..')).filter(marker).length, 1);
    db.close();
    assert.equal(readdirSync(join(path, '..')).filter(marker).length, 0);
    assert.equal(existsSync(`${path}-wal`), false, 'a clean close folds the WAL in and removes it');
  });

  it('keep the -wal file bounded during a 10,000-article import', async () => {
    const folder = writeSyntheticArticles(join(tempDir(), 'articles'), 10_000);
    const path = tempArchivePath();
    const { db } = await openArchive(path);
    const sizes: number[] = [];
    // Measures the -wal after every batch the import commits.
    class MeasuredStore extends ArticleStore {
      override addMany(articles: readonly NewArticle[], importedAt?: string) {
        const outcomes = super.addMany(articles, importedAt);
        sizes.push(statSync(`${path}-wal`).size);
        return outcomes;
      }
    }
    const started = performance.now();
    const report = await importPaths(new MeasuredStore(db), [folder]);
    const seconds = (performance.now() - started) / 1000;
    assert.equal(report.imported, 10_000);
    assert.equal(sizes.length, 50, 'one measure per batch of 200');
    const max = Math.max(...sizes);
    const final = sizes.at(-1) as number;
    console.log(
      `10,000 articles imported in ${seconds.toFixed(1)} s (synchronous=FULL); -wal max ${(max / MB).toFixed(1)} MB, ` +
        `after the last batch ${(final / MB).toFixed(1)} MB; archive ${(statSync(path).size / MB).toFixed(1)} MB`,
    );
    assert.ok(max <= 12 * MB, `the -wal reached ${max} bytes`);
    assert.ok(final <= 8 * MB + 4 * MB);
    db.close();
  });
});
