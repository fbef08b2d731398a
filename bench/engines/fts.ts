import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArticleStore } from '../../archive/articles/store.ts';
import { openArchive } from '../../archive/db/open.ts';
import { Searcher } from '../../archive/search/search.ts';
import type { GeneratedArticle } from '../generate-articles.ts';
import { peakRssMb, timeBatches, timeQueries } from '../measure.ts';
import { PAGE_SIZE, type EngineOptions, type EngineResult } from './engine.ts';

// Batches as the importers write them: one transaction each, not one per article.
const BATCH_SIZE = 500;

const fileBytes = (path: string) => statSync(path, { throwIfNoEntry: false })?.size ?? 0;

/** Our engine: a real archive file, imported through ArticleStore and searched through Searcher. */
export async function runFts({ articles, rounds, log }: EngineOptions): Promise<EngineResult> {
  const dir = mkdtempSync(join(tmpdir(), 'archive-reader-bench-'));
  try {
    const { db, path } = await openArchive(join(dir, 'archive.sqlite'));
    try {
      const store = new ArticleStore(db);
      let imported = 0;
      const importBatch = (batch: GeneratedArticle[]) => {
        for (const outcome of store.addMany(batch))
          if (!(outcome instanceof Error) && outcome.status === 'imported') imported++;
      };
      log('fts: importing…');
      const indexSeconds = timeBatches(articles, BATCH_SIZE, importBatch);
      db.pragma('wal_checkpoint(TRUNCATE)');
      const archiveMb = (fileBytes(path) + fileBytes(`${path}-wal`)) / 1024 / 1024;

      log(`fts: ${imported} articles imported in ${indexSeconds.toFixed(1)} s; querying…`);
      const searcher = new Searcher(db);
      const queries = timeQueries(rounds, (query) => ({
        sent: query.text,
        run: () => searcher.search(query.text, { limit: PAGE_SIZE, offset: 0 }).total,
      }));
      const sqlite = db.prepare<[], { version: string }>('SELECT sqlite_version() AS version').get()?.version;
      return {
        engine: 'fts',
        setup:
          `SQLite ${sqlite} FTS5 archive file in ${tmpdir()}, imported through ArticleStore.addMany in batches of ` +
          `${BATCH_SIZE}; Searcher.search results include highlights and snippets.`,
        articles: imported,
        indexSeconds,
        articlesPerSecond: imported / indexSeconds,
        queries,
        snippets: true,
        peakRssMb: peakRssMb(),
        archiveMb,
      };
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
