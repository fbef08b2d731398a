import type { Database } from 'better-sqlite3';

/** What an integrity check found; empty lists mean the archive is sound. */
export interface IntegrityReport {
  ok: boolean;
  /** From SQLite's quick_check or integrity_check: damaged pages, bad indexes. */
  database: string[];
  /** From FTS5's own integrity-check, and index rows that do not match the articles. */
  fullText: string[];
  /** Articles with no rows in the full-text index (an interrupted reindex). */
  unindexed: number;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function hasTable(db: Database, name: string): boolean {
  return db.prepare('SELECT 1 FROM sqlite_schema WHERE name = ?').get(name) !== undefined;
}

/** SQLite's own check of every page and index: quick_check (linear) or, with `full`, integrity_check. */
export function checkDatabase(db: Database, full = false): string[] {
  try {
    const rows = db.pragma(full ? 'integrity_check' : 'quick_check') as Record<string, string>[];
    const lines = rows.map((row) => String(Object.values(row)[0]));
    const problems = lines.length === 1 && lines[0] === 'ok' ? [] : lines;
    if (full && problems.length === 0) {
      const orphans = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      for (const o of orphans.slice(0, 20)) problems.push(`${o.table} row ${o.rowid} points to a missing ${o.parent}`);
    }
    return problems;
  } catch (error) {
    return [message(error)];
  }
}

/** FTS5's integrity-check, plus the index rows counted against the articles. */
export function checkFullText(db: Database): { problems: string[]; unindexed: number } {
  if (!hasTable(db, 'article_fts')) return { problems: [], unindexed: 0 };
  const problems: string[] = [];
  let unindexed = 0;
  try {
    db.prepare("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')").run();
  } catch (error) {
    problems.push(`full-text index: ${message(error)}`);
  }
  try {
    const count = (sql: string) => (db.prepare(sql).pluck().get() as number) ?? 0;
    const articles = count('SELECT count(*) FROM articles');
    const indexed = count('SELECT count(*) FROM article_fts');
    unindexed = count(
      'SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_offsets o WHERE o.article_id = a.id)',
    );
    if (indexed !== articles - unindexed) {
      problems.push(`full-text index: ${indexed} rows for ${articles - unindexed} indexed articles`);
    }
  } catch (error) {
    problems.push(`full-text index: ${message(error)}`);
  }
  return { problems, unindexed };
}

/**
 * Checks an open archive: the database first (quick_check, or integrity_check with `full`), then,
 * when its pages are sound, the full-text index. Never throws for a damaged file: it reports.
 */
export function checkArchive(db: Database, options: { full?: boolean } = {}): IntegrityReport {
  // SQLite's own check also runs FTS5's on the index (since 3.44): those lines are the index's, not the file's.
  const lines = checkDatabase(db, options.full);
  const indexLines = lines.filter(isFullTextProblem);
  const database = lines.filter((line) => !isFullTextProblem(line));
  if (database.length > 0) return { ok: false, database, fullText: indexLines, unindexed: 0 };
  const { problems, unindexed } = checkFullText(db);
  const fullText = [...indexLines, ...problems.filter((problem) => !indexLines.some((line) => problem.includes(line)))];
  return { ok: fullText.length === 0 && unindexed === 0, database, fullText, unindexed };
}

/** A problem SQLite reports in the full-text index's own data, which rebuilding the index repairs. */
export function isFullTextProblem(line: string): boolean {
  return /^fts5:/.test(line) && /table "article_fts"/.test(line);
}
