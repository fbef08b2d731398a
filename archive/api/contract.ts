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

export const searchSort = z.enum(['relevance', 'newest', 'oldest', 'title', 'added']);

/** How many articles of a search have one value of a field (null: the field is empty). */
export const facetSchema = z.object({ value: z.string().nullable(), count: z.number().int().nonnegative() });

export const importItemSchema = z.object({
  path: z.string(),
  status: z.enum(['imported', 'duplicate', 'skipped', 'failed']),
  articleId: id.optional(),
  title: z.string().optional(),
  /** Why an item was skipped or failed, or which article it duplicates. */
  message: z.string().optional(),
});

export const importReportSchema = z.object({
  imported: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  items: z.array(importItemSchema),
});

export const contract = {
  importPaths: {
    input: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }),
    output: importReportSchema,
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
    }),
  },
  getArticle: {
    input: z.object({ id }),
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
    }),
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

/** The API as the renderer (and any client) uses it. */
export type ArchiveApi = { [M in MethodName]: (args: Input<M>) => Promise<Output<M>> };

/** The API as a transport's server side implements it. */
export type ArchiveHandlers = { [M in MethodName]: (args: ParsedInput<M>) => Output<M> | Promise<Output<M>> };
