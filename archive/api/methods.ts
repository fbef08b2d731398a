/**
 * The contract's method names without its schemas, for code that must stay small and free of
 * zod: the sandboxed preload and the renderer's transports.
 */
export const METHOD_NAMES = [
  'importPaths',
  'startImport',
  'getImportProgress',
  'cancelImport',
  'listImportRuns',
  'getImportReport',
  'search',
  'searchFacets',
  'getArticle',
  'listArticles',
  'setBookmarked',
  'setReadStatus',
  'setTags',
  'listTags',
  'setReadingPosition',
  'setArticleNote',
  'addHighlight',
  'updateHighlight',
  'deleteHighlight',
  'listHighlights',
  'listCollections',
  'createCollection',
  'updateCollection',
  'deleteCollection',
  'setArticleCollections',
  'listSavedSearches',
  'saveSearch',
  'openSavedSearch',
  'deleteSavedSearch',
  'getStats',
  'listBackups',
  'backupNow',
  'restoreBackup',
  'checkArchive',
  'getStartupReport',
  'citeArticles',
  'exportArticle',
  'exportLibraryCsv',
  'exportNotebook',
  'estimateBundle',
  'exportBundle',
  'startBundleExport',
  'getBundleExportProgress',
  'cancelBundleExport',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
}
