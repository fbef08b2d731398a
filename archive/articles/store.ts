import type { Transaction } from 'better-sqlite3';
import type { ArchiveDb } from '../db/open.ts';
import type { Article, ArticleSummary } from '../api/contract.ts';
import { analyseField, type AnalysedField } from '../text/analyze.ts';
import { contentHash } from './content-hash.ts';
import { packOffsets } from '../text/offsets.ts';
import { SUMMARY_FROM, SUMMARY_SELECT, toSummary, type SummaryRow } from './summary.ts';

export interface NewArticle {
  title: string;
  /** The article's text as paragraphs; stored joined by blank lines. */
  paragraphs: string[];
  html?: string | null;
  source?: string | null;
  url?: string | null;
  author?: string | null;
  lang: string | null;
  publishedAt?: string | null;
  /** The publication date was read from the text, not from metadata. */
  publishedEstimated?: boolean;
  sourcePath?: string | null;
}

/** An article as stored, without the reader's annotations (those are the library's). */
export type StoredArticle = Omit<Article, 'position' | 'note' | 'highlights' | 'collectionIds'>;

export type StoreOutcome = { status: 'imported'; id: number } | { status: 'duplicate'; id: number };

/** An article's title and text as the index stores them. */
interface IndexAnalysis {
  title: AnalysedField;
  text: AnalysedField;
  /** The text's terms; the first `leadTerms` are the lead's. */
  terms: string[];
  leadTerms: number;
  wordCount: number;
}

interface ArticleRow extends SummaryRow {
  text: string;
  html: string | null;
  author: string | null;
  content_hash: string;
}

/** Typed access to the articles and their index, with statements prepared once per connection. */
export class ArticleStore {
  readonly db: ArchiveDb;
  private readonly statements;
  private readonly addTransaction: Transaction<(article: NewArticle, importedAt: string) => StoreOutcome>;
  private readonly batchTransaction: Transaction<
    (articles: readonly NewArticle[], importedAt: string) => StoreOutcome[]
  >;
  // (form, term) pairs known to be in the vocabulary table, so each is written once per session.
  private readonly knownVocabulary = new Set<string>();

  constructor(db: ArchiveDb) {
    this.db = db;
    this.addTransaction = db.transaction((article: NewArticle, importedAt: string) => this.insert(article, importedAt));
    this.batchTransaction = db.transaction((articles: readonly NewArticle[], importedAt: string) =>
      articles.map((article) => this.insert(article, importedAt)),
    );
    this.statements = {
      findByHash: db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE content_hash = ?'),
      insert: db.prepare(
        `INSERT INTO articles (title, text, html, source, url, author, lang, published_at, published_estimated,
                               imported_at, content_hash, source_path, word_count)
         VALUES (@title, @text, @html, @source, @url, @author, @lang, @publishedAt, @publishedEstimated,
                 @importedAt, @contentHash, @sourcePath, @wordCount)`,
      ),
      insertFts: db.prepare('INSERT INTO article_fts (rowid, title, lead, body) VALUES (?, ?, ?, ?)'),
      insertOffsets: db.prepare(
        'INSERT INTO article_offsets (article_id, title, text, lead_terms) VALUES (?, ?, ?, ?)',
      ),
      insertVocabulary: db.prepare('INSERT OR IGNORE INTO vocabulary (form, term) VALUES (?, ?)'),
      setWordCount: db.prepare<[{ id: number; count: number }]>(
        'UPDATE articles SET word_count = @count WHERE id = @id AND word_count <> @count',
      ),
      get: db.prepare<[number], ArticleRow>(
        `SELECT ${SUMMARY_SELECT}, a.text, a.html, a.author, a.content_hash FROM ${SUMMARY_FROM} WHERE a.id = ?`,
      ),
      summary: db.prepare<[number], SummaryRow>(`SELECT ${SUMMARY_SELECT} FROM ${SUMMARY_FROM} WHERE a.id = ?`),
      list: db.prepare<[number, number], SummaryRow>(
        `SELECT ${SUMMARY_SELECT} FROM ${SUMMARY_FROM}
         ORDER BY a.published_at IS NULL, a.published_at DESC, a.imported_at DESC, a.id DESC LIMIT ? OFFSET ?`,
      ),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles'),
      languages: db.prepare<[], { lang: string | null; count: number }>(
        'SELECT lang, count(*) AS count FROM articles GROUP BY lang ORDER BY count DESC',
      ),
    };
  }

  /**
   * Stores an article and indexes it, unless the same text is already in the archive. Runs as its
   * own transaction (a savepoint inside an import batch), so a failure leaves no half-stored article.
   */
  add(article: NewArticle, importedAt = new Date().toISOString()): StoreOutcome {
    try {
      // IMMEDIATE: take the write lock before the duplicate check reads, so another process writing
      // meanwhile (the app while the CLI imports) is waited for instead of failing with SQLITE_BUSY_SNAPSHOT.
      return this.addTransaction.immediate(article, importedAt);
    } catch (error) {
      this.knownVocabulary.clear();
      throw error;
    }
  }

  /**
   * Stores a batch in one transaction, without a savepoint per article. Should one article fail,
   * the batch is rolled back and stored again article by article, so only the bad one is lost.
   */
  addMany(articles: readonly NewArticle[], importedAt = new Date().toISOString()): (StoreOutcome | Error)[] {
    try {
      return this.batchTransaction.immediate(articles, importedAt);
    } catch {
      this.knownVocabulary.clear();
      return articles.map((article) => {
        try {
          return this.add(article, importedAt);
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error));
        }
      });
    }
  }

  private insert(article: NewArticle, importedAt: string): StoreOutcome {
    const text = article.paragraphs.join('\n\n');
    const hash = contentHash(article.title, text);
    const existing = this.statements.findByHash.get(hash);
    if (existing) return { status: 'duplicate', id: existing.id };

    // A lead is the first paragraph of several; an article of one paragraph is all body, or its
    // every word would carry the lead's weight.
    const leadEnd = article.paragraphs.length > 1 ? (article.paragraphs[0]?.length ?? 0) : 0;
    const analysis = this.analyse(article.title, text, leadEnd, article.lang);
    const { lastInsertRowid } = this.statements.insert.run({
      title: article.title,
      text,
      html: article.html ?? null,
      source: article.source ?? null,
      url: article.url ?? null,
      author: article.author ?? null,
      lang: article.lang,
      publishedAt: article.publishedAt ?? null,
      publishedEstimated: article.publishedEstimated ? 1 : 0,
      importedAt,
      contentHash: hash,
      sourcePath: article.sourcePath ?? null,
      wordCount: analysis.wordCount,
    });
    const id = Number(lastInsertRowid);
    this.writeIndex(id, analysis);
    return { status: 'imported', id };
  }

  /**
   * Writes a stored article's index rows again (full-text terms, offsets, vocabulary) from its
   * title and text, exactly as storing it did; for rebuilding the index. Its old rows must be gone.
   * The lead is read back as the text before the first blank line (paragraphs are stored joined by one).
   */
  reindexStored(article: { id: number; title: string; text: string; lang: string | null }): void {
    const blank = article.text.indexOf('\n\n');
    const analysis = this.analyse(article.title, article.text, blank === -1 ? 0 : blank, article.lang);
    this.writeIndex(article.id, analysis);
    this.statements.setWordCount.run({ id: article.id, count: analysis.wordCount });
  }

  /** The analysis of an article for its index: terms of the title, and of the text split into lead and body. */
  private analyse(title: string, text: string, leadEnd: number, lang: string | null): IndexAnalysis {
    const analysedTitle = analyseField(title, lang);
    const analysed = analyseField(text, lang);
    const terms = analysed.terms === '' ? [] : analysed.terms.split(' ');
    let leadTerms = 0;
    while (leadTerms < terms.length && (analysed.offsets[leadTerms * 2] ?? Infinity) < leadEnd) leadTerms++;
    return { title: analysedTitle, text: analysed, terms, leadTerms, wordCount: analysed.wordCount };
  }

  private writeIndex(id: number, analysis: IndexAnalysis): void {
    const { title, text, terms, leadTerms } = analysis;
    this.statements.insertFts.run(
      id,
      title.terms,
      terms.slice(0, leadTerms).join(' '),
      terms.slice(leadTerms).join(' '),
    );
    this.statements.insertOffsets.run(id, packOffsets(title.offsets), packOffsets(text.offsets), leadTerms);
    this.addVocabulary(title.vocabulary);
    this.addVocabulary(text.vocabulary);
  }

  private addVocabulary(vocabulary: Map<string, string>): void {
    if (this.knownVocabulary.size > 200_000) this.knownVocabulary.clear();
    for (const [form, term] of vocabulary) {
      const key = `${form}\u0000${term}`;
      if (this.knownVocabulary.has(key)) continue;
      this.statements.insertVocabulary.run(form, term);
      this.knownVocabulary.add(key);
    }
  }

  get(id: number): StoredArticle | null {
    const row = this.statements.get.get(id);
    if (!row) return null;
    return { ...toSummary(row), author: row.author, text: row.text, html: row.html, contentHash: row.content_hash };
  }

  summary(id: number): ArticleSummary | null {
    const row = this.statements.summary.get(id);
    return row ? toSummary(row) : null;
  }

  list(limit: number, offset: number): { total: number; articles: ArticleSummary[] } {
    return {
      total: this.statements.count.get()?.n ?? 0,
      articles: this.statements.list.all(limit, offset).map(toSummary),
    };
  }

  stats(): { articles: number; languages: { lang: string | null; count: number }[] } {
    return { articles: this.statements.count.get()?.n ?? 0, languages: this.statements.languages.all() };
  }
}
