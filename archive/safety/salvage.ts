import Database from 'better-sqlite3';
import { NearDuplicates } from '../articles/near-duplicates.ts';
import { ArticleStore } from '../articles/store.ts';
import type { ArchiveDb } from '../db/open.ts';
import { Library } from '../library/library.ts';
import { readTextDates } from '../text/dates.ts';

/** What could be read back from a damaged archive into the restored one. */
export interface SalvageReport {
  /** Articles in the damaged file and not in the backup (imported after it), stored again. */
  articles: number;
  /** Bookmarks, reading statuses, positions and notes newer in the damaged file than in the backup. */
  readingStates: number;
  /** Articles whose tags were taken from the damaged file. */
  taggedArticles: number;
  /** Highlights added or changed since the backup (their notes included). */
  highlights: number;
  /** Notes on whole articles that differ from the backup's. */
  notes: number;
  /** Reading positions that differ from the backup's. */
  positions: number;
  /** Collections created, renamed or moved since the backup. */
  collections: number;
  /** Articles whose collections were taken from the damaged file. */
  collectionMemberships: number;
  /** Saved searches created or changed since the backup. */
  savedSearches: number;
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
  captured_at: string | null;
}

interface CopyRow {
  id: number;
  article_id: number;
  content_hash: string;
  distance: number;
  title: string;
  url: string | null;
  source: string | null;
  source_path: string | null;
  captured_at: string | null;
  imported_at: string;
}

interface StateRow {
  id: number;
  bookmarked_at: string | null;
  status: string;
  updated_at: string;
  position: number;
  note: string | null;
}

interface HighlightRow {
  id: number;
  article_id: number;
  start: number;
  end: number;
  quote: string;
  color: string;
  note: string | null;
  created_at: string;
  updated_at: string;
}

interface CollectionRow {
  id: number;
  name: string;
  parent_id: number | null;
  created_at: string;
}

interface SavedSearchRow {
  id: number;
  name: string;
  query: string;
  created_at: string;
  last_opened_at: string;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Rows of a query read up to the first damaged page, then backwards from the end down to it:
 * a damaged region in the middle of a table loses only the rows on it. `whole` says whether
 * every row could be read, which is when the damaged file's set may replace the backup's.
 */
function readAround<T extends { id: number }>(
  damaged: Database.Database,
  sql: string,
  problems: string[],
): { rows: T[]; whole: boolean } {
  const rows = new Map<number, T>();
  let whole = true;
  for (const order of ['ASC', 'DESC']) {
    try {
      for (const row of damaged.prepare(`${sql} ORDER BY id ${order}`).iterate() as Iterable<T>) {
        if (rows.has(row.id)) break;
        rows.set(row.id, row);
      }
      if (order === 'ASC') break;
    } catch (error) {
      whole = false;
      if (order === 'ASC') problems.push(message(error));
    }
  }
  return { rows: [...rows.values()].sort((a, b) => a.id - b.id), whole };
}

/** Whether the damaged file has a table (an older schema may lack the newer tables). */
function hasTable(damaged: Database.Database, name: string): boolean {
  try {
    return damaged.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
  } catch {
    return false;
  }
}

function hasColumn(damaged: Database.Database, table: string, column: string): boolean {
  try {
    return (damaged.pragma(`table_info(${table})`) as { name: string }[]).some((c) => c.name === column);
  } catch {
    return false;
  }
}

/**
 * After a backup was restored over a damaged archive: reads what it can from the damaged file —
 * articles imported since the backup, bookmarks, reading statuses, positions and notes, tags,
 * highlights, collections and their articles, saved searches — into the restored archive, matching
 * articles by their content hash. The damaged file holds the newer state: where a table could be
 * read whole its sets replace the backup's (so what was deleted after the backup stays deleted);
 * where pages were lost, what could be read is added and nothing is removed. Never writes to the
 * damaged file.
 */
export function salvageInto(db: ArchiveDb, damagedPath: string): SalvageReport {
  const report: SalvageReport = {
    articles: 0,
    readingStates: 0,
    taggedArticles: 0,
    highlights: 0,
    notes: 0,
    positions: 0,
    collections: 0,
    collectionMemberships: 0,
    savedSearches: 0,
    problems: [],
  };
  let damaged: Database.Database;
  try {
    damaged = new Database(damagedPath, { readonly: true, fileMustExist: true });
    damaged.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    report.problems.push(`the damaged file cannot be read: ${message(error)}`);
    return report;
  }
  try {
    db.transaction(() => {
      const ids = salvageArticles(db, damaged, report);
      if (hasTable(damaged, 'article_copies')) salvageCopies(db, damaged, ids, report);
      salvageReadingStates(db, damaged, ids, report);
      salvageTags(db, damaged, ids, report);
      if (hasTable(damaged, 'highlights')) salvageHighlights(db, damaged, ids, report);
      if (hasTable(damaged, 'collections')) salvageCollections(db, damaged, ids, report);
      if (hasTable(damaged, 'saved_searches')) salvageSavedSearches(db, damaged, report);
    })();
  } finally {
    damaged.close();
  }
  return report;
}

/** Stores the articles the backup lacks; answers the damaged file's article ids → the restored archive's. */
function salvageArticles(db: ArchiveDb, damaged: Database.Database, report: SalvageReport): Map<number, number> {
  const store = new ArticleStore(db);
  const byHash = db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE content_hash = ?');
  const ids = new Map<number, number>();
  const captured = hasColumn(damaged, 'articles', 'captured_at') ? 'captured_at' : 'NULL AS captured_at';
  const { rows } = readAround<ArticleRow>(
    damaged,
    `SELECT id, title, text, html, source, url, author, lang, published_at, published_estimated, imported_at,
            content_hash, source_path, ${captured} FROM articles`,
    report.problems,
  );
  for (const row of rows) {
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
          capturedAt: row.captured_at,
          // Derived from the text, so read again rather than salvaged from a table that may be damaged.
          mentionedDates: readTextDates(`${row.title}\n${row.text}`, row.lang, new Date(row.imported_at)).mentioned,
        },
        row.imported_at,
      );
      ids.set(row.id, outcome.id);
      if (outcome.status === 'imported') report.articles++;
    } catch (error) {
      report.problems.push(`article ${row.id}: ${message(error)}`);
    }
  }
  return ids;
}

/**
 * The near-duplicate copies linked to salvaged articles: added to the article they copy, unless a
 * copy with the same content hash is already recorded, or its text is stored here as an article.
 */
function salvageCopies(db: ArchiveDb, damaged: Database.Database, ids: Map<number, number>, report: SalvageReport) {
  const { rows } = readAround<CopyRow>(
    damaged,
    `SELECT id, article_id, content_hash, distance, title, url, source, source_path, captured_at, imported_at
     FROM article_copies`,
    report.problems,
  );
  const nearDuplicates = new NearDuplicates(db);
  const isArticle = db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE content_hash = ?');
  for (const row of rows) {
    const articleId = ids.get(row.article_id);
    if (articleId === undefined || isArticle.get(row.content_hash)) continue;
    nearDuplicates.link(
      { articleId, distance: row.distance },
      {
        contentHash: row.content_hash,
        title: row.title,
        url: row.url,
        source: row.source,
        sourcePath: row.source_path,
        capturedAt: row.captured_at,
        importedAt: row.imported_at,
      },
    );
  }
}

/** Bookmarks, statuses, positions and notes: a row newer in the damaged file wins as a whole. */
function salvageReadingStates(
  db: ArchiveDb,
  damaged: Database.Database,
  ids: Map<number, number>,
  report: SalvageReport,
): void {
  const annotated = hasColumn(damaged, 'reading_state', 'position');
  const { rows } = readAround<StateRow>(
    damaged,
    `SELECT article_id AS id, bookmarked_at, status, updated_at, ${annotated ? 'position, note' : '0 AS position, NULL AS note'}
     FROM reading_state`,
    report.problems,
  );
  const current = db.prepare<[number], StateRow>(
    'SELECT article_id AS id, bookmarked_at, status, updated_at, position, note FROM reading_state WHERE article_id = ?',
  );
  const upsert = db.prepare<
    [{ id: number; bookmarked: string | null; status: string; updated: string; position: number; note: string | null }]
  >(
    `INSERT INTO reading_state (article_id, bookmarked_at, status, updated_at, position, note)
     VALUES (@id, @bookmarked, @status, @updated, @position, @note)
     ON CONFLICT (article_id) DO UPDATE SET bookmarked_at = excluded.bookmarked_at, status = excluded.status,
       updated_at = excluded.updated_at, position = excluded.position, note = excluded.note`,
  );
  for (const state of rows) {
    const id = ids.get(state.id);
    if (id === undefined) continue;
    const now = current.get(id);
    if (now && now.updated_at >= state.updated_at) continue;
    upsert.run({
      id,
      bookmarked: state.bookmarked_at,
      status: state.status,
      updated: state.updated_at,
      position: state.position,
      note: state.note,
    });
    report.readingStates++;
    if ((now?.note ?? null) !== state.note) report.notes++;
    if ((now?.position ?? 0) !== state.position) report.positions++;
  }
}

/** Tags carry no time: the damaged file's tag sets replace the backup's, when its tag tables read whole. */
function salvageTags(db: ArchiveDb, damaged: Database.Database, ids: Map<number, number>, report: SalvageReport) {
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
}

/**
 * Highlights, matched by article and passage: a newer one in the damaged file updates its colour and
 * note, a missing one is added; when the table read whole, one the damaged file no longer has was deleted.
 */
function salvageHighlights(
  db: ArchiveDb,
  damaged: Database.Database,
  ids: Map<number, number>,
  report: SalvageReport,
): void {
  const { rows, whole } = readAround<HighlightRow>(
    damaged,
    'SELECT id, article_id, start, "end", quote, color, note, created_at, updated_at FROM highlights',
    report.problems,
  );
  const existing = db.prepare<[number, number, number], HighlightRow>(
    'SELECT * FROM highlights WHERE article_id = ? AND start = ? AND "end" = ?',
  );
  const insert = db.prepare(
    `INSERT INTO highlights (article_id, start, "end", quote, color, note, created_at, updated_at)
     VALUES (@article, @start, @end, @quote, @color, @note, @created, @updated) RETURNING id`,
  );
  const update = db.prepare('UPDATE highlights SET color = @color, note = @note, updated_at = @updated WHERE id = @id');
  const kept = new Set<number>();
  for (const row of rows) {
    const article = ids.get(row.article_id);
    if (article === undefined) continue;
    const match = existing.get(article, row.start, row.end);
    const values = { color: row.color, note: row.note, updated: row.updated_at };
    if (!match) {
      const { id } = insert.get({
        ...values,
        article,
        start: row.start,
        end: row.end,
        quote: row.quote,
        created: row.created_at,
      }) as { id: number };
      kept.add(id);
      report.highlights++;
      continue;
    }
    kept.add(match.id);
    if (match.updated_at < row.updated_at && (match.color !== row.color || match.note !== row.note)) {
      update.run({ ...values, id: match.id });
      report.highlights++;
    }
  }
  if (!whole) return;
  const ofArticle = db.prepare<[number], { id: number }>('SELECT id FROM highlights WHERE article_id = ?');
  const remove = db.prepare<[number]>('DELETE FROM highlights WHERE id = ?');
  for (const article of ids.values()) {
    for (const { id } of ofArticle.all(article)) {
      if (kept.has(id)) continue;
      remove.run(id);
      report.highlights++;
    }
  }
}

/**
 * Collections, matched by id and creation time (the same collection, maybe renamed or moved since),
 * else by parent and name; then each article's collections, as the damaged file has them.
 */
function salvageCollections(
  db: ArchiveDb,
  damaged: Database.Database,
  ids: Map<number, number>,
  report: SalvageReport,
): void {
  const { rows, whole } = readAround<CollectionRow>(
    damaged,
    'SELECT id, name, parent_id, created_at FROM collections',
    report.problems,
  );
  const byId = db.prepare<[number], CollectionRow>('SELECT * FROM collections WHERE id = ?');
  const byName = db.prepare<[number | null, string], CollectionRow>(
    'SELECT * FROM collections WHERE parent_id IS ? AND name = ? COLLATE NOCASE',
  );
  const insert = db.prepare<[{ name: string; parent: number | null; created: string }], { id: number }>(
    'INSERT INTO collections (name, parent_id, created_at) VALUES (@name, @parent, @created) RETURNING id',
  );
  const change = db.prepare('UPDATE collections SET name = @name, parent_id = @parent WHERE id = @id');
  const collections = new Map<number, number>();
  // Parents before their children; a collection whose parent was lost goes to the top level.
  const pending = [...rows];
  while (pending.length > 0) {
    const ready = pending.filter(
      (row) => row.parent_id === null || collections.has(row.parent_id) || !rows.some((r) => r.id === row.parent_id),
    );
    const batch = ready.length > 0 ? ready : pending.slice(0, 1);
    for (const row of batch) {
      pending.splice(pending.indexOf(row), 1);
      const parent = row.parent_id === null ? null : (collections.get(row.parent_id) ?? null);
      const same = byId.get(row.id);
      try {
        if (same && same.created_at === row.created_at) {
          collections.set(row.id, same.id);
          if (same.name !== row.name || same.parent_id !== parent) {
            change.run({ id: same.id, name: row.name, parent });
            report.collections++;
          }
          continue;
        }
        const named = byName.get(parent, row.name);
        if (named) {
          collections.set(row.id, named.id);
          continue;
        }
        collections.set(row.id, (insert.get({ name: row.name, parent, created: row.created_at }) as { id: number }).id);
        report.collections++;
      } catch (error) {
        report.problems.push(`collection ${row.name}: ${message(error)}`);
      }
    }
  }
  if (whole) {
    const matched = new Set(collections.values());
    const all = db.prepare<[], { id: number }>('SELECT id FROM collections').all();
    const remove = db.prepare<[number]>('DELETE FROM collections WHERE id = ?');
    for (const { id } of all) {
      if (matched.has(id)) continue;
      remove.run(id);
      report.collections++;
    }
  }

  let members: { collection_id: number; article_id: number; added_at: string }[];
  try {
    members = damaged
      .prepare('SELECT collection_id, article_id, added_at FROM collection_articles')
      .all() as typeof members;
  } catch (error) {
    report.problems.push(`collection articles: ${message(error)}`);
    return;
  }
  const wanted = new Map<number, Map<number, string>>();
  for (const member of members) {
    const article = ids.get(member.article_id);
    const collection = collections.get(member.collection_id);
    if (article === undefined || collection === undefined) continue;
    const set = wanted.get(article) ?? new Map<number, string>();
    set.set(collection, member.added_at);
    wanted.set(article, set);
  }
  const current = db.prepare<[number], number>(
    'SELECT collection_id FROM collection_articles WHERE article_id = ? ORDER BY collection_id',
  );
  const clear = db.prepare<[number]>('DELETE FROM collection_articles WHERE article_id = ?');
  const add = db.prepare<[number, number, string]>(
    'INSERT OR IGNORE INTO collection_articles (collection_id, article_id, added_at) VALUES (?, ?, ?)',
  );
  // Every article read from the damaged file: its membership as the file has it (none, too, is an answer).
  for (const article of new Set(ids.values())) {
    const target = wanted.get(article) ?? new Map<number, string>();
    const now = current.pluck().all(article);
    const next = [...target.keys()].sort((a, b) => a - b);
    if (JSON.stringify(now) === JSON.stringify(next)) continue;
    clear.run(article);
    for (const [collection, addedAt] of target) add.run(collection, article, addedAt);
    report.collectionMemberships++;
  }
}

/** Saved searches, matched by name: the damaged file's query and last opening win; one deleted since goes. */
function salvageSavedSearches(db: ArchiveDb, damaged: Database.Database, report: SalvageReport): void {
  const { rows, whole } = readAround<SavedSearchRow>(
    damaged,
    'SELECT id, name, query, created_at, last_opened_at FROM saved_searches',
    report.problems,
  );
  const byName = db.prepare<[string], SavedSearchRow>('SELECT * FROM saved_searches WHERE name = ?');
  const upsert = db.prepare(
    `INSERT INTO saved_searches (name, query, created_at, last_opened_at) VALUES (@name, @query, @created, @opened)
     ON CONFLICT (name) DO UPDATE SET query = excluded.query, last_opened_at = excluded.last_opened_at`,
  );
  const names = new Set<string>();
  for (const row of rows) {
    names.add(row.name.toLowerCase());
    const now = byName.get(row.name);
    if (now && now.query === row.query && now.last_opened_at >= row.last_opened_at) continue;
    upsert.run({ name: row.name, query: row.query, created: row.created_at, opened: row.last_opened_at });
    report.savedSearches++;
  }
  if (!whole) return;
  const remove = db.prepare<[number]>('DELETE FROM saved_searches WHERE id = ?');
  for (const row of db.prepare<[], SavedSearchRow>('SELECT * FROM saved_searches').all()) {
    if (names.has(row.name.toLowerCase())) continue;
    remove.run(row.id);
    report.savedSearches++;
  }
}
