import type { ArchiveHandlers, ImportJob } from '../api/contract.ts';
import { ApiError } from '../api/envelope.ts';
import type { ImportJobs } from '../imports/import-jobs.ts';

type ImportMethod =
  'importPaths' | 'startImport' | 'getImportProgress' | 'cancelImport' | 'listImportRuns' | 'getImportReport';

/** Imports, as one long call (importPaths) or as jobs with progress, cancel and stored reports. */
export function createImportHandlers(imports: ImportJobs): Pick<ArchiveHandlers, ImportMethod> {
  const job = (jobId: number, found: ImportJob | null): ImportJob => {
    if (!found) throw new ApiError('not_found', `There is no import job ${jobId} in this archive.`);
    return found;
  };
  return {
    importPaths: async ({ paths }) => imports.runs.report(await imports.run(paths)),
    startImport: ({ paths }) => ({ jobId: imports.start(paths) }),
    getImportProgress: ({ jobId }) => job(jobId, imports.progress(jobId)),
    cancelImport: ({ jobId }) => job(jobId, imports.cancel(jobId)),
    listImportRuns: ({ limit, offset }) => imports.runs.list(limit, offset),
    getImportReport: ({ runId, status, noted, limit, offset }) => {
      const run = imports.runs.get(runId);
      if (!run) throw new ApiError('not_found', `There is no import run ${runId} in this archive.`);
      return { run, ...imports.runs.items(runId, { status, noted, limit, offset }) };
    },
  };
}
