import { ArticleStore } from '../articles/store.ts';
import type { ArchiveDb } from '../db/open.ts';

export interface ReindexProgress {
  done: number;
  total: number;
}

export interface ReindexOptions {
  /** Articles per transaction (default 500). */
  batchSize?: number;
  /** Only index the articles that have no index rows (finishing an interrupted reindex). */
  onlyMissing?: boolean;
  onProgress?: (progress: ReindexProgress) => void;
}

// The index's configuration rows (the bm25 weights), as migration 001 wrote them, for when the
// damaged index's own cannot be read.
const DEFAULT_FTS_CONFIG: [string, string][] = [['rank', 'bm25(10.0, 4.0, 1.0)']];

/**
 * Empties the full-text index, the offsets and the vocabulary: the FTS5 table is dropped and made
 * again from its own definition in sqlite_schema (a damaged FTS5 table cannot always be emptied).
 */
function clearIndex(db: ArchiveDb): void {
  const definition = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'article_fts'").pluck().get() as
    string | undefined;
  if (!definition) throw new Error('this archive has no full-text index to rebuild');
  let config: [string, string][];
  try {
    config = (
      db.prepare("SELECT k, v FROM article_fts_config WHERE k <> 'version'").raw().all() as [string, string][]
    ).filter(([k, v]) => typeof k === 'string' && typeof v === 'string');
    if (!config.some(([k]) => k === 'rank')) config = DEFAULT_FTS_CONFIG;
  } catch {
    config = DEFAULT_FTS_CONFIG;
  }
  db.exec('DROP TABLE article_fts');
  db.exec(definition);
  const configure = db.prepare('INSERT INTO article_fts (article_fts, rank) VALUES (?, ?)');
  for (const [k, v] of config) configure.run(k, v);
  db.exec('DELETE FROM article_offsets; DELETE FROM vocabulary;');
}

/**
 * Rebuilds the full-text index (article_fts, article_offsets, vocabulary) from the stored articles,
 * analysing each one as importing it did (ArticleStore's own code). Runs in batches, each its own
 * transaction with a checkpoint after it, so the WAL stays small; an interruption leaves articles
 * without index rows, which `onlyMissing` (and the startup check) finishes.
 */
export function reindex(db: ArchiveDb, options: ReindexOptions = {}): { articles: number; ms: number } {
  const started = performance.now();
  const batchSize = options.batchSize ?? 500;
  const store = new ArticleStore(db);
  const missing = 'NOT EXISTS (SELECT 1 FROM article_offsets o WHERE o.article_id = a.id)';
  if (!options.onlyMissing) db.transaction(() => clearIndex(db)).immediate();
  const total = db.prepare(`SELECT count(*) FROM articles a WHERE ${missing}`).pluck().get() as number;
  const next = db.prepare<[number, number], { id: number; title: string; text: string; lang: string | null }>(
    `SELECT id, title, text, lang FROM articles a WHERE id > ? AND ${missing} ORDER BY id LIMIT ?`,
  );
  const batch = db.transaction((after: number) => {
    const rows = next.all(after, batchSize);
    for (const row of rows) store.reindexStored(row);
    return rows;
  });
  let done = 0;
  let after = 0;
  options.onProgress?.({ done, total });
  for (;;) {
    const rows = batch.immediate(after);
    if (rows.length === 0) break;
    done += rows.length;
    after = (rows[rows.length - 1] as { id: number }).id;
    db.pragma('wal_checkpoint(PASSIVE)');
    options.onProgress?.({ done, total });
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  return { articles: done, ms: performance.now() - started };
}
