import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { ArticleStore } from '../../archive/articles/store.ts';
import { openArchive } from '../../archive/db/open.ts';
import { Searcher } from '../../archive/search/search.ts';
import type { GeneratedArticle } from '../generate-articles.ts';
import { peakRssMb, timeBatches, timeQueries } from '../measure.ts';
import { requestFor } from '../queries.ts';
import { archiveSize, countingText } from './archive-size.ts';
import { PAGE_SIZE, type EngineOptions, type EngineResult } from './engine.ts';

// Batches as the importers write them: one transaction each, not one per article.
const BATCH_SIZE = 500;

// A large import takes minutes: say how far it has got this often.
const PROGRESS_EVERY = 50_000;

/**
 * Our engine: a real archive file, imported through ArticleStore and searched through Searcher.
 * The file is left in place, closed, for the parent to time opening it.
 */
export async function runFts({ articles, rounds, log, archivePath }: EngineOptions): Promise<EngineResult> {
  const { db, path } = await openArchive(archivePath);
  try {
    const store = new ArticleStore(db);
    let imported = 0;
    const started = performance.now();
    const importBatch = (batch: GeneratedArticle[]) => {
      const before = imported;
      for (const outcome of store.addMany(batch))
        if (!(outcome instanceof Error) && outcome.status === 'imported') imported++;
      if (Math.floor(imported / PROGRESS_EVERY) > Math.floor(before / PROGRESS_EVERY)) {
        log(
          `fts: ${imported.toLocaleString('en-US')} imported (${((performance.now() - started) / 1000).toFixed(0)} s)`,
        );
      }
    };
    log('fts: importing…');
    const text = { bytes: 0 };
    const indexSeconds = timeBatches(countingText(articles, text), BATCH_SIZE, importBatch);
    db.pragma('wal_checkpoint(TRUNCATE)');

    log(`fts: ${imported.toLocaleString('en-US')} articles imported in ${indexSeconds.toFixed(1)} s; querying…`);
    const searcher = new Searcher(db);
    const queries = timeQueries(rounds, (query) => {
      const request = requestFor(query.class);
      return {
        sent: query.text,
        run: () => {
          if (request.kind === 'facets') {
            // Every match has one language, so the language counts add up to the matches.
            return searcher.facets(query.text).languages.reduce((sum, facet) => sum + facet.count, 0);
          }
          const { sort, asYouType } = request;
          return searcher.search(query.text, { limit: PAGE_SIZE, offset: 0, sort, asYouType }).total;
        },
      };
    });
    const peakRss = peakRssMb();
    log('fts: measuring the archive’s tables…');
    const archive = archiveSize(db, path, text.bytes);
    const sqlite = db.prepare<[], { version: string }>('SELECT sqlite_version() AS version').get()?.version;
    return {
      engine: 'fts',
      setup:
        `SQLite ${sqlite} FTS5 archive file in ${tmpdir()}, imported through ArticleStore.addMany in ` +
        `batches of ${BATCH_SIZE}; Searcher.search results include highlights and snippets.`,
      articles: imported,
      indexSeconds,
      articlesPerSecond: imported / indexSeconds,
      queries,
      snippets: true,
      peakRssMb: peakRss,
      archive,
    };
  } finally {
    db.close();
  }
}
