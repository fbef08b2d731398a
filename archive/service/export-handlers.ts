import type { ArchiveHandlers } from '../api/contract.ts';
import { ApiError } from '../api/envelope.ts';
import type { ArchiveDb } from '../db/open.ts';
import { ExportError, Exporter } from '../export/exporter.ts';
import type { ArticleSelection } from '../export/source.ts';
import type { Searcher } from '../search/search.ts';

type ExportHandlers = Pick<ArchiveHandlers, 'citeArticles' | 'exportArticle' | 'exportLibraryCsv' | 'exportNotebook'>;

/** Citations and exports: each answers the file's content, for the CLI to save or the UI to download. */
export function createExportHandlers(db: ArchiveDb, searcher: Searcher): ExportHandlers {
  const exporter = new Exporter(db, searcher);
  const api = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof ExportError) {
        throw new ApiError(error.kind === 'not_found' ? 'not_found' : 'invalid_argument', error.message);
      }
      throw error;
    }
  };
  return {
    citeArticles: ({ ids, query, sort, format, locale }) => {
      const selection: ArticleSelection = ids ? { ids } : { query: query ?? '', sort };
      return api(() => exporter.cite(selection, format, locale));
    },
    exportArticle: ({ id, format, locale }) => api(() => exporter.exportArticle(id, format, locale)),
    exportLibraryCsv: ({ query, sort }) => api(() => exporter.libraryCsv(query === undefined ? null : { query, sort })),
    exportNotebook: ({ locale, single }) =>
      api(() => ({ files: single ? [exporter.notebookDocument(locale)] : exporter.notebook(locale) })),
  };
}
