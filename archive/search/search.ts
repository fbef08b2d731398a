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
type FacetName = Exclude<keyof FacetsOutput, 'estimated'>;

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

// Filters, facets and date sorts read an article's metadata from an index (migration 004), never
// from its row, whose text comes first and spans overflow pages.
const BY_ID = 'articles a INDEXED BY articles_metadata';
const IN_NEWEST_ORDER = 'articles a INDEXED BY articles_newest';
const READING_STATE = 'LEFT JOIN reading_state r ON r.article_id = a.id';
const FROM_MATCHES = `article_fts f JOIN ${BY_ID} ON a.id = f.rowid ${READING_STATE}`;
const FROM_ARTICLES = `${BY_ID} ${READING_STATE}`;

/**
 * Ranking every match costs about a microsecond each (bm25 reads every match's positions). Up to
 * this many matches, all are ranked; beyond, the matches with a query word in their title are
 * ranked and listed first, then the others (ranked in turn only when paged to). A headline hit
 * weighs ten body hits in the ranking, so the first pages are the same but for the rare article
 * that repeats a word ten times without it in its title; and a broad query stays bounded.
 */
const RANK_ALL_UP_TO = 5_000;

/**
 * A date-sorted page of many matches walks the articles in date order and keeps the matches, each
 * kept or skipped at the cost of one full-text lookup (about 50 µs); with few matches, reading
 * each match's date from the index (about 0.3 µs) and sorting is cheaper. The walk is taken when
 * its expected length, (offset + limit) × articles / matches lookups, costs less.
 */
const LOOKUPS_PER_PROBE = 150;

const hl = (column: number) => `highlight(article_fts, ${column}, char(2), char(3))`;
const HIGHLIGHTS = `${hl(0)} AS title_hl, ${hl(1)} AS lead_hl, ${hl(2)} AS body_hl,
  o.title AS title_offsets, o.text AS text_offsets, o.lead_terms`;

const ORDER: Record<Exclude<SearchSort, 'relevance'>, string> = {
  // Undated articles come after the dated ones either way, newest imports first.
  newest: 'a.published_at IS NULL, a.published_at DESC, a.imported_at DESC, a.id DESC',
  oldest: 'a.published_at IS NULL, a.published_at ASC, a.imported_at DESC, a.id DESC',
  title: 'a.title COLLATE NOCASE ASC, a.id ASC',
  // Articles without a source come last; within a source, the newest first.
  source: 'a.source IS NULL, a.source COLLATE NOCASE ASC, a.published_at IS NULL, a.published_at DESC, a.id DESC',
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

const NO_FILTERS: FilterSql = { where: [], params: {} };

/** Whether an FTS5 expression has a prefix (`"coop" *`), which FTS5 expands at each evaluation. */
const isPrefixQuery = (fts: string) => /"\s\*/.test(fts);

/**
 * A query's metadata conditions on the match `f`, read from the metadata index. The subquery's `a`
 * and `r` hide the outer query's, whose rows are then read only for the matches that are kept.
 */
function matchFilter(filters: FilterSql): string {
  if (filters.where.length === 0) return '';
  return ` AND EXISTS (SELECT 1 FROM ${BY_ID} ${READING_STATE} WHERE a.id = f.rowid AND ${filters.where.join(' AND ')})`;
}

/** A full-text expression's matches (null: every article), how many (up to a cap), and its words. */
interface Matches {
  fts: string | null;
  /** The same matches, without the proximity bonus (see MatchExpression). */
  plain: string | null;
  anyWord: string | null;
  /** The matches ranked first when there are many (see MatchExpression). */
  headline: string | null;
  total: number;
}

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
    const { fts, relaxed, anyWord, headline, plain, notice } = expression;
    const empty = { total: 0, results: [], relaxed: false, suggestion: null, notice };
    // Words that came to nothing match nothing; no words at all (filters or an empty query) list articles.
    if (fts === null && parsed.groups.length > 0) return empty;
    const listing = fts === null;

    // A listing is counted exactly: it is what the library shows as its number of articles.
    const strictTotal = this.count(plain ?? fts, filters, listing ? Number.MAX_SAFE_INTEGER : COUNT_CAP + 1);
    const strict = { fts, plain, anyWord, headline, total: strictTotal };
    const results = this.page(strict, filters, sort, limit, offset).map((row) => this.result(row, true));
    let total = strictTotal;
    const relax = relaxed !== null && strictTotal < limit;
    if (relax) {
      const relaxedTotal = this.count(relaxed, filters);
      const partial = {
        fts: relaxed,
        plain: relaxed,
        anyWord,
        headline: anyWord === null ? null : `(${relaxed}) AND {title} : (${anyWord})`,
        total: relaxedTotal,
      };
      const relaxedRows = this.page(partial, filters, sort, limit - results.length, Math.max(0, offset - strictTotal));
      results.push(...relaxedRows.map((row) => this.result(row, false)));
      total = Math.min(COUNT_CAP + 1, strictTotal + relaxedTotal);
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

  /**
   * One page of matches, highlighted; highlights and the articles' rows are read only for the page.
   * By relevance, FTS5 ranks the matches and each is joined as it comes, so reading stops at the
   * page's end; otherwise the page's ids are chosen first from the indexes alone.
   */
  private page(matches: Matches, filters: FilterSql, sort: SearchSort, limit: number, offset: number): ResultRow[] {
    if (limit <= 0 || (matches.fts !== null && matches.total === 0)) return [];
    if (matches.fts !== null && sort === 'relevance') return this.rankedPage(matches, filters, limit, offset);
    const ids = this.sortedIds(matches, filters, sort, limit, offset);
    if (ids.length === 0) return [];
    const params: Params = { page: JSON.stringify(ids) };
    const page = `WITH page(id, position) AS MATERIALIZED (SELECT value, key FROM json_each(@page))`;
    if (matches.fts === null) {
      return this.statement(
        `${page} SELECT ${SUMMARY_SELECT}, a.text, NULL AS rank
         FROM page CROSS JOIN articles a ON a.id = page.id ${READING_STATE} ORDER BY page.position`,
      ).all(params) as ResultRow[];
    }
    // Asking FTS5 for each article of the page evaluates the query once per article: cheap for
    // words and phrases, but a prefix is expanded again each time, so then the matches between the
    // page's first and last ids are visited once instead (FTS5 first, CROSS JOIN).
    const fts = matches.plain ?? matches.fts;
    Object.assign(params, { fts, first: Math.min(...ids), last: Math.max(...ids) });
    const from = isPrefixQuery(fts)
      ? `article_fts f CROSS JOIN page ON page.id = f.rowid WHERE article_fts MATCH @fts
         AND f.rowid BETWEEN @first AND @last AND +f.rowid IN (SELECT id FROM page)`
      : `page CROSS JOIN article_fts f ON f.rowid = page.id WHERE article_fts MATCH @fts`;
    const [source, where] = from.split(' WHERE ') as [string, string];
    // No score: bm25 would count each word's articles again for every article asked for.
    return this.statement(
      `${page} SELECT ${SUMMARY_SELECT}, a.text, NULL AS rank, ${HIGHLIGHTS}
       FROM ${source} CROSS JOIN articles a ON a.id = f.rowid
       ${READING_STATE} CROSS JOIN article_offsets o ON o.article_id = f.rowid
       WHERE ${where} ORDER BY page.position`,
    ).all(params) as ResultRow[];
  }

  /** A page by relevance: every match ranked, or, for many, those with a word in the title first. */
  private rankedPage(matches: Matches, filters: FilterSql, limit: number, offset: number): ResultRow[] {
    // FTS5 ranks its matches before the metadata conditions keep some: what counts is how many it ranks.
    const ranked =
      filters.where.length === 0 || matches.total > RANK_ALL_UP_TO
        ? matches.total
        : this.count(matches.fts, NO_FILTERS, RANK_ALL_UP_TO + 1);
    if (ranked <= RANK_ALL_UP_TO || matches.anyWord === null || matches.headline === null) {
      return this.ranked(matches.fts as string, filters, limit, offset);
    }
    // Among this many matches, the headline tier does what the proximity bonus would, for less.
    const fts = matches.plain ?? (matches.fts as string);
    const first = matches.headline;
    const rows = this.ranked(first, filters, limit, offset);
    if (rows.length === limit) return rows;
    const firstTotal = rows.length > 0 || offset === 0 ? offset + rows.length : this.count(first, filters, offset);
    const rest = `(${fts}) NOT {title} : (${matches.anyWord})`;
    return [...rows, ...this.ranked(rest, filters, limit - rows.length, offset + rows.length - firstTotal)];
  }

  private ranked(fts: string, filters: FilterSql, limit: number, offset: number): ResultRow[] {
    return this.statement(
      `SELECT ${SUMMARY_SELECT}, a.text, f.rank AS rank, ${HIGHLIGHTS}
       FROM article_fts f JOIN articles a ON a.id = f.rowid ${READING_STATE}
       JOIN article_offsets o ON o.article_id = f.rowid
       WHERE article_fts MATCH @fts${matchFilter(filters)} ORDER BY f.rank LIMIT @limit OFFSET @offset`,
    ).all({ ...filters.params, fts, limit, offset }) as ResultRow[];
  }

  /** Ids of a page in date, title or import order. */
  private sortedIds(matches: Matches, filters: FilterSql, sort: SearchSort, limit: number, offset: number): number[] {
    const conditions = filters.where.length ? ` AND ${filters.where.join(' AND ')}` : '';
    const params: Params = { ...filters.params, limit, offset };
    const order = ORDER[sort === 'relevance' ? 'newest' : sort];
    // Titles come before the text in an article's row, so a title sort reads the rows themselves.
    const articles = sort === 'title' ? 'articles a' : BY_ID;
    let sql: string;
    if (matches.fts === null) {
      // Other orders than the newest first walk their own index (imported_at, title) or sort.
      sql = `SELECT a.id FROM ${order === ORDER.newest ? IN_NEWEST_ORDER : 'articles a'} ${READING_STATE}
             WHERE 1${conditions} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
    } else {
      params.fts = matches.fts;
      const plain = matches.plain ?? matches.fts;
      if (
        order === ORDER.newest &&
        !isPrefixQuery(plain) &&
        this.walkIsCheaper(plain, matches.total, filters, limit + offset)
      ) {
        params.fts = plain;
        sql = `SELECT a.id FROM ${IN_NEWEST_ORDER} ${READING_STATE}
               WHERE 1${conditions} AND EXISTS (SELECT 1 FROM article_fts WHERE article_fts MATCH @fts AND rowid = a.id)
               ORDER BY ${order} LIMIT @limit OFFSET @offset`;
      } else {
        sql = `SELECT a.id FROM article_fts f JOIN ${articles} ON a.id = f.rowid ${READING_STATE}
               WHERE article_fts MATCH @fts${conditions} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
      }
    }
    return this.statement(sql).pluck().all(params) as number[];
  }

  private walkIsCheaper(fts: string, total: number, filters: FilterSql, rows: number): boolean {
    const articles = (this.statement('SELECT max(id) FROM articles').pluck().get() as number | null) ?? 0;
    // Enough matches for the walk to pay off (counting stops there); below COUNT_CAP, the count is known.
    const enough = Math.ceil(Math.sqrt(rows * articles * LOOKUPS_PER_PROBE));
    if (total <= COUNT_CAP) return total >= enough;
    return this.count(fts, filters, enough) >= enough;
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

  /** Every article a query matches (all its words: not the partial matches a page may go on with), by id. */
  matchingIds(query: string): number[] {
    const { parsed, expression, filters } = this.compile(query);
    if (expression.fts === null && parsed.groups.length > 0) return [];
    const conditions = filters.where.length ? ` AND ${filters.where.join(' AND ')}` : '';
    const params: Params = { ...filters.params };
    if (expression.fts !== null) params.fts = expression.fts;
    const sql =
      expression.fts === null
        ? `SELECT a.id FROM ${FROM_ARTICLES} WHERE 1${conditions} ORDER BY a.id`
        : `SELECT a.id FROM ${FROM_MATCHES} WHERE article_fts MATCH @fts${conditions} ORDER BY a.id`;
    return (this.statement(sql).all(params) as { id: number }[]).map((row) => row.id);
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
    // Exact up to COUNT_CAP matches; beyond, every k-th match by id (articles are numbered as they
    // are imported, whatever they say) stands for k, so the cost stays that of about COUNT_CAP matches.
    const every =
      fts === null || this.count(fts, filters) <= COUNT_CAP
        ? 1
        : Math.ceil(this.count(fts, NO_FILTERS, Number.MAX_SAFE_INTEGER) / COUNT_CAP);
    const hits =
      fts === null
        ? `SELECT a.id, a.source, a.lang, a.published_at FROM ${FROM_ARTICLES} WHERE 1${conditions}`
        : `SELECT a.id, a.source, a.lang, a.published_at FROM ${FROM_MATCHES}
           WHERE article_fts MATCH @fts AND f.rowid % @every = 0${conditions}`;
    if (fts !== null) Object.assign(params, { fts, every });
    const rows = this.statement(
      `WITH hits AS MATERIALIZED (${hits})
       SELECT * FROM (SELECT 'sources' AS facet, source AS value, count(*) AS count FROM hits
                      GROUP BY source ORDER BY count DESC LIMIT @limit)
       UNION ALL SELECT 'languages', lang, count(*) FROM hits GROUP BY lang
       UNION ALL SELECT 'years', substr(published_at, 1, 4), count(*) FROM hits GROUP BY 2
       UNION ALL SELECT * FROM (SELECT 'tags', t.name, count(*) AS count FROM hits
                                JOIN article_tags x ON x.article_id = hits.id JOIN tags t ON t.id = x.tag_id
                                GROUP BY t.id ORDER BY count DESC LIMIT @limit)`,
    ).all(params) as { facet: FacetName; value: string | null; count: number }[];
    const facets: FacetsOutput = { sources: [], languages: [], years: [], tags: [] };
    for (const { facet, value, count } of rows) facets[facet].push({ value, count: count * every });
    if (every > 1) facets.estimated = true;
    facets.languages.sort((a, b) => b.count - a.count);
    facets.years.sort((a, b) => (b.value ?? '').localeCompare(a.value ?? ''));
    return facets;
  }
}
