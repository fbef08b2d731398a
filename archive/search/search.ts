import type { Statement } from 'better-sqlite3';
import { DEFAULT_SEARCH_LIMIT, type Output, type SearchResult, type SearchSort } from '../api/contract.ts';
import { SUMMARY_SELECT, toSummary, type SummaryRow } from '../articles/summary.ts';
import type { ArchiveDb } from '../db/open.ts';
import { analyzerFor, isStemmedLanguage, neutralAnalyzer, type LanguageAnalyzer } from '../text/languages.ts';
import { unpackOffsets } from '../text/offsets.ts';
import { filterSql, type FilterSql } from './filters.ts';
import { buildMatchExpression } from './match-expression.ts';
import { parseQuery, type ParsedQuery } from './parse-query.ts';
import { buildSnippet, hitPositions, hitRanges } from './snippet.ts';
import { Speller } from './spelling.ts';

export type SearchOutput = Output<'search'>;
export type FacetsOutput = Output<'searchFacets'>;

export interface SearchOptions {
  limit: number;
  offset: number;
  sort?: SearchSort;
  asYouType?: boolean;
}

/** Exact counts stop here; beyond it the UI says "10,000+". */
export const COUNT_CAP = 10_000;

// Analysers for an archive whose languages are not known yet.
const DEFAULT_LANGUAGES = ['fr', 'en'];

// Prefixes this short are always at least as short as the stems they start.
const SHORTEST_EXPANDED_PREFIX = 4;
const MAX_PREFIX_EXPANSIONS = 50;

const FACET_LIMIT = 30;

const FROM_MATCHES = `article_fts f JOIN articles a ON a.id = f.rowid LEFT JOIN reading_state r ON r.article_id = a.id`;
const FROM_ARTICLES = `articles a LEFT JOIN reading_state r ON r.article_id = a.id`;

const hl = (column: number) => `highlight(article_fts, ${column}, char(2), char(3))`;
const HIGHLIGHTS = `${hl(0)} AS title_hl, ${hl(1)} AS lead_hl, ${hl(2)} AS body_hl,
  o.title AS title_offsets, o.text AS text_offsets, o.lead_terms`;

const ORDER: Record<Exclude<SearchSort, 'relevance'>, string> = {
  // Undated articles come after the dated ones either way, newest imports first.
  newest: 'a.published_at IS NULL, a.published_at DESC, a.imported_at DESC, a.id DESC',
  oldest: 'a.published_at IS NULL, a.published_at ASC, a.imported_at DESC, a.id DESC',
  title: 'a.title COLLATE NOCASE ASC, a.id ASC',
  added: 'a.imported_at DESC, a.id DESC',
};

interface ResultRow extends SummaryRow {
  text: string;
  rank: number | null;
  title_hl?: string;
  lead_hl?: string;
  body_hl?: string;
  title_offsets?: Buffer;
  text_offsets?: Buffer;
  lead_terms?: number;
}

type Params = Record<string, string | number>;

/**
 * Full-text search over the analysed index: bm25 with the title weighted above the lead and the
 * body, a bonus for words close together, metadata filters, date sorts, and a list that goes on
 * with partial matches when too few articles have every word.
 */
export class Searcher {
  private readonly db: ArchiveDb;
  private readonly speller: Speller;
  private readonly cache = new Map<string, Statement<unknown[]>>();
  private languages: Set<string> | null = null;

  constructor(db: ArchiveDb) {
    this.db = db;
    this.speller = new Speller(db);
  }

  private statement(sql: string): Statement<unknown[]> {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[]>(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }

  /** Called after an import so queries are analysed for any newly seen language. */
  forgetLanguages(): void {
    this.languages = null;
  }

  private queryAnalyzers(): LanguageAnalyzer[] {
    this.languages ??= new Set(
      (this.statement('SELECT DISTINCT lang FROM articles').all() as { lang: string | null }[]).map(
        (row) => row.lang ?? '',
      ),
    );
    if (this.languages.size === 0) return DEFAULT_LANGUAGES.map((lang) => analyzerFor(lang));
    const languages = [...this.languages];
    const analyzers = languages.filter(isStemmedLanguage).map((lang) => analyzerFor(lang));
    // Articles in a language without a stemmer (or none detected) were indexed with the neutral analyser.
    if (languages.some((lang) => !isStemmedLanguage(lang))) analyzers.push(neutralAnalyzer);
    return analyzers;
  }

  private readonly expandPrefix = (prefix: string): string[] => {
    if (prefix.length < SHORTEST_EXPANDED_PREFIX) return [];
    const end = prefix.slice(0, -1) + String.fromCodePoint((prefix.codePointAt(prefix.length - 1) ?? 0) + 1);
    const rows = this.statement(
      'SELECT DISTINCT term FROM vocabulary WHERE form >= ? AND form < ? AND length(term) < ? LIMIT ?',
    ).all(prefix, end, prefix.length, MAX_PREFIX_EXPANSIONS) as { term: string }[];
    return rows.map((row) => row.term).filter((term) => !term.startsWith(prefix));
  };

  private compile(query: string, asYouType = false) {
    const parsed = parseQuery(query, { asYouType });
    const expression = buildMatchExpression(parsed, this.queryAnalyzers(), this.expandPrefix);
    return { parsed, expression, filters: filterSql(parsed.filters) };
  }

  search(query: string, options: SearchOptions): SearchOutput {
    const { limit, offset, sort = 'relevance' } = options;
    const { parsed, expression, filters } = this.compile(query, options.asYouType);
    const { fts, relaxed, notice } = expression;
    const empty = { total: 0, results: [], relaxed: false, suggestion: null, notice };
    // Words that came to nothing match nothing; no words at all (filters or an empty query) list articles.
    if (fts === null && parsed.groups.length > 0) return empty;
    const listing = fts === null;

    const strictRows = this.page(fts, filters, sort, limit, offset);
    // A listing is counted exactly: it is what the library shows as its number of articles.
    const strictTotal =
      strictRows.length < limit && (offset === 0 || strictRows.length > 0)
        ? offset + strictRows.length
        : this.count(fts, filters, listing ? Number.MAX_SAFE_INTEGER : COUNT_CAP + 1);
    const results = strictRows.map((row) => this.result(row, true));
    let total = strictTotal;
    const relax = relaxed !== null && strictTotal < limit;
    if (relax) {
      const relaxedRows = this.page(relaxed, filters, sort, limit - results.length, Math.max(0, offset - strictTotal));
      results.push(...relaxedRows.map((row) => this.result(row, false)));
      total = Math.min(COUNT_CAP + 1, strictTotal + this.count(relaxed, filters));
    }
    const suggestion = total === 0 ? this.suggest(query, parsed) : null;
    return {
      total,
      results,
      relaxed: relax && total > strictTotal,
      suggestion,
      notice: notice?.code === 'empty_query' ? null : notice,
    };
  }

  /** One page of matches, highlighted; the highlights are computed only for the rows of the page. */
  private page(fts: string | null, filters: FilterSql, sort: SearchSort, limit: number, offset: number): ResultRow[] {
    const params: Params = { ...filters.params, limit, offset };
    const conditions = filters.where.length ? ` AND ${filters.where.join(' AND ')}` : '';
    if (fts === null) {
      const order = ORDER[sort === 'relevance' ? 'newest' : sort];
      return this.statement(
        `SELECT ${SUMMARY_SELECT}, a.text, NULL AS rank FROM ${FROM_ARTICLES}
         WHERE 1${conditions} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
      ).all(params) as ResultRow[];
    }
    params.fts = fts;
    if (sort === 'relevance') {
      return this.statement(
        `SELECT ${SUMMARY_SELECT}, a.text, f.rank AS rank, ${HIGHLIGHTS}
         FROM ${FROM_MATCHES} JOIN article_offsets o ON o.article_id = f.rowid
         WHERE article_fts MATCH @fts${conditions} ORDER BY f.rank LIMIT @limit OFFSET @offset`,
      ).all(params) as ResultRow[];
    }
    // Sorted otherwise, the page's 20 ids are chosen first, and only they are joined and highlighted
    // (CROSS JOIN keeps SQLite from reordering the joins to visit every match).
    return this.statement(
      `WITH page AS MATERIALIZED (
         SELECT a.id FROM ${FROM_MATCHES}
         WHERE article_fts MATCH @fts${conditions} ORDER BY ${ORDER[sort]} LIMIT @limit OFFSET @offset)
       SELECT ${SUMMARY_SELECT}, a.text, f.rank AS rank, ${HIGHLIGHTS}
       FROM article_fts f CROSS JOIN page ON page.id = f.rowid CROSS JOIN articles a ON a.id = f.rowid
       LEFT JOIN reading_state r ON r.article_id = a.id CROSS JOIN article_offsets o ON o.article_id = f.rowid
       WHERE article_fts MATCH @fts ORDER BY ${ORDER[sort]}`,
    ).all(params) as ResultRow[];
  }

  private count(fts: string | null, filters: FilterSql, cap = COUNT_CAP + 1): number {
    const conditions = filters.where.length ? ` AND ${filters.where.join(' AND ')}` : '';
    const sql =
      fts === null
        ? `SELECT count(*) AS n FROM (SELECT 1 FROM ${FROM_ARTICLES} WHERE 1${conditions} LIMIT @cap)`
        : // Without metadata conditions FTS5 counts alone, without reading each article's row.
          conditions === ''
          ? `SELECT count(*) AS n FROM (SELECT 1 FROM article_fts WHERE article_fts MATCH @fts LIMIT @cap)`
          : `SELECT count(*) AS n FROM (SELECT 1 FROM ${FROM_MATCHES} WHERE article_fts MATCH @fts${conditions} LIMIT @cap)`;
    const params: Params = { ...filters.params, cap };
    if (fts !== null) params.fts = fts;
    return (this.statement(sql).get(params) as { n: number }).n;
  }

  /** One result, its highlights mapped from FTS5's match positions to the original text. */
  private result(row: ResultRow, matchedAll: boolean): SearchResult {
    const highlighted = row.text_offsets !== undefined && row.title_offsets !== undefined;
    const textHits = highlighted
      ? [
          ...hitPositions(row.lead_hl ?? ''),
          ...hitPositions(row.body_hl ?? '').map((position) => position + (row.lead_terms ?? 0)),
        ]
      : [];
    return {
      ...toSummary(row),
      score: row.rank === null ? 0 : -row.rank,
      matchedAll,
      titleHighlights: highlighted
        ? hitRanges(hitPositions(row.title_hl ?? ''), unpackOffsets(row.title_offsets as Buffer))
        : [],
      snippet: buildSnippet(
        row.text,
        highlighted ? hitRanges(textHits, unpackOffsets(row.text_offsets as Buffer)) : [],
      ),
    };
  }

  /** The query with each word the archive does not have replaced by its nearest archive word. */
  private suggest(query: string, parsed: ParsedQuery): string | null {
    const analyzers = this.queryAnalyzers();
    let suggestion = query;
    for (const group of parsed.groups) {
      if (group.excluded) continue;
      for (const item of group.alternatives) {
        if (item.kind !== 'word' || item.prefix || this.speller.known(item.text, analyzers)) continue;
        const correction = this.speller.correct(item.text);
        if (correction) suggestion = suggestion.replace(item.text, correction);
      }
    }
    return suggestion === query ? null : suggestion;
  }

  /** How many articles matching a query were imported after a moment: a saved search's new matches. */
  countImportedSince(query: string, since: string): number {
    const { parsed, expression, filters } = this.compile(query);
    if (expression.fts === null && (parsed.filters.length === 0 || parsed.groups.length > 0)) return 0;
    const recent = { where: [...filters.where, 'a.imported_at > @since'], params: { ...filters.params, since } };
    return this.count(expression.fts, recent);
  }

  /** How many matching articles have each source, language, year and tag. */
  facets(query: string, asYouType = false): FacetsOutput {
    const { parsed, expression, filters } = this.compile(query, asYouType);
    if (expression.fts === null && parsed.groups.length > 0) return { sources: [], languages: [], years: [], tags: [] };
    // The counts describe the list a search shows (a page by default), which goes on with partial
    // matches when fewer than a page have every word.
    const fts =
      expression.relaxed !== null &&
      expression.fts !== null &&
      this.count(expression.fts, filters, DEFAULT_SEARCH_LIMIT) < DEFAULT_SEARCH_LIMIT
        ? `${expression.fts} OR (${expression.relaxed})`
        : expression.fts;
    const conditions = filters.where.length ? ` AND ${filters.where.join(' AND ')}` : '';
    const params: Params = { ...filters.params, limit: FACET_LIMIT };
    const hits =
      fts === null
        ? `SELECT a.id, a.source, a.lang, a.published_at FROM ${FROM_ARTICLES} WHERE 1${conditions}`
        : `SELECT a.id, a.source, a.lang, a.published_at FROM ${FROM_MATCHES} WHERE article_fts MATCH @fts${conditions}`;
    if (fts !== null) params.fts = fts;
    const rows = this.statement(
      `WITH hits AS MATERIALIZED (${hits})
       SELECT * FROM (SELECT 'sources' AS facet, source AS value, count(*) AS count FROM hits
                      GROUP BY source ORDER BY count DESC LIMIT @limit)
       UNION ALL SELECT 'languages', lang, count(*) FROM hits GROUP BY lang
       UNION ALL SELECT 'years', substr(published_at, 1, 4), count(*) FROM hits GROUP BY 2
       UNION ALL SELECT * FROM (SELECT 'tags', t.name, count(*) AS count FROM hits
                                JOIN article_tags x ON x.article_id = hits.id JOIN tags t ON t.id = x.tag_id
                                GROUP BY t.id ORDER BY count DESC LIMIT @limit)`,
    ).all(params) as { facet: keyof FacetsOutput; value: string | null; count: number }[];
    const facets: FacetsOutput = { sources: [], languages: [], years: [], tags: [] };
    for (const { facet, value, count } of rows) facets[facet].push({ value, count });
    facets.languages.sort((a, b) => b.count - a.count);
    facets.years.sort((a, b) => (b.value ?? '').localeCompare(a.value ?? ''));
    return facets;
  }
}
