import Database from 'better-sqlite3';
import { NotAnArchiveError } from './errors.ts';

/**
 * How every connection to an archive is set up:
 * - WAL: readers never block the writer, and a crash leaves the last committed transaction intact;
 * - synchronous FULL: the WAL is flushed to disk at every commit, so a bookmark or a tag that was
 *   saved survives a power cut (the reader's own work lives in this file; measured no slower than
 *   NORMAL for imports, which commit 200 articles at a time);
 * - foreign keys on; a 5 s busy timeout, for the CLI and the app writing at the same time;
 * - a bounded WAL: checkpoint every 1000 pages (about 4 MB), and the -wal file cut back to 8 MB
 *   after a checkpoint, so a long import never grows it past about one batch beyond that;
 * - the first 256 MB of the file memory-mapped: a query reads its index pages in place rather than
 *   copying each one into SQLite's 2 MB page cache (searches at 100,000 articles touch tens of MB).
 */
export const CONNECTION_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
  'wal_autocheckpoint = 1000',
  `journal_size_limit = ${8 * 1024 * 1024}`,
  `mmap_size = ${256 * 1024 * 1024}`,
] as const;

/** Opens a connection with CONNECTION_PRAGMAS; a file that is not SQLite fails here. */
export function connect(path: string): Database.Database {
  const db = new Database(path);
  try {
    for (const pragma of CONNECTION_PRAGMAS) db.pragma(pragma);
    return db;
  } catch (error) {
    db.close();
    throw new NotAnArchiveError(path, error);
  }
}
