import type { Transaction } from 'better-sqlite3';
import type { ArchiveDb } from '../db/open.ts';
import type { Article, ArticleCopy, ArticleSummary, MentionedDate } from '../api/contract.ts';
import { analyseForIndex, prepareArticle, type IndexAnalysis, type PreparedArticle } from './index-analysis.ts';
import { NearDuplicates } from './near-duplicates.ts';
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
  /** When the page was captured (a WARC record's date, a saved page's), ISO 8601. */
  capturedAt?: string | null;
  /** The dates its text writes out (see readTextDates), stored for the reader to list. */
  mentionedDates?: readonly MentionedDate[];
  /** Its hash, fingerprint and index rows, when an extraction worker computed them already. */
  prepared?: PreparedArticle;
}

/** An article as stored, without the reader's annotations (those are the library's). */
export type StoredArticle = Omit<
  Article,
  'position' | 'note' | 'highlights' | 'collectionIds' | 'copies' | 'mentionedDates'
>;

export type StoreOutcome =
  | { status: 'imported'; id: number }
  /** Not stored: article `id` has the same text, or (`sameAddress`) the same address and another text. */
  | { status: 'duplicate'; id: number; sameAddress?: { capturedAt: string | null } }
  /** Not stored: a copy of article `id` within `distance` bits, linked to it. */
  | { status: 'near-duplicate'; id: number; distance: number };

interface ArticleRow extends SummaryRow {
  text: string;
  html: string | null;
  author: string | null;
  content_hash: string;
}

/**
 * Whether an address names one page, and so one article: a site's home page does not (pages whose
 * canonical link wrongly points there, or feed items that link there, are different articles).
 */
function isPageAddress(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const { pathname, search } = new URL(url);
    return pathname !== '/' || search !== '';
  } catch {
    return false;
  }
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
  private readonly nearDuplicates: NearDuplicates;

  constructor(db: ArchiveDb) {
    this.db = db;
    this.nearDuplicates = new NearDuplicates(db);
    this.addTransaction = db.transaction((article: NewArticle, importedAt: string) => this.insert(article, importedAt));
    this.batchTransaction = db.transaction((articles: readonly NewArticle[], importedAt: string) =>
      articles.map((article) => this.insert(article, importedAt)),
    );
    this.statements = {
      findByHash: db.prepare<[string], { id: number }>('SELECT id FROM articles WHERE content_hash = ?'),
      // A point query on the articles_url index (its entries for one address are in id order).
      findByUrl: db.prepare<[string], { id: number; captured_at: string | null }>(
        'SELECT id, captured_at FROM articles WHERE url = ? ORDER BY id LIMIT 1',
      ),
      insert: db.prepare(
        `INSERT INTO articles (title, text, html, source, url, author, lang, published_at, published_estimated,
                               imported_at, content_hash, source_path, word_count, captured_at)
         VALUES (@title, @text, @html, @source, @url, @author, @lang, @publishedAt, @publishedEstimated,
                 @importedAt, @contentHash, @sourcePath, @wordCount, @capturedAt)`,
      ),
      insertDate: db.prepare(
        `INSERT INTO article_dates (article_id, position, date, precision, phrase)
         VALUES (@id, @position, @date, @precision, @phrase)`,
      ),
      dates: db.prepare<[number], MentionedDate>(
        'SELECT date, precision, phrase FROM article_dates WHERE article_id = ? ORDER BY position',
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
   * Stores an article and indexes it, unless the same text, or another text at the same address, is
   * already in the archive. Runs as its own transaction (a savepoint inside an import batch), so a
   * failure leaves no half-stored article.
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
    const prepared = article.prepared ?? prepareArticle(article);
    const hash = prepared.contentHash;
    const existing = this.statements.findByHash.get(hash);
    if (existing) return { status: 'duplicate', id: existing.id };
    const near = this.nearDuplicates.find(hash, prepared.simhash);
    if (near) {
      this.nearDuplicates.link(near, { ...article, contentHash: hash, importedAt });
      return { status: 'near-duplicate', id: near.articleId, distance: near.distance };
    }
    // Another text at a stored address: a later capture or edit of the page, not a page of its own.
    const sameAddress = isPageAddress(article.url) ? this.statements.findByUrl.get(article.url) : undefined;
    if (sameAddress) {
      return { status: 'duplicate', id: sameAddress.id, sameAddress: { capturedAt: sameAddress.captured_at } };
    }

    const { analysis } = prepared;
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
      capturedAt: article.capturedAt ?? null,
    });
    const id = Number(lastInsertRowid);
    article.mentionedDates?.forEach(({ date, precision, phrase }, position) =>
      this.statements.insertDate.run({ id, position, date, precision, phrase }),
    );
    this.writeIndex(id, analysis);
    this.nearDuplicates.remember(id, prepared.simhash);
    return { status: 'imported', id };
  }

  /**
   * Writes a stored article's index rows again (full-text terms, offsets, vocabulary) from its
   * title and text, exactly as storing it did; for rebuilding the index. Its old rows must be gone.
   * The lead is read back as the text before the first blank line (paragraphs are stored joined by one).
   */
  reindexStored(article: { id: number; title: string; text: string; lang: string | null }): void {
    const blank = article.text.indexOf('\n\n');
    const analysis = analyseForIndex(article.title, article.text, blank === -1 ? 0 : blank, article.lang);
    this.writeIndex(article.id, analysis);
    this.statements.setWordCount.run({ id: article.id, count: analysis.wordCount });
  }

  private writeIndex(id: number, analysis: IndexAnalysis): void {
    this.statements.insertFts.run(id, analysis.titleTerms, analysis.leadTerms, analysis.bodyTerms);
    this.statements.insertOffsets.run(
      id,
      asBuffer(analysis.titleOffsets),
      asBuffer(analysis.textOffsets),
      analysis.leadTermCount,
    );
    this.addVocabulary(analysis.vocabulary);
  }

  private addVocabulary(vocabulary: Iterable<[string, string]>): void {
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

  /** The near-copies met on import and linked to the article instead of stored. */
  copies(id: number): ArticleCopy[] {
    return this.nearDuplicates.copiesOf(id);
  }

  /** The dates the article's text mentions, in the order it first mentions them. */
  mentionedDates(id: number): MentionedDate[] {
    return this.statements.dates.all(id);
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

/** Packed offsets come back from a worker as a plain Uint8Array; SQLite binds a Buffer, made here without a copy. */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
