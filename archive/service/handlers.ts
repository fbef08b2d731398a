import { resolve } from 'node:path';
import type { ArchiveHandlers, ArticleSummary } from '../api/contract.ts';
import { ApiError } from '../api/envelope.ts';
import { ArticleStore } from '../articles/store.ts';
import { withoutImages } from '../articles/without-images.ts';
import type { ArchiveDb } from '../db/open.ts';
import { archiveBytes } from '../db/size-on-disk.ts';
import { ImportJobs } from '../imports/import-jobs.ts';
import { AnnotationError, Annotations } from '../library/annotations.ts';
import { CollectionError, Collections } from '../library/collections.ts';
import { Library } from '../library/library.ts';
import { SavedSearchError, SavedSearches } from '../library/saved-searches.ts';
import { Searcher } from '../search/search.ts';
import { createBundleHandlers } from './bundle-handlers.ts';
import { createExportHandlers } from './export-handlers.ts';
import { createImportHandlers } from './import-handlers.ts';
import { connectionSession, createSafetyHandlers, type ArchiveSession } from './safety-handlers.ts';

/**
 * The archive API implemented on one open archive; every transport dispatches to these. The
 * session says where the archive lives and how to swap it for a backup (the worker's does).
 */
export function createHandlers(
  db: ArchiveDb,
  session: ArchiveSession = connectionSession(db),
  // The worker keeps its own, to stop running imports before it closes or swaps the connection.
  imports: ImportJobs = new ImportJobs(db),
): ArchiveHandlers {
  const store = new ArticleStore(db);
  const searcher = new Searcher(db);
  imports.onBatch(() => searcher.forgetLanguages());
  const library = new Library(db);
  const annotations = new Annotations(db);
  const collections = new Collections(db);
  const savedSearches = new SavedSearches(db, (query, since) => searcher.countImportedSince(query, since));

  const missing = (what: string, id: number) => new ApiError('not_found', `There is no ${what} ${id} in this archive.`);
  const found = <T>(value: T | null | false, what: string, id: number): T => {
    if (value === null || value === false) throw missing(what, id);
    return value;
  };
  /** Runs a change to an article, then answers its summary as it now stands. */
  const change = (id: number, apply: () => boolean): ArticleSummary =>
    found(apply() && store.summary(id), 'article', id);
  const requireArticle = (id: number) => found(store.summary(id), 'article', id);
  /** The library's own refusals are the caller's mistake, not the archive's. */
  const invalid = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof AnnotationError || error instanceof CollectionError || error instanceof SavedSearchError) {
        throw new ApiError('invalid_argument', error.message);
      }
      throw error;
    }
  };

  return {
    search: ({ query, limit, offset, sort, asYouType }) => searcher.search(query, { limit, offset, sort, asYouType }),
    searchFacets: ({ query, asYouType }) => searcher.facets(query, asYouType),
    getArticle: ({ id, images }) => {
      const article = found(store.get(id), 'article', id);
      return {
        ...article,
        html: images || article.html === null ? article.html : withoutImages(article.html),
        ...annotations.readingState(id),
        highlights: annotations.highlightsOf(id),
        collectionIds: collections.ofArticle(id),
        copies: store.copies(id),
        mentionedDates: store.mentionedDates(id),
      };
    },
    listArticles: ({ limit, offset }) => store.list(limit, offset),
    setBookmarked: ({ id, bookmarked }) => change(id, () => library.setBookmarked(id, bookmarked)),
    setReadStatus: ({ id, status }) => change(id, () => library.setReadStatus(id, status)),
    setTags: ({ id, tags }) => change(id, () => library.setTags(id, tags)),
    listTags: () => library.listTags(),
    setReadingPosition: ({ id, position }) => {
      requireArticle(id);
      annotations.setPosition(id, position);
      return null;
    },
    setArticleNote: ({ id, note }) => {
      requireArticle(id);
      annotations.setNote(id, note);
      return null;
    },
    addHighlight: ({ articleId, start, end, color, note }) =>
      found(
        invalid(() => annotations.addHighlight(articleId, { start, end }, color, note)),
        'article',
        articleId,
      ),
    updateHighlight: ({ id, color, note }) => found(annotations.updateHighlight(id, { color, note }), 'highlight', id),
    deleteHighlight: ({ id }) => {
      found(annotations.deleteHighlight(id), 'highlight', id);
      return null;
    },
    listHighlights: ({ query, limit, offset }) => annotations.notebook(query, limit, offset),
    listCollections: () => collections.list(),
    createCollection: ({ name, parentId }) => invalid(() => collections.create(name, parentId)),
    updateCollection: ({ id, name, parentId }) =>
      found(
        invalid(() => collections.update(id, { name, parentId })),
        'collection',
        id,
      ),
    deleteCollection: ({ id }) => {
      found(collections.delete(id), 'collection', id);
      return null;
    },
    setArticleCollections: ({ id, collectionIds }) => {
      requireArticle(id);
      invalid(() => collections.setForArticle(id, collectionIds));
      return requireArticle(id);
    },
    listSavedSearches: () => savedSearches.list(),
    saveSearch: ({ name, query }) => invalid(() => savedSearches.save(name, query)),
    openSavedSearch: ({ id }) => found(savedSearches.opened(id), 'saved search', id),
    deleteSavedSearch: ({ id }) => {
      found(savedSearches.delete(id), 'saved search', id);
      return null;
    },
    getStats: () => ({
      ...store.stats(),
      location: session.archivePath === null ? null : resolve(session.archivePath),
      bytes: archiveBytes(session.archivePath),
    }),
    ...createSafetyHandlers(db, session),
    ...createImportHandlers(imports),
    ...createExportHandlers(db, searcher),
    ...createBundleHandlers(db, searcher),
  };
}
