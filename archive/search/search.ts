import type { Output, SearchResult } from '../api/contract.ts';
import { SUMMARY_COLUMNS, toSummary, type ArticleRow } from '../articles/store.ts';
import type { ArchiveDb } from '../db/open.ts';
import { analyzerFor, isStemmedLanguage, neutralAnalyzer, type LanguageAnalyzer } from '../text/languages.ts';
import { buildMatchExpression } from './match-expression.ts';
import { parseQuery } from './parse-query.ts';
import { buildSnippet, hitPositions, hitRanges } from './snippet.ts';
import { unpackOffsets } from '../text/offsets.ts';

export type SearchOutput = Output<'search'>;

/** Exact counts stop here; beyond it the UI says "10,000+". */
export const COUNT_CAP = 10_000;

// Analysers for an archive whose languages are not known yet.
const DEFAULT_LANGUAGES = ['fr', 'en'];

interface ResultRow extends ArticleRow {
  rank: number;
  title_hl: string;
  lead_hl: string;
  body_hl: string;
  title_offsets: Buffer;
  text_offsets: Buffer;
  lead_terms: number;
}

// Prefixes this short are always at least as short as the stems they start.
const SHORTEST_EXPANDED_PREFIX = 4;
const MAX_PREFIX_EXPANSIONS = 50;

/** Full-text search over the analysed index, ranked by bm25 with the title weighted above the lead and the body. */
export class Searcher {
  private readonly db: ArchiveDb;
  private readonly statements;
  private languages: Set<string> | null = null;

  constructor(db: ArchiveDb) {
    this.db = db;
    const hl = (column: number) => `highlight(article_fts, ${column}, char(2), char(3))`;
    const summary = SUMMARY_COLUMNS.split(', ').map((column) => `a.${column}`);
    this.statements = {
      // Highlights are computed in the ranked query itself, so only for the page of results shown.
      page: db.prepare<[string, number, number], ResultRow>(
        `SELECT ${summary.join(', ')}, a.text, f.rank AS rank,
                ${hl(0)} AS title_hl, ${hl(1)} AS lead_hl, ${hl(2)} AS body_hl,
                o.title AS title_offsets, o.text AS text_offsets, o.lead_terms
         FROM article_fts f
         JOIN articles a ON a.id = f.rowid
         JOIN article_offsets o ON o.article_id = f.rowid
         WHERE article_fts MATCH ? ORDER BY f.rank LIMIT ? OFFSET ?`,
      ),
      count: db.prepare<[string, number], { n: number }>(
        'SELECT count(*) AS n FROM (SELECT 1 FROM article_fts WHERE article_fts MATCH ? LIMIT ?)',
      ),
      expandPrefix: db.prepare<[string, string, number, number], { term: string }>(
        `SELECT DISTINCT term FROM vocabulary
         WHERE form >= ? AND form < ? AND length(term) < ? LIMIT ?`,
      ),
      languages: db.prepare<[], { lang: string | null }>('SELECT DISTINCT lang FROM articles'),
    };
  }

  /** Called after an import so queries are analysed for any newly seen language. */
  forgetLanguages(): void {
    this.languages = null;
  }

  private queryAnalyzers(): LanguageAnalyzer[] {
    this.languages ??= new Set(this.statements.languages.all().map((row) => row.lang ?? ''));
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
    return this.statements.expandPrefix
      .all(prefix, end, prefix.length, MAX_PREFIX_EXPANSIONS)
      .map((row) => row.term)
      .filter((term) => !term.startsWith(prefix));
  };

  search(query: string, limit: number, offset: number): SearchOutput {
    const { fts, notice } = buildMatchExpression(parseQuery(query), this.queryAnalyzers(), this.expandPrefix);
    if (fts === null) return { total: 0, results: [], notice };
    const rows = this.statements.page.all(fts, limit, offset);
    const total =
      rows.length < limit && (offset === 0 || rows.length > 0)
        ? offset + rows.length
        : (this.statements.count.get(fts, COUNT_CAP + 1)?.n ?? 0);
    return { total, results: rows.map((row) => this.result(row)), notice };
  }

  /** One result, its highlights mapped from FTS5's match positions to the original text. */
  private result(row: ResultRow): SearchResult {
    const textHits = [
      ...hitPositions(row.lead_hl),
      ...hitPositions(row.body_hl).map((position) => position + row.lead_terms),
    ];
    return {
      ...toSummary(row),
      score: -row.rank,
      titleHighlights: hitRanges(hitPositions(row.title_hl), unpackOffsets(row.title_offsets)),
      snippet: buildSnippet(row.text, hitRanges(textHits, unpackOffsets(row.text_offsets))),
    };
  }
}
