import type { ArchiveHandlers, ArticleSummary } from '../api/contract.ts';
import { ApiError } from '../api/envelope.ts';
import { ArticleStore } from '../articles/store.ts';
import type { ArchiveDb } from '../db/open.ts';
import { importPaths } from '../importers/import-paths.ts';
import { Library } from '../library/library.ts';
import { Searcher } from '../search/search.ts';

/** The archive API implemented on one open archive; every transport dispatches to these. */
export function createHandlers(db: ArchiveDb): ArchiveHandlers {
  const store = new ArticleStore(db);
  const searcher = new Searcher(db);
  const library = new Library(db);

  const notFound = (id: number) => new ApiError('not_found', `There is no article ${id} in this archive.`);
  /** Runs a change to an article's library state, then answers its summary as it now stands. */
  const change = (id: number, apply: () => boolean): ArticleSummary => {
    const summary = apply() ? store.summary(id) : null;
    if (!summary) throw notFound(id);
    return summary;
  };

  return {
    importPaths: async ({ paths }) => {
      const report = await importPaths(store, paths);
      searcher.forgetLanguages();
      return report;
    },
    search: ({ query, limit, offset, sort, asYouType }) => searcher.search(query, { limit, offset, sort, asYouType }),
    searchFacets: ({ query }) => searcher.facets(query),
    getArticle: ({ id }) => {
      const article = store.get(id);
      if (!article) throw notFound(id);
      return article;
    },
    listArticles: ({ limit, offset }) => store.list(limit, offset),
    setBookmarked: ({ id, bookmarked }) => change(id, () => library.setBookmarked(id, bookmarked)),
    setReadStatus: ({ id, status }) => change(id, () => library.setReadStatus(id, status)),
    setTags: ({ id, tags }) => change(id, () => library.setTags(id, tags)),
    listTags: () => library.listTags(),
    getStats: () => store.stats(),
  };
}
