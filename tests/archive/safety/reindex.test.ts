import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ArchiveDb } from '../../../archive/db/open.ts';
import { checkArchive } from '../../../archive/db/check.ts';
import { Library } from '../../../archive/library/library.ts';
import { Searcher } from '../../../archive/search/search.ts';
import { reindex, type ReindexProgress } from '../../../archive/safety/reindex.ts';
import { createTestArchive } from '../../helpers/archive.ts';
import { tempDir } from '../../helpers/temp.ts';
import { FOUR_ARTICLES, writeSyntheticArticles } from './synthetic.ts';

const QUERIES = [
  'coopération',
  'cooperation militaire',
  'harvest OR récolte',
  'coop*',
  '"rural clinics"',
  'niger -mali',
  'title:festival',
];

/** Everything the index holds, and what searches answer from it. */
function snapshot(db: ArchiveDb) {
  const searcher = new Searcher(db);
  return {
    fts: db.prepare('SELECT rowid, title, lead, body FROM article_fts ORDER BY rowid').all(),
    offsets: db.prepare('SELECT * FROM article_offsets ORDER BY article_id').all(),
    vocabulary: db.prepare('SELECT form, term FROM vocabulary ORDER BY form, term').all(),
    wordCounts: db.prepare('SELECT id, word_count FROM articles ORDER BY id').all(),
    rank: db.prepare("SELECT v FROM article_fts_config WHERE k = 'rank'").pluck().get(),
    searches: QUERIES.map((query) => {
      const { total, results } = searcher.search(query, { limit: 50, offset: 0 });
      return { total, results: results.map((r) => ({ id: r.id, score: r.score.toFixed(6), snippet: r.snippet })) };
    }),
  };
}

describe('reindex', () => {
  it('rebuilds the same index from the stored articles, in batches, reporting progress', async () => {
    const archive = await createTestArchive();
    await archive.importPaths([...FOUR_ARTICLES, writeSyntheticArticles(join(tempDir(), 'synthetic'), 230)]);
    new Library(archive.db).setTags(1, ['kept']);
    const before = snapshot(archive.db);
    assert.ok(
      before.searches.every((s) => s.total > 0),
      'every query finds something',
    );
    const progress: ReindexProgress[] = [];
    const result = reindex(archive.db, { batchSize: 50, onProgress: (p) => progress.push(p) });
    assert.equal(result.articles, 234);
    assert.deepEqual(
      progress.map((p) => p.done),
      [0, 50, 100, 150, 200, 234],
    );
    assert.ok(progress.every((p) => p.total === 234));
    assert.deepEqual(snapshot(archive.db), before);
    assert.deepEqual(checkArchive(archive.db, { full: true }).ok, true);
    assert.deepEqual(new Library(archive.db).listTags(), [{ name: 'kept', count: 1 }]);
  });

  it('finishes an interrupted rebuild: only the articles without index rows', async () => {
    const archive = await createTestArchive();
    await archive.importPaths([...FOUR_ARTICLES, writeSyntheticArticles(join(tempDir(), 'synthetic'), 60)]);
    const before = snapshot(archive.db);
    archive.db.exec('DELETE FROM article_fts WHERE rowid > 20; DELETE FROM article_offsets WHERE article_id > 20;');
    assert.equal(checkArchive(archive.db).unindexed, 44);
    const result = reindex(archive.db, { onlyMissing: true });
    assert.equal(result.articles, 44);
    assert.deepEqual(snapshot(archive.db), before);
  });
});
