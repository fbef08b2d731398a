import type { ArchiveDb } from '../db/open.ts';
import { tagKey } from '../library/library.ts';
import type { Searcher } from '../search/search.ts';
import type { BundleArticle, BundleCopy, BundleScope, LibraryEntry } from './format.ts';

export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

/** What goes into a bundle: the articles sent whole, the library entries, and the moments that bound a delta. */
export interface Selection {
  articleIds: number[];
  libraryIds: number[];
  /** The scope in words: the collection's, tag's or saved search's name, the query. */
  label: string | null;
  since: string | null;
  highWater: string;
}

/** A date as typed ("2026-11-01", "2026-11-01T12:00") made into the archive's own ISO form, in UTC. */
export function normaliseSince(since: string): string {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(since) ? `${since}T00:00:00Z` : since);
  if (Number.isNaN(time))
    throw new BundleError(`"${since}" is not a date (write it as 2026-11-01 or 2026-11-01T12:00Z)`);
  return new Date(time).toISOString();
}

const HAS_STATE = `(EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = a.id)
  OR EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id)
  OR EXISTS (SELECT 1 FROM collection_articles m WHERE m.article_id = a.id)
  OR EXISTS (SELECT 1 FROM reading_state r WHERE r.article_id = a.id
             AND (r.bookmarked_at IS NOT NULL OR r.status <> 'unread' OR r.note IS NOT NULL)))`;

/**
 * The articles of a scope, and for a delta those added or changed after `since`. An article is sent
 * whole when it was imported since, or when it may have just entered the scope (its collections
 * changed, for a collection; its tags, for a tag; anything of its state, for a query, which can
 * test tags, collections, bookmarks and status). Otherwise a changed article travels as its library
 * entry only: its text did not change, and the other side has it from an earlier bundle.
 */
export function selectForBundle(
  db: ArchiveDb,
  searcher: Searcher,
  scope: BundleScope,
  options: { since: string | null; withLibrary: boolean },
): Selection {
  let label: string | null = null;
  let inScope: string;
  const params: Record<string, string | number> = {};
  switch (scope.kind) {
    case 'all':
      inScope = 'SELECT id FROM articles';
      break;
    case 'collection': {
      const row = db.prepare<[number], { name: string }>('SELECT name FROM collections WHERE id = ?').get(scope.id);
      if (!row) throw new BundleError(`there is no collection ${scope.id} in this archive`);
      label = row.name;
      params.collection = scope.id;
      inScope = `WITH RECURSIVE tree(id) AS (SELECT @collection UNION SELECT c.id FROM collections c JOIN tree ON c.parent_id = tree.id)
        SELECT article_id FROM collection_articles WHERE collection_id IN tree`;
      break;
    }
    case 'tag': {
      const row = db.prepare<[string], { name: string }>('SELECT name FROM tags WHERE key = ?').get(tagKey(scope.name));
      if (!row) throw new BundleError(`no article is tagged "${scope.name}"`);
      label = row.name;
      params.tag = tagKey(scope.name);
      inScope = 'SELECT x.article_id FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE t.key = @tag';
      break;
    }
    case 'savedSearch':
    case 'query': {
      let query: string;
      if (scope.kind === 'savedSearch') {
        const row = db
          .prepare<[number], { name: string; query: string }>('SELECT name, query FROM saved_searches WHERE id = ?')
          .get(scope.id);
        if (!row) throw new BundleError(`there is no saved search ${scope.id} in this archive`);
        label = row.name;
        query = row.query;
      } else {
        label = scope.query;
        query = scope.query;
      }
      params.ids = JSON.stringify(searcher.matchingIds(query));
      inScope = 'SELECT value FROM json_each(@ids)';
      break;
    }
    case 'ids': {
      const ids = [...new Set(scope.ids)];
      params.ids = JSON.stringify(ids);
      const known = db
        .prepare<[{ ids: string }], { n: number }>(
          'SELECT count(*) AS n FROM articles WHERE id IN (SELECT value FROM json_each(@ids))',
        )
        .get({ ids: params.ids as string });
      if ((known?.n ?? 0) < ids.length) {
        throw new BundleError(
          `${ids.length - (known?.n ?? 0)} of the ${ids.length} articles asked for are not in this archive`,
        );
      }
      inScope = 'SELECT value FROM json_each(@ids)';
      break;
    }
  }

  const entered =
    scope.kind === 'collection'
      ? 'c.collections_changed_at > @since'
      : scope.kind === 'tag'
        ? 'c.tags_changed_at > @since'
        : scope.kind === 'query' || scope.kind === 'savedSearch'
          ? 'c.changed_at > @since'
          : '0';
  const since = options.since;
  const from = `articles a LEFT JOIN library_changes c ON c.article_id = a.id WHERE a.id IN (${inScope})`;
  const ids = (where: string) =>
    (
      db
        .prepare(`SELECT a.id FROM ${from} AND (${where}) ORDER BY a.id`)
        .all(since ? { ...params, since } : params) as {
        id: number;
      }[]
    ).map((row) => row.id);

  const articleIds = ids(since ? `a.imported_at > @since OR ${entered}` : '1');
  const libraryIds = options.withLibrary
    ? ids(since ? `c.changed_at > @since OR (a.imported_at > @since AND ${HAS_STATE})` : HAS_STATE)
    : [];
  const high = db
    .prepare<[], { at: string | null }>(
      `SELECT max(at) AS at FROM (SELECT max(imported_at) AS at FROM articles
       UNION ALL SELECT max(changed_at) FROM library_changes)`,
    )
    .get();
  return { articleIds, libraryIds, label, since, highWater: high?.at ?? new Date().toISOString() };
}

interface ArticleRow {
  title: string;
  text: string;
  html: string | null;
  author: string | null;
  source: string | null;
  url: string | null;
  lang: string | null;
  published_at: string | null;
  published_estimated: number;
  imported_at: string;
  captured_at: string | null;
  source_path: string | null;
  word_count: number;
  content_hash: string;
}

/** Reads articles and their reader's state for a bundle, with statements prepared once. */
export class BundleSource {
  private readonly statements;
  private collectionPaths: Map<number, string[]> | null = null;
  private readonly db: ArchiveDb;

  constructor(db: ArchiveDb) {
    this.db = db;
    this.statements = {
      article: db.prepare<[number], ArticleRow>(
        `SELECT title, text, html, author, source, url, lang, published_at, published_estimated, imported_at,
                captured_at, source_path, word_count, content_hash FROM articles WHERE id = ?`,
      ),
      copies: db.prepare<[number], BundleCopy>(
        `SELECT content_hash AS contentHash, distance, title, url, source, source_path AS sourcePath,
                captured_at AS capturedAt, imported_at AS importedAt
         FROM article_copies WHERE article_id = ? ORDER BY id`,
      ),
      hash: db.prepare<[number], { content_hash: string }>('SELECT content_hash FROM articles WHERE id = ?'),
      tags: db.prepare<[number], { name: string }>(
        'SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = ? ORDER BY t.key',
      ),
      state: db.prepare<
        [number],
        { bookmarked_at: string | null; status: LibraryEntry['status']; note: string | null }
      >('SELECT bookmarked_at, status, note FROM reading_state WHERE article_id = ?'),
      highlights: db.prepare<
        [number],
        {
          start: number;
          end: number;
          quote: string;
          color: LibraryEntry['highlights'][number]['color'];
          note: string | null;
          created_at: string;
          updated_at: string;
        }
      >(
        'SELECT start, end, quote, color, note, created_at, updated_at FROM highlights WHERE article_id = ? ORDER BY start, id',
      ),
      collections: db.prepare<[number], { id: number }>(
        'SELECT collection_id AS id FROM collection_articles WHERE article_id = ?',
      ),
    };
  }

  /** An article as the bundle holds it, before its images are taken out of the HTML. */
  article(id: number): Omit<BundleArticle, 'media'> | null {
    const row = this.statements.article.get(id);
    if (!row) return null;
    const copies = this.statements.copies.all(id);
    return {
      contentHash: row.content_hash,
      title: row.title,
      text: row.text,
      html: row.html,
      author: row.author,
      source: row.source,
      url: row.url,
      lang: row.lang,
      publishedAt: row.published_at,
      publishedEstimated: row.published_estimated === 1,
      capturedAt: row.captured_at,
      archivedAt: row.imported_at,
      sourcePath: row.source_path,
      wordCount: row.word_count,
      ...(copies.length ? { copies } : {}),
    };
  }

  library(id: number): LibraryEntry | null {
    const hash = this.statements.hash.get(id);
    if (!hash) return null;
    const state = this.statements.state.get(id);
    return {
      article: hash.content_hash,
      tags: this.statements.tags.all(id).map((row) => row.name),
      bookmarkedAt: state?.bookmarked_at ?? null,
      status: state?.status ?? 'unread',
      note: state?.note ?? null,
      highlights: this.statements.highlights.all(id).map((h) => ({
        start: h.start,
        end: h.end,
        quote: h.quote,
        color: h.color,
        note: h.note,
        createdAt: h.created_at,
        updatedAt: h.updated_at,
      })),
      collections: this.statements.collections
        .all(id)
        .map((row) => this.collectionPath(row.id))
        .sort((a, b) => a.join('/').localeCompare(b.join('/'))),
    };
  }

  private collectionPath(id: number): string[] {
    if (!this.collectionPaths) {
      const rows = this.db
        .prepare<[], { id: number; name: string; parent_id: number | null }>(
          'SELECT id, name, parent_id FROM collections',
        )
        .all();
      const byId = new Map(rows.map((row) => [row.id, row]));
      this.collectionPaths = new Map();
      for (const row of rows) {
        const path: string[] = [];
        const seen = new Set<number>();
        for (let at: typeof row | undefined = row; at && !seen.has(at.id); at = byId.get(at.parent_id ?? 0)) {
          seen.add(at.id);
          path.unshift(at.name);
        }
        this.collectionPaths.set(row.id, path);
      }
    }
    return this.collectionPaths.get(id) ?? [];
  }
}
