import type { ArchiveHandlers, BundleJob } from '../api/contract.ts';
import { ApiError } from '../api/envelope.ts';
import { BundleExports } from '../bundle/export-jobs.ts';
import { BundleError } from '../bundle/select.ts';
import { estimateBundle, writeBundle } from '../bundle/write.ts';
import type { ArchiveDb } from '../db/open.ts';
import type { Searcher } from '../search/search.ts';

type BundleHandlers = Pick<
  ArchiveHandlers,
  'estimateBundle' | 'exportBundle' | 'startBundleExport' | 'getBundleExportProgress' | 'cancelBundleExport'
>;

/**
 * Portable bundles: their size before writing, and writing one to a path on this machine, in one
 * call or as a job whose progress the page polls.
 */
export function createBundleHandlers(db: ArchiveDb, searcher: Searcher): BundleHandlers {
  const exports = new BundleExports(db, searcher);
  const job = (jobId: number, found: BundleJob | null): BundleJob => {
    if (!found) throw new ApiError('not_found', `There is no bundle export ${jobId} in this archive.`);
    return found;
  };
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
    startBundleExport: (request) => api(async () => ({ jobId: await exports.start(request) })),
    getBundleExportProgress: ({ jobId }) => job(jobId, exports.progress(jobId)),
    cancelBundleExport: ({ jobId }) => job(jobId, exports.cancel(jobId)),
  };
}
