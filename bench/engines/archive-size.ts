import { statSync } from 'node:fs';
import type { ArchiveDb } from '../../archive/db/open.ts';
import type { GeneratedArticle } from '../generate-articles.ts';
import type { ArchiveSize } from './engine.ts';

/** Passes the articles on, adding up their title and text in UTF-8 bytes as the store will join them. */
export function* countingText(
  articles: Iterable<GeneratedArticle>,
  total: { bytes: number },
): Generator<GeneratedArticle> {
  for (const article of articles) {
    total.bytes += Buffer.byteLength(article.title) + Buffer.byteLength(article.paragraphs.join('\n\n'));
    yield article;
  }
}

const fileBytes = (path: string) => statSync(path, { throwIfNoEntry: false })?.size ?? 0;

/**
 * Pages by table (an index counted with its table; FTS5's shadow tables each on their own line),
 * through the dbstat virtual table when SQLite was built with it. It reads every page of the file.
 */
function bytesByTable(db: ArchiveDb): ArchiveSize['byTable'] {
  try {
    return db
      .prepare<[], { name: string; bytes: number }>(
        `SELECT coalesce(s.tbl_name, d.name) AS name, sum(d.pgsize) AS bytes
         FROM dbstat AS d LEFT JOIN sqlite_schema AS s ON s.name = d.name
         WHERE d.aggregate = TRUE GROUP BY 1 ORDER BY bytes DESC`,
      )
      .all();
  } catch (error) {
    if (/no such table: dbstat/.test((error as Error).message)) return null;
    throw error;
  }
}

/** The archive's size on disk against the text it holds; call after a WAL checkpoint. */
export function archiveSize(db: ArchiveDb, path: string, textBytes: number): ArchiveSize {
  return { bytes: fileBytes(path) + fileBytes(`${path}-wal`), textBytes, byTable: bytesByTable(db) };
}
