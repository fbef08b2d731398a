import { z } from 'zod';
import type { MethodName } from './methods.ts';

export { METHOD_NAMES, isMethodName, type MethodName } from './methods.ts';

/**
 * The archive API: every operation the UI needs, with argument and result schemas. Electron IPC
 * (preload → main → worker) and HTTP (`serve`) both carry exactly this; the renderer only sees
 * `ArchiveApi` and never knows which transport it has.
 */

const id = z.number().int().positive();

export const readStatus = z.enum(['unread', 'reading', 'read']);

/** A page of search results, unless the caller asks for another size. */
export const DEFAULT_SEARCH_LIMIT = 20;

export const highlightRange = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

export const snippetSchema = z.object({
  /** A passage of the article's plain text. */
  text: z.string(),
  /** [start, end) ranges of `text` holding a matched word form. */
  highlights: z.array(highlightRange),
});

export const articleSummarySchema = z.object({
  id,
  title: z.string(),
  source: z.string().nullable(),
  sourcePath: z.string().nullable(),
  url: z.string().nullable(),
  lang: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** The publication date was read from the article's text (its latest full date), not from metadata. */
  publishedEstimated: z.boolean(),
  importedAt: z.string(),
  /** When the page was captured: a WARC record's date, a saved page's (SingleFile, MHTML); null if unknown. */
  capturedAt: z.string().nullable(),
  wordCount: z.number().int().nonnegative(),
  bookmarked: z.boolean(),
  readStatus: readStatus,
  tags: z.array(z.string()),
});

export const highlightColor = z.enum(['yellow', 'green', 'blue', 'pink', 'purple']);

export const highlightSchema = z.object({
  id,
  articleId: id,
  /** [start, end) offsets into the article's text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  /** The highlighted passage as it was when highlighted. */
  quote: z.string(),
  color: highlightColor,
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const notebookEntrySchema = highlightSchema.extend({ articleTitle: z.string() });

export const collectionSchema = z.object({
  id,
  name: z.string(),
  parentId: id.nullable(),
  /** Articles directly in this collection. */
  count: z.number().int().nonnegative(),
});

export const savedSearchSchema = z.object({
  id,
  name: z.string(),
  query: z.string(),
  createdAt: z.string(),
  lastOpenedAt: z.string(),
  /** Matches imported since the saved search was last opened. */
  newCount: z.number().int().nonnegative(),
});

/** A near-copy of an article met on import (a syndicated copy): not stored, but where it came from is kept. */
export const articleCopySchema = z.object({
  title: z.string(),
  url: z.string().nullable(),
  source: z.string().nullable(),
  /** The file it was read from, with #position for an item inside one (a WARC record, a feed item). */
  sourcePath: z.string().nullable(),
  /** When the copy was captured (a WARC record's date, a saved page's); null if unknown. */
  capturedAt: z.string().nullable(),
  /** When the import met it. */
  importedAt: z.string(),
});

/** A day or a month the article's text writes out with its year ("10 avril 2024", "décembre 2023"). */
export const mentionedDateSchema = z.object({
  /** `YYYY-MM-DD` for a day, `YYYY-MM` for a month. */
  date: z.string(),
  precision: z.enum(['day', 'month']),
  /** The words that wrote it, as in the text. */
  phrase: z.string(),
});

export const articleSchema = articleSummarySchema.extend({
  author: z.string().nullable(),
  text: z.string(),
  html: z.string().nullable(),
  contentHash: z.string(),
  /** Where the reader stopped: a character offset into `text`. */
  position: z.number().int().nonnegative(),
  /** The reader's note on the article as a whole. */
  note: z.string().nullable(),
  highlights: z.array(highlightSchema),
  collectionIds: z.array(id),
  /** Near-copies linked to this article on import, oldest first. */
  copies: z.array(articleCopySchema),
  /** The dates the text mentions, in the order it first mentions them. */
  mentionedDates: z.array(mentionedDateSchema),
});

export const searchResultSchema = articleSummarySchema.extend({
  /** Relevance: higher is better. */
  score: z.number(),
  /** False for the articles that continue a list with only some of the query's words. */
  matchedAll: z.boolean(),
  /** [start, end) ranges of `title` holding a matched word form. */
  titleHighlights: z.array(highlightRange),
  snippet: snippetSchema,
});

/** Why a query was read differently from how it was typed; the UI words it in its own language. */
export const searchNoticeSchema = z.object({
  code: z.enum(['unclosed_quote', 'ignored_filter', 'only_common_words', 'only_exclusions', 'empty_query']),
  /** The same, in English, for the CLI and logs. */
  message: z.string(),
});

export const searchSort = z.enum(['relevance', 'newest', 'oldest', 'title', 'source', 'added']);

/** How many articles of a search have one value of a field (null: the field is empty). */
export const facetSchema = z.object({ value: z.string().nullable(), count: z.number().int().nonnegative() });

export const importItemSchema = z.object({
  path: z.string(),
  /** `cancelled`: left unread (or read only in part) because the import was cancelled; a re-run finishes it. */
  status: z.enum(['imported', 'duplicate', 'near-duplicate', 'skipped', 'failed', 'cancelled']),
  articleId: id.optional(),
  title: z.string().optional(),
  /**
   * Why an item was skipped or failed, or which article it duplicates (`near-duplicate`: a copy linked
   * to it); then, for a file not in UTF-8 or whose encoding was detected, how it was read
   * ("decoded as windows-1252 (detected)"), which is an `imported` line's only message.
   */
  message: z.string().optional(),
});

export const importReportSchema = z.object({
  imported: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Near-copies of stored articles (syndicated copies), linked to them instead of stored again. */
  nearDuplicates: z.number().int().nonnegative().optional(),
  /** The import was cancelled before the end. */
  cancelled: z.boolean().optional(),
  /** How many report lines are `cancelled`: files (or the rest of one) the import did not read. */
  left: z.number().int().nonnegative().optional(),
  items: z.array(importItemSchema),
});

/** How far a running import is. `done`/`total` count files (total is counted before the import starts). */
export const importProgressSchema = z.object({
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  currentFile: z.string().nullable(),
  /**
   * How far into the current file reading is, from 0 to 1, for a file of many items (a WARC's
   * records, a feed's bytes); null for a file read in one go.
   */
  currentFileShare: z.number().min(0).max(1).nullable(),
  /** Report lines from the current file so far. */
  currentFileItems: z.number().int().nonnegative(),
  /** Report lines (articles, duplicates, skips, failures) per second since the start. */
  itemsPerSecond: z.number().nonnegative(),
  /** From the time per file so far (a share of the current one counting); null before anything is read. */
  etaSeconds: z.number().nonnegative().nullable(),
  imported: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
});

/** A backup in the archive's rotation folder, named by its file name (never a path a client picks). */
export const backupSchema = z.object({
  name: z.string(),
  /** ISO 8601. */
  takenAt: z.string(),
  /** daily, manual, before-schema-N... */
  reason: z.string(),
  bytes: z.number().int().nonnegative(),
});

/** What was read back from a damaged archive into the backup restored over it. */
export const salvageReportSchema = z.object({
  articles: z.number().int().nonnegative(),
  readingStates: z.number().int().nonnegative(),
  taggedArticles: z.number().int().nonnegative(),
  highlights: z.number().int().nonnegative(),
  notes: z.number().int().nonnegative(),
  positions: z.number().int().nonnegative(),
  collections: z.number().int().nonnegative(),
  collectionMemberships: z.number().int().nonnegative(),
  savedSearches: z.number().int().nonnegative(),
  problems: z.array(z.string()),
});

/** What opening the archive found and did (archive/safety/startup-check.ts). */
export const startupReportSchema = z.object({
  uncleanExit: z.boolean(),
  outcome: z.enum(['clean', 'checked', 'reindexed', 'restored']),
  problems: z.array(z.string()),
  reindexedArticles: z.number().int().nonnegative().nullable(),
  damagedPath: z.string().nullable(),
  restoredFrom: z.string().nullable(),
  backupTakenAt: z.string().nullable(),
  salvaged: salvageReportSchema.nullable(),
  rejectedBackups: z.array(z.object({ path: z.string(), problems: z.array(z.string()) })),
  messages: z.array(z.string()),
});

/** The state of an import job; `progress` is its last report of how far it is. */
export const importJobSchema = z.object({
  jobId: id,
  /** The stored run whose report getImportReport reads (the same number as the job). */
  runId: id,
  state: z.enum(['running', 'finished', 'cancelled', 'failed', 'interrupted']),
  progress: importProgressSchema,
  /** Why the job failed as a whole. */
  error: z.string().nullable(),
});

/** One stored import run: what it was given, when, how it ended and its counts. */
export const importRunSchema = z.object({
  id,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** `interrupted`: the process running it ended first (a crash, a kill); import the same paths again to finish. */
  status: z.enum(['running', 'finished', 'cancelled', 'failed', 'interrupted']),
  paths: z.array(z.string()),
  totalFiles: z.number().int().nonnegative(),
  imported: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  /** Copies of an article already there, linked to it rather than stored again. */
  nearDuplicates: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** Report lines left unread because the run was cancelled. */
  cancelled: z.number().int().nonnegative(),
  error: z.string().nullable(),
});

/** Citation formats: data for reference managers, or a bibliography in a style. */
export const citationFormat = z.enum(['bibtex', 'ris', 'csl-json', 'apa', 'chicago']);
/** The language exported files and formatted citations are written in. */
export const exportLocale = z.enum(['en', 'fr']);
/** A file made by an export: saved by the CLI, downloaded by the UI. */
export const exportFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() });

/** What a bundle holds: the whole archive, a collection (with those inside it), a tag, a saved search, any query, or chosen articles. */
export const bundleScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('collection'), id }),
  z.object({ kind: z.literal('tag'), name: z.string().trim().min(1).max(100) }),
  z.object({ kind: z.literal('savedSearch'), id }),
  z.object({ kind: z.literal('query'), query: z.string().max(1000) }),
  z.object({ kind: z.literal('ids'), ids: z.array(id).min(1).max(1_000_000) }),
]);

const bundleRequestSchema = z.object({
  scope: bundleScopeSchema.default({ kind: 'all' }),
  /** A delta: only what was added or changed after this date (ISO 8601, or a day as 2026-11-01). */
  since: z.string().min(4).max(40).nullable().default(null),
  /** A delta: only what was added or changed after this earlier bundle was made (a path on the archive's machine). */
  sinceBundle: z.string().min(1).max(4096).nullable().default(null),
  /** Carry tags, bookmarks, reading status, highlights, notes and collections too. */
  withLibrary: z.boolean().default(false),
  withImages: z.boolean().default(true),
});

export const bundleSummarySchema = z.object({
  /** Articles sent whole. */
  articles: z.number().int().nonnegative(),
  /** Distinct images. */
  media: z.number().int().nonnegative(),
  /** Articles whose tags, highlights, notes... are carried. */
  libraryEntries: z.number().int().nonnegative(),
  /** The collection's, tag's or saved search's name, or the query. */
  label: z.string().nullable(),
  since: z.string().nullable(),
  /** The moment the next delta starts from. */
  highWater: z.string(),
});

/** A bundle export run as a job (startBundleExport): how far it is, then what it wrote or why it did not. */
export const bundleJobSchema = z.object({
  jobId: id,
  state: z.enum(['running', 'finished', 'cancelled', 'failed']),
  /** Articles written so far, of `total` (0 until the scope is read). */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Once finished: the bundle written, as exportBundle answers it. */
  result: bundleSummarySchema.extend({ path: z.string(), bytes: z.number().int().nonnegative() }).nullable(),
  /** Why the job failed. */
  error: z.string().nullable(),
});

export const contract = {
  importPaths: {
    input: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }),
    output: importReportSchema,
  },
  // Import jobs: startImport answers at once; the import runs between other calls.
  startImport: {
    input: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }),
    output: z.object({ jobId: id }),
  },
  getImportProgress: {
    input: z.object({ jobId: id }),
    output: importJobSchema,
  },
  cancelImport: {
    input: z.object({ jobId: id }),
    output: importJobSchema,
  },
  listImportRuns: {
    input: z.object({
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ total: z.number().int().nonnegative(), runs: z.array(importRunSchema) }),
  },
  getImportReport: {
    input: z.object({
      runId: id,
      status: importItemSchema.shape.status.optional(),
      /** Only the lines with a message: with `imported`, the files read from another encoding than UTF-8. */
      noted: z.boolean().default(false),
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({
      run: importRunSchema,
      /** Report lines of the run (with `status`: of that status only; with `noted`: those with a message). */
      total: z.number().int().nonnegative(),
      /** With their place in the report: `seq` 1 is the first file read. */
      items: z.array(importItemSchema.extend({ seq: z.number().int().positive() })),
    }),
  },
  search: {
    input: z.object({
      query: z.string().max(1000),
      limit: z.number().int().min(1).max(200).default(DEFAULT_SEARCH_LIMIT),
      offset: z.number().int().min(0).max(100_000).default(0),
      sort: searchSort.default('relevance'),
      /** The query is still being typed: its last word is a prefix. */
      asYouType: z.boolean().default(false),
    }),
    output: z.object({
      /** Exact up to 10,000; 10,001 means "more than 10,000". */
      total: z.number().int().nonnegative(),
      results: z.array(searchResultSchema),
      /** Fewer articles than a page had every word, so the list goes on with those that have most of them. */
      relaxed: z.boolean(),
      /** A query with misspelled words replaced by words of the archive, when this one found nothing. */
      suggestion: z.string().nullable(),
      notice: searchNoticeSchema.nullable(),
    }),
  },
  searchFacets: {
    input: z.object({ query: z.string().max(1000), asYouType: z.boolean().default(false) }),
    output: z.object({
      sources: z.array(facetSchema),
      languages: z.array(facetSchema),
      years: z.array(facetSchema),
      tags: z.array(facetSchema),
      /**
       * True when more than 10,000 articles match a query: the counts are then estimated from an
       * even sample of the matches (every k-th article), scaled up and rounded.
       */
      estimated: z.boolean().optional(),
    }),
  },
  getArticle: {
    input: z.object({
      id,
      /** False: `html` comes without its images (text-only reading on a slow link; they are most of its bytes). */
      images: z.boolean().default(true),
    }),
    output: articleSchema,
  },
  listArticles: {
    input: z.object({
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ total: z.number().int().nonnegative(), articles: z.array(articleSummarySchema) }),
  },
  setBookmarked: {
    input: z.object({ id, bookmarked: z.boolean() }),
    output: articleSummarySchema,
  },
  setReadStatus: {
    input: z.object({ id, status: readStatus }),
    output: articleSummarySchema,
  },
  setTags: {
    input: z.object({ id, tags: z.array(z.string().trim().min(1).max(100)).max(50) }),
    output: articleSummarySchema,
  },
  listTags: {
    input: z.object({}),
    output: z.array(z.object({ name: z.string(), count: z.number().int().nonnegative() })),
  },
  setReadingPosition: {
    input: z.object({ id, position: z.number().int().nonnegative() }),
    output: z.null(),
  },
  setArticleNote: {
    input: z.object({ id, note: z.string().max(100_000).nullable() }),
    output: z.null(),
  },
  addHighlight: {
    input: z.object({
      articleId: id,
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      color: highlightColor.default('yellow'),
      note: z.string().max(100_000).nullable().default(null),
    }),
    output: highlightSchema,
  },
  updateHighlight: {
    input: z.object({ id, color: highlightColor.optional(), note: z.string().max(100_000).nullable().optional() }),
    output: highlightSchema,
  },
  deleteHighlight: {
    input: z.object({ id }),
    output: z.null(),
  },
  listHighlights: {
    input: z.object({
      query: z.string().max(1000).optional(),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ total: z.number().int().nonnegative(), entries: z.array(notebookEntrySchema) }),
  },
  listCollections: {
    input: z.object({}),
    output: z.array(collectionSchema),
  },
  createCollection: {
    input: z.object({ name: z.string().trim().min(1).max(200), parentId: id.nullable().default(null) }),
    output: collectionSchema,
  },
  updateCollection: {
    input: z.object({ id, name: z.string().trim().min(1).max(200).optional(), parentId: id.nullable().optional() }),
    output: collectionSchema,
  },
  deleteCollection: {
    input: z.object({ id }),
    output: z.null(),
  },
  setArticleCollections: {
    input: z.object({ id, collectionIds: z.array(id).max(500) }),
    output: articleSummarySchema,
  },
  listSavedSearches: {
    input: z.object({}),
    output: z.array(savedSearchSchema),
  },
  saveSearch: {
    input: z.object({ name: z.string().trim().min(1).max(200), query: z.string().max(1000) }),
    output: savedSearchSchema,
  },
  openSavedSearch: {
    input: z.object({ id }),
    output: savedSearchSchema,
  },
  deleteSavedSearch: {
    input: z.object({ id }),
    output: z.null(),
  },
  getStats: {
    input: z.object({}),
    output: z.object({
      articles: z.number().int().nonnegative(),
      languages: z.array(z.object({ lang: z.string().nullable(), count: z.number().int().nonnegative() })),
      /**
       * The archive file's full path; null for an archive in memory, and for a `serve` client on another
       * device, since a path names the server's user.
       */
      location: z.string().nullable(),
      /** The archive's size on disk: the file and its write-ahead log (images are stored inside it). */
      bytes: z.number().int().nonnegative(),
    }),
  },
  listBackups: {
    input: z.object({}),
    output: z.array(backupSchema),
  },
  backupNow: {
    input: z.object({}),
    output: backupSchema,
  },
  restoreBackup: {
    input: z.object({ name: z.string().min(1).max(255) }),
    output: z.object({
      restoredFrom: backupSchema,
      /** Where the archive it replaced is kept. */
      replacedPath: z.string().nullable(),
      schemaVersion: z.number().int().positive(),
      articles: z.number().int().nonnegative(),
    }),
  },
  checkArchive: {
    input: z.object({}),
    output: z.object({
      ok: z.boolean(),
      /** SQLite's quick_check: damaged pages, bad indexes. */
      database: z.array(z.string()),
      /** FTS5's integrity-check and index rows that do not match the articles. */
      fullText: z.array(z.string()),
      /** Articles missing from the full-text index. */
      unindexed: z.number().int().nonnegative(),
      articles: z.number().int().nonnegative().nullable(),
      checkedAt: z.string(),
    }),
  },
  getStartupReport: {
    input: z.object({}),
    output: startupReportSchema,
  },
  // Citations and exports (archive/citations, archive/export): they answer the file's content, so they are reads.
  citeArticles: {
    input: z
      .object({
        /** These articles, in this order; or else `query`'s matches (every article for an empty query). */
        ids: z.array(id).min(1).max(10_000).optional(),
        query: z.string().max(1000).optional(),
        sort: searchSort.optional(),
        format: citationFormat,
        locale: exportLocale.default('en'),
      })
      .refine((args) => (args.ids === undefined) !== (args.query === undefined), {
        message: 'give either ids or query',
      }),
    output: exportFileSchema.extend({ count: z.number().int().nonnegative() }),
  },
  exportArticle: {
    input: z.object({ id, format: z.enum(['md', 'html']), locale: exportLocale.default('en') }),
    output: exportFileSchema,
  },
  exportLibraryCsv: {
    input: z.object({ query: z.string().max(1000).optional(), sort: searchSort.optional() }),
    output: exportFileSchema.extend({ count: z.number().int().nonnegative() }),
  },
  exportNotebook: {
    /** `single`: every article's notes in one file (notebook.md) rather than one file per article. */
    input: z.object({ locale: exportLocale.default('en'), single: z.boolean().default(false) }),
    output: z.object({ files: z.array(exportFileSchema) }),
  },
  estimateBundle: {
    input: bundleRequestSchema,
    output: bundleSummarySchema.extend({ estimatedBytes: z.number().int().nonnegative() }),
  },
  exportBundle: {
    input: bundleRequestSchema.extend({ path: z.string().min(1).max(4096) }),
    output: bundleSummarySchema.extend({ path: z.string(), bytes: z.number().int().nonnegative() }),
  },
  // Bundle export jobs, polled like import jobs: startBundleExport answers at once; the bundle is written between other calls.
  startBundleExport: {
    input: bundleRequestSchema.extend({ path: z.string().min(1).max(4096) }),
    output: z.object({ jobId: id }),
  },
  getBundleExportProgress: {
    input: z.object({ jobId: id }),
    output: bundleJobSchema,
  },
  cancelBundleExport: {
    input: z.object({ jobId: id }),
    output: bundleJobSchema,
  },
} as const satisfies { [M in MethodName]: { input: z.ZodType; output: z.ZodType } };

export type Contract = typeof contract;

/** What a caller passes (defaults may be left out). */
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export type Article = z.output<typeof articleSchema>;
export type ArticleSummary = z.output<typeof articleSummarySchema>;
export type ArticleCopy = z.output<typeof articleCopySchema>;
export type MentionedDate = z.output<typeof mentionedDateSchema>;
export type SearchResult = z.output<typeof searchResultSchema>;
export type Snippet = z.output<typeof snippetSchema>;
export type SearchNotice = z.output<typeof searchNoticeSchema>;
export type SearchSort = z.output<typeof searchSort>;
export type Facet = z.output<typeof facetSchema>;
export type ReadStatus = z.output<typeof readStatus>;
export type Highlight = z.output<typeof highlightSchema>;
export type HighlightColor = z.output<typeof highlightColor>;
export type NotebookEntry = z.output<typeof notebookEntrySchema>;
export type Collection = z.output<typeof collectionSchema>;
export type SavedSearch = z.output<typeof savedSearchSchema>;
export type ImportReport = z.output<typeof importReportSchema>;
export type ImportItem = z.output<typeof importItemSchema>;
export type ImportProgress = z.output<typeof importProgressSchema>;
export type ImportJob = z.output<typeof importJobSchema>;
export type ImportRun = z.output<typeof importRunSchema>;
export type Backup = z.output<typeof backupSchema>;
export type StartupReportValue = z.output<typeof startupReportSchema>;
export type CitationFormat = z.output<typeof citationFormat>;
export type ExportFile = z.output<typeof exportFileSchema>;
export type BundleScope = z.output<typeof bundleScopeSchema>;
export type BundleJob = z.output<typeof bundleJobSchema>;

/** The API as the renderer (and any client) uses it. */
export type ArchiveApi = { [M in MethodName]: (args: Input<M>) => Promise<Output<M>> };

/** The API as a transport's server side implements it. */
export type ArchiveHandlers = { [M in MethodName]: (args: ParsedInput<M>) => Output<M> | Promise<Output<M>> };
