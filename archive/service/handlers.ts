import type { ArchiveHandlers } from '../api/contract.ts';
import { ApiError } from '../api/envelope.ts';
import { ArticleStore } from '../articles/store.ts';
import type { ArchiveDb } from '../db/open.ts';
import { importPaths } from '../importers/import-paths.ts';
import { Searcher } from '../search/search.ts';

/** The archive API implemented on one open archive; every transport dispatches to these. */
export function createHandlers(db: ArchiveDb): ArchiveHandlers {
  const store = new ArticleStore(db);
  const searcher = new Searcher(db);
  return {
    importPaths: async ({ paths }) => {
      const report = await importPaths(store, paths);
      searcher.forgetLanguages();
      return report;
    },
    search: ({ query, limit, offset }) => searcher.search(query, limit, offset),
    getArticle: ({ id }) => {
      const article = store.get(id);
      if (!article) throw new ApiError('not_found', `There is no article ${id} in this archive.`);
      return article;
    },
    listArticles: ({ limit, offset }) => store.list(limit, offset),
    getStats: () => store.stats(),
  };
}
