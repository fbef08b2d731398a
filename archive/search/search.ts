import type { Output, SearchResult } from '../api/contract.ts';
import { readOffsets, SUMMARY_COLUMNS, toSummary, type ArticleRow } from '../articles/store.ts';
import type { ArchiveDb } from '../db/open.ts';
import { analyzerFor, isStemmedLanguage, neutralAnalyzer, type LanguageAnalyzer } from '../text/languages.ts';
import { buildMatchExpression } from './match-expression.ts';
import { parseQuery } from './parse-query.ts';
import { buildSnippet, hitPositions, hitRanges } from './snippet.ts';

export type SearchOutput = Output<'search'>;

/** Exact counts stop here; beyond it the UI says "10,000+". */
export const COUNT_CAP = 10_000;

// Analysers for an archive whose languages are not known yet.
const DEFAULT_LANGUAGES = ['fr', 'en'];

interface HighlightRow {
  title_hl: string;
  lead_hl: string;
  body_hl: string;
  title_offsets: Buffer;
  text_offsets: Buffer;
  lead_terms: number;
  title: string;
  text: string;
}

/** Full-text search over the analysed index, ranked by bm25 with the title weighted above the lead and the body. */
export class Searcher {
  private readonly db: ArchiveDb;
  private readonly statements;
  private languages: Set<string> | null = null;

  constructor(db: ArchiveDb) {
    this.db = db;
    const hl = (column: number) => `highlight(article_fts, ${column}, char(2), char(3))`;
    this.statements = {
      page: db.prepare<[string, number, number], ArticleRow & { rank: number }>(
        `SELECT ${SUMMARY_COLUMNS.split(', ')
          .map((c) => `a.${c}`)
          .join(', ')}, f.rank AS rank
         FROM article_fts f JOIN articles a ON a.id = f.rowid
         WHERE article_fts MATCH ? ORDER BY f.rank LIMIT ? OFFSET ?`,
      ),
      count: db.prepare<[string, number], { n: number }>(
        'SELECT count(*) AS n FROM (SELECT 1 FROM article_fts WHERE article_fts MATCH ? LIMIT ?)',
      ),
      highlight: db.prepare<[string, bigint], HighlightRow>(
        `SELECT ${hl(0)} AS title_hl, ${hl(1)} AS lead_hl, ${hl(2)} AS body_hl,
                o.title AS title_offsets, o.text AS text_offsets, o.lead_terms, a.title, a.text
         FROM article_fts f JOIN article_offsets o ON o.article_id = f.rowid JOIN articles a ON a.id = f.rowid
         WHERE article_fts MATCH ? AND f.rowid = ?`,
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

  search(query: string, limit: number, offset: number): SearchOutput {
    const { fts, notice } = buildMatchExpression(parseQuery(query), this.queryAnalyzers());
    if (fts === null) return { total: 0, results: [], notice };
    const rows = this.statements.page.all(fts, limit, offset);
    const total =
      rows.length < limit && (offset === 0 || rows.length > 0)
        ? offset + rows.length
        : (this.statements.count.get(fts, COUNT_CAP + 1)?.n ?? 0);
    const results = rows.map((row): SearchResult => ({
      ...toSummary(row),
      score: -row.rank,
      ...this.highlights(fts, row.id),
    }));
    return { total, results, notice };
  }

  /** Highlights for one result of the page, from FTS5's own match positions mapped to the original text. */
  private highlights(fts: string, id: number): Pick<SearchResult, 'titleHighlights' | 'snippet'> {
    // A JS number binds as a REAL, and FTS5 then ignores the rowid constraint and highlights the wrong row.
    const row = this.statements.highlight.get(fts, BigInt(id));
    if (!row) return { titleHighlights: [], snippet: { text: '', highlights: [] } };
    const textHits = [
      ...hitPositions(row.lead_hl),
      ...hitPositions(row.body_hl).map((position) => position + row.lead_terms),
    ];
    return {
      titleHighlights: hitRanges(hitPositions(row.title_hl), readOffsets(row.title_offsets)),
      snippet: buildSnippet(row.text, hitRanges(textHits, readOffsets(row.text_offsets))),
    };
  }
}
