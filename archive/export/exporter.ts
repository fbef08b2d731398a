import type { ArchiveDb } from '../db/open.ts';
import type { Searcher } from '../search/search.ts';
import { CITATION_FILES, formatCitations, type CitationFormat, type CitationLocale } from '../citations/cite.ts';
import { csvHeaderLine, csvRows } from './csv.ts';
import { articleFileName } from './file-names.ts';
import { articleHtml } from './html.ts';
import type { ExportLocale } from './labels.ts';
import { articleMarkdown } from './markdown.ts';
import { ExportSource, type ArticleSelection, type ExportArticle } from './source.ts';

/** A file an export makes: its name, media type and text. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** How far a long export is: `done` of `total` articles. */
export type ExportProgress = (done: number, total: number) => void;

/** Most articles one citation list or a query's CSV takes (a search counts exactly up to 10,000 anyway). */
export const MAX_CITED = 10_000;
/**
 * Most articles one APA or Chicago bibliography takes: citeproc formats a few hundred a second on a
 * busy machine, and a longer list could pass the 30 s `serve` gives a call. Data formats take MAX_CITED.
 */
export const MAX_FORMATTED = 1_000;

export class ExportError extends Error {
  readonly kind: 'not_found' | 'invalid';
  constructor(kind: 'not_found' | 'invalid', message: string) {
    super(message);
    this.name = 'ExportError';
    this.kind = kind;
  }
}

const PROGRESS_EVERY = 500;

/** Citations and exports of one open archive. */
export class Exporter {
  readonly source: ExportSource;

  constructor(db: ArchiveDb, searcher: Searcher) {
    this.source = new ExportSource(db, searcher);
  }

  private article(id: number): ExportArticle {
    const article = this.source.article(id);
    if (!article) throw new ExportError('not_found', `There is no article ${id} in this archive.`);
    return article;
  }

  private selected(selection: ArticleSelection, cap = MAX_CITED, what = 'A list', instead = ''): number[] {
    const { ids, missing, more } = this.source.select(selection, cap);
    if (missing.length > 0) {
      throw new ExportError(
        'not_found',
        `There is no article ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? '…' : ''} in this archive.`,
      );
    }
    if (more) {
      throw new ExportError(
        'invalid',
        `${what} takes at most ${cap.toLocaleString('en')} articles, and this one has more: narrow it with a filter${instead}.`,
      );
    }
    return ids;
  }

  /** Citations of the selected articles (at most 10,000; 1,000 in APA or Chicago), with how many were cited. */
  cite(selection: ArticleSelection, format: CitationFormat, locale: CitationLocale): ExportFile & { count: number } {
    const formatted = format === 'apa' || format === 'chicago';
    const ids = formatted
      ? this.selected(
          selection,
          MAX_FORMATTED,
          'An APA or Chicago bibliography',
          ' or choose BibTeX, RIS or CSL-JSON (up to 10,000)',
        )
      : this.selected(selection);
    const articles = ids.map((id) => this.article(id));
    const { extension, mimeType } = CITATION_FILES[format];
    const fileName =
      articles.length === 1 && articles[0] ? articleFileName(articles[0], extension) : `citations.${extension}`;
    return { fileName, mimeType, content: formatCitations(articles, format, locale), count: articles.length };
  }

  /** One article with its highlights and notes, as Markdown or standalone HTML. */
  exportArticle(id: number, format: 'md' | 'html', locale: ExportLocale): ExportFile {
    const article = this.article(id);
    return format === 'md'
      ? {
          fileName: articleFileName(article, 'md'),
          mimeType: 'text/markdown; charset=utf-8',
          content: articleMarkdown(article, locale),
        }
      : {
          fileName: articleFileName(article, 'html'),
          mimeType: 'text/html; charset=utf-8',
          content: articleHtml(article, locale),
        };
  }

  /**
   * The library's metadata as CSV, every article or a query's matches: UTF-8 with a byte order mark
   * (so that spreadsheets read accents right), one row per article.
   */
  libraryCsv(selection: ArticleSelection | null, onProgress?: ExportProgress): ExportFile & { count: number } {
    const withCaptured = this.source.hasCapturedAt;
    const chunks = ['\ufeff', csvHeaderLine(withCaptured)];
    let count = 0;
    const total = selection ? 0 : this.source.count();
    const articles: Iterable<ExportArticle> = selection
      ? this.selected(selection).map((id) => this.article(id))
      : this.source.all();
    const batch: ExportArticle[] = [];
    const flush = () => {
      chunks.push(csvRows(batch, withCaptured));
      batch.length = 0;
    };
    for (const article of articles) {
      batch.push({ ...article, text: '', html: null });
      count++;
      if (batch.length === PROGRESS_EVERY) {
        flush();
        onProgress?.(count, total || count);
      }
    }
    if (batch.length > 0) flush();
    onProgress?.(count, total || count);
    return { fileName: 'library.csv', mimeType: 'text/csv; charset=utf-8', content: chunks.join(''), count };
  }

  /** Every article with highlights or a note, as one Markdown file each: its metadata, note, highlights and their notes. */
  notebook(locale: ExportLocale, onProgress?: ExportProgress): ExportFile[] {
    const ids = this.source.annotatedIds();
    return ids.map((id, index) => {
      const article = this.article(id);
      if ((index + 1) % 100 === 0 || index + 1 === ids.length) onProgress?.(index + 1, ids.length);
      return {
        fileName: articleFileName(article, 'md'),
        mimeType: 'text/markdown; charset=utf-8',
        content: articleMarkdown(article, locale, false),
      };
    });
  }

  /** The same notes in one Markdown file, for a browser that saves one download at a time. */
  notebookDocument(locale: ExportLocale): ExportFile {
    const parts = this.source.annotatedIds().map((id) => articleMarkdown(this.article(id), locale, false, false));
    return { fileName: 'notebook.md', mimeType: 'text/markdown; charset=utf-8', content: parts.join('\n---\n\n') };
  }
}
