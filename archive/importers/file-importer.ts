import type { ImportItem } from '../api/contract.ts';
import type { ArticleStore } from '../articles/store.ts';
import type { EdgeLookup } from './repeated-edges.ts';

/** An article as a format importer read it; what it leaves out is filled in by the pipeline. */
export interface ImportedArticle {
  title: string;
  /** Plain-text paragraphs, in reading order. */
  paragraphs: string[];
  /** Sanitised HTML of the article body, when the source was HTML. */
  html?: string | null;
  source?: string | null;
  url?: string | null;
  author?: string | null;
  /** From the source's own metadata (a lang attribute, a feed's language); else detected. */
  lang?: string | null;
  /** From the source's metadata; else estimated from the text. ISO 8601. */
  publishedAt?: string | null;
  /** When the page was captured (a WARC record's date, a saved page's), ISO 8601 in UTC. */
  capturedAt?: string | null;
  /** The reader's own state carried over from another reader's export. */
  library?: CarriedLibrary;
  /**
   * How the source's bytes were decoded, when it was not UTF-8 or was detected rather than known
   * ("decoded as windows-1252 (detected)", see `describeDecoding`): a note for the import report.
   */
  decoding?: string | null;
}

/** What another reader's export says of an article: applied once the article is stored, new or not. */
export interface CarriedLibrary {
  tags?: string[];
  bookmarked?: boolean;
  status?: 'unread' | 'reading' | 'read';
  /** Highlighted passages (found in the article's text by their quote) with their notes. */
  highlights?: { quote: string; note?: string | null }[];
  note?: string | null;
}

/** Where in a file an item was found, for files that hold many ("record 12", "item 3", "chapter 2"). */
export type Position = string | undefined;

/**
 * How far into its file an entry was read, from 0 to 1, given by formats that hold many items (a
 * WARC, a feed), so that the progress of a long file moves while it is read.
 */
export type Share = number | undefined;

export type ImportedEntry =
  | { kind: 'article'; article: ImportedArticle; position?: Position; share?: Share }
  | { kind: 'skipped'; message: string; position?: Position; share?: Share }
  | { kind: 'failed'; message: string; position?: Position; share?: Share };

/** What one import knows across its files, for importers that need it; a read without it reads the file alone. */
export interface ImportContext {
  /** Lines at the edges of many text articles of a folder: its site's header and footer. */
  repeatedEdges?: EdgeLookup;
}

/**
 * Reads one kind of file. An importer reports a bad record as a `failed` entry and goes on with the
 * next one; it throws only when the file as a whole cannot be read.
 */
export interface FileImporter {
  /** What the files are, for messages ("plain text", "WARC"). */
  name: string;
  /** Lower-case file name endings, with the dot (".txt", ".warc.gz"). */
  extensions: readonly string[];
  read(path: string, context?: ImportContext): AsyncIterable<ImportedEntry> | Iterable<ImportedEntry>;
  /**
   * For a format that carries more than articles (a bundle: its images, the reader's library,
   * checksums): stores the file itself and answers its report lines. Null when the file is not of
   * that format after all (a plain zip), and `read` is used instead.
   */
  storeFile?(path: string, store: ArticleStore): Promise<ImportItem[] | null>;
}
