import Database from 'better-sqlite3';
import { ArticleStore } from '../articles/store.ts';
import type { ArchiveDb } from '../db/open.ts';
import { Library } from '../library/library.ts';

/** What could be read back from a damaged archive into the restored one. */
export interface SalvageReport {
  /** Articles in the damaged file and not in the backup (imported after it), stored again. */
  articles: number;
  /** Bookmarks and reading statuses newer in the damaged file than in the backup. */
  readingStates: number;
  /** Articles whose tags were taken from the damaged file. */
  taggedArticles: number;
  /** What could not be read (damaged pages). */
  problems: string[];
}

interface ArticleRow {
  id: number;
  title: string;
  text: string;
  html: string | null;
  source: string | null;
  url: string | null;
  author: string | null;
  lang: string | null;
  published_at: string | null;
  published_estimated: number;
  imported_at: string;
  content_hash: string;
  source_path: string | null;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Rows of a query read up to the first damaged page, then backwards from the end down to it:
 * a damaged region in the middle of a table loses only the rows on it.
 */
function readAround<T extends { id: number }>(damaged: Database.Database, sql: string, problems: string[]): T[] {
  const rows = new Map<number, T>();
  for (const order of ['ASC', 'DESC']) {
    try {
      for (const row of damaged.prepare(`${sql} ORDER BY id ${order}`).iterate() as Iterable<T>) {
        if (rows.has(row.id)) break;
        rows.set(row.id, row);
      }
      if (order === 'ASC') break;
    } catch (error) {
      if (order === 'ASC') problems.push(message(error));
    }
  }
  return [...rows.values()].sort((a, b) => a.id - b.id);
}

/**
 * After a backup was restored over a damaged archive: reads what it can from the damaged file —
 * articles imported since the backup, bookmarks, reading statuses and tags — into the restored
 * archive, matching articles by their content hash. Never writes to the damaged file.
 */
export function salvageInto(db: ArchiveDb, damagedPath: string): SalvageReport {
  const report: SalvageReport = { articles: 0, readingStates: 0, taggedArticles: 0, problems: [] };
  let damaged: Database.Database;
  try {
    damaged = new Database(damagedPath, { readonly: true, fileMustExist: true });
    damaged.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    report.problems.push(`the damaged file cannot be read: ${message(error)}`);
    return report;
  }
  try {
    const store = new ArticleStore(db);
    const byHash = db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE content_hash = ?');
    // Damaged file's article ids → the restored archive's.
    const ids = new Map<number, number>();
    const articles = readAround<ArticleRow>(
      damaged,
      `SELECT id, title, text, html, source, url, author, lang, published_at, published_estimated, imported_at,
              content_hash, source_path FROM articles`,
      report.problems,
    );
    db.transaction(() => {
      for (const row of articles) {
        const existing = byHash.get(row.content_hash);
        if (existing) {
          ids.set(row.id, existing.id);
          continue;
        }
        try {
          const outcome = store.add(
            {
              title: row.title,
              paragraphs: row.text.split('\n\n'),
              html: row.html,
              source: row.source,
              url: row.url,
              author: row.author,
              lang: row.lang,
              publishedAt: row.published_at,
              publishedEstimated: row.published_estimated === 1,
              sourcePath: row.source_path,
            },
            row.imported_at,
          );
          ids.set(row.id, outcome.id);
          if (outcome.status === 'imported') report.articles++;
        } catch (error) {
          report.problems.push(`article ${row.id}: ${message(error)}`);
        }
      }

      const states = readAround<{ id: number; bookmarked_at: string | null; status: string; updated_at: string }>(
        damaged,
        'SELECT article_id AS id, bookmarked_at, status, updated_at FROM reading_state',
        report.problems,
      );
      const upsert = db.prepare(
        `INSERT INTO reading_state (article_id, bookmarked_at, status, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (article_id) DO UPDATE SET bookmarked_at = excluded.bookmarked_at, status = excluded.status,
           updated_at = excluded.updated_at WHERE excluded.updated_at > reading_state.updated_at`,
      );
      for (const state of states) {
        const id = ids.get(state.id);
        if (id === undefined) continue;
        if (upsert.run(id, state.bookmarked_at, state.status, state.updated_at).changes > 0) report.readingStates++;
      }

      // Tags carry no time: the damaged file is the newer state, so its tag sets replace the backup's,
      // for every article it could be read for (when its tag tables could be read whole).
      let tagRows: { id: number; name: string }[];
      try {
        tagRows = damaged
          .prepare('SELECT x.article_id AS id, t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id')
          .all() as { id: number; name: string }[];
      } catch (error) {
        report.problems.push(`tags: ${message(error)}`);
        return;
      }
      const tags = new Map<number, string[]>();
      for (const row of tagRows) tags.set(row.id, [...(tags.get(row.id) ?? []), row.name]);
      const library = new Library(db);
      const current = db.prepare<[number], string>(
        'SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = ? ORDER BY t.name',
      );
      for (const [damagedId, id] of ids) {
        const names = (tags.get(damagedId) ?? []).sort();
        if (JSON.stringify(current.pluck().all(id)) === JSON.stringify(names)) continue;
        library.setTags(id, names);
        report.taggedArticles++;
      }
    })();
  } finally {
    damaged.close();
  }
  return report;
}
