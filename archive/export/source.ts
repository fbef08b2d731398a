import type { Highlight, SearchSort } from '../api/contract.ts';
import type { StoredArticle } from '../articles/store.ts';
import { SUMMARY_FROM, SUMMARY_SELECT, toSummary, type SummaryRow } from '../articles/summary.ts';
import type { ArchiveDb } from '../db/open.ts';
import { Annotations } from '../library/annotations.ts';
import type { Searcher } from '../search/search.ts';

/** An article with everything an export or a citation shows: metadata, text, the reader's note and highlights. */
export type ExportArticle = StoredArticle & {
  /** When the page was captured (a WARC record's date), where the archive records it. */
  capturedAt: string | null;
  note: string | null;
  highlights: Highlight[];
};

interface ExportRow extends SummaryRow {
  text: string;
  html: string | null;
  author: string | null;
  content_hash: string;
  captured_at: string | null;
}

/** Which articles: these ids (in this order), or the matches of a library query (all articles when empty). */
export type ArticleSelection = { ids: number[] } | { query: string; sort?: SearchSort };

const PAGE = 500;

/** Reads articles for exports and citations, a page at a time so that 100,000 articles never sit in memory at once. */
export class ExportSource {
  private readonly annotations: Annotations;
  private readonly searcher: Searcher;
  private readonly statements;
  /** The archive records capture dates (the CSV then has a column for them). */
  readonly hasCapturedAt: boolean;

  constructor(db: ArchiveDb, searcher: Searcher) {
    this.searcher = searcher;
    this.annotations = new Annotations(db);
    // Archives from before capture dates were recorded have no such column.
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('articles')").all();
    const captured = columns.some((column) => column.name === 'captured_at') ? 'a.captured_at' : 'NULL';
    const select = `SELECT ${SUMMARY_SELECT}, a.text, a.html, a.author, a.content_hash, ${captured} AS captured_at
      FROM ${SUMMARY_FROM}`;
    this.statements = {
      one: db.prepare<[number], ExportRow>(`${select} WHERE a.id = ?`),
      after: db.prepare<[{ after: number; limit: number }], ExportRow>(
        `${select} WHERE a.id > @after ORDER BY a.id LIMIT @limit`,
      ),
      exists: db.prepare<[number], { id: number }>('SELECT id FROM articles WHERE id = ?'),
      idsAfter: db.prepare<[{ after: number; limit: number }], { id: number }>(
        'SELECT id FROM articles WHERE id > @after ORDER BY id LIMIT @limit',
      ),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles'),
      annotated: db.prepare<[], { id: number }>(
        `SELECT id FROM articles WHERE id IN (SELECT article_id FROM highlights)
           OR id IN (SELECT article_id FROM reading_state WHERE note IS NOT NULL) ORDER BY id`,
      ),
    };
    this.hasCapturedAt = captured !== 'NULL';
  }

  private toArticle(row: ExportRow): ExportArticle {
    return {
      ...toSummary(row),
      author: row.author,
      text: row.text,
      html: row.html,
      contentHash: row.content_hash,
      capturedAt: row.captured_at,
      note: this.annotations.readingState(row.id).note,
      highlights: this.annotations.highlightsOf(row.id),
    };
  }

  article(id: number): ExportArticle | null {
    const row = this.statements.one.get(id);
    return row ? this.toArticle(row) : null;
  }

  count(): number {
    return this.statements.count.get()?.n ?? 0;
  }

  /** Every article, by id. */
  *all(): Generator<ExportArticle> {
    for (let after = 0; ;) {
      const rows = this.statements.after.all({ after, limit: PAGE });
      for (const row of rows) yield this.toArticle(row);
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return;
      after = last.id;
    }
  }

  /** The ids of the articles with a highlight or a note. */
  annotatedIds(): number[] {
    return this.statements.annotated.all().map((row) => row.id);
  }

  /**
   * The ids a selection names, at most `cap`: ids are checked to exist (the missing ones are
   * returned apart); a query lists its matches in the library's order (as the search sorts them).
   */
  select(selection: ArticleSelection, cap: number): { ids: number[]; missing: number[]; more: boolean } {
    if ('ids' in selection) {
      const ids = [...new Set(selection.ids)];
      const missing = ids.filter((id) => !this.statements.exists.get(id));
      const found = ids.filter((id) => !missing.includes(id));
      return { ids: found.slice(0, cap), missing, more: found.length > cap };
    }
    const ids: number[] = [];
    const query = selection.query.trim();
    if (query === '') {
      for (let after = 0; ids.length <= cap;) {
        const rows = this.statements.idsAfter.all({ after, limit: PAGE });
        ids.push(...rows.map((row) => row.id));
        const last = rows.at(-1);
        if (!last || rows.length < PAGE) break;
        after = last.id;
      }
    } else {
      for (let offset = 0; ids.length <= cap; offset += PAGE) {
        const { results } = this.searcher.search(query, { limit: PAGE, offset, sort: selection.sort ?? 'newest' });
        // Articles with only some of the words continue a search's list; a selection is what matches.
        const matching = results.filter((result) => result.matchedAll);
        ids.push(...matching.map((result) => result.id));
        if (results.length < PAGE || matching.length < results.length) break;
      }
    }
    return { ids: ids.slice(0, cap), missing: [], more: ids.length > cap };
  }
}
