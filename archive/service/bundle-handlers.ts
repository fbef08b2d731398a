import type { ArchiveHandlers } from '../api/contract.ts';
import { ApiError } from '../api/envelope.ts';
import { BundleError } from '../bundle/select.ts';
import { estimateBundle, writeBundle } from '../bundle/write.ts';
import type { ArchiveDb } from '../db/open.ts';
import type { Searcher } from '../search/search.ts';

type BundleHandlers = Pick<ArchiveHandlers, 'estimateBundle' | 'exportBundle'>;

/** Portable bundles: their size before writing, and writing one to a path on this machine. */
export function createBundleHandlers(db: ArchiveDb, searcher: Searcher): BundleHandlers {
  const api = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof BundleError) throw new ApiError('invalid_argument', error.message);
      throw error;
    }
  };
  return {
    estimateBundle: (request) => api(() => estimateBundle(db, searcher, request)),
    exportBundle: (request) => api(() => writeBundle(db, searcher, request)),
  };
}
