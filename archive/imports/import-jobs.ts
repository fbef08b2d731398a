import type { ImportJob, ImportProgress, ImportRun } from '../api/contract.ts';
import { ArticleStore } from '../articles/store.ts';
import type { ArchiveDb } from '../db/open.ts';
import { importPaths } from '../importers/import-paths.ts';
import { ImportRuns } from './import-runs.ts';

interface Job {
  runId: number;
  state: ImportJob['state'];
  progress: ImportProgress;
  error: string | null;
  controller: AbortController;
  finished: Promise<void>;
}

/** Finished jobs kept in memory for their last progress; older ones are answered from their stored run. */
const KEPT_FINISHED = 50;

const startingProgress = (): ImportProgress => ({
  done: 0,
  total: 0,
  currentFile: null,
  currentFileShare: null,
  currentFileItems: 0,
  itemsPerSecond: 0,
  etaSeconds: null,
  imported: 0,
  duplicates: 0,
  skipped: 0,
  failed: 0,
});

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Imports run as jobs: started at once, they read files between the archive's other calls (the
 * import pauses every few milliseconds, and stores each batch in one synchronous transaction, so no
 * other write lands inside a batch). Each job is a stored run (its id is the run's) with its report.
 */
export class ImportJobs {
  readonly runs: ImportRuns;
  private readonly store: ArticleStore;
  private readonly jobs = new Map<number, Job>();
  private readonly batchListeners = new Set<() => void>();

  constructor(db: ArchiveDb) {
    this.store = new ArticleStore(db);
    this.runs = new ImportRuns(db);
  }

  /** Calls `listener` after each stored batch (caches of what the archive holds go stale). */
  onBatch(listener: () => void): void {
    this.batchListeners.add(listener);
  }

  /** Starts importing and answers the job's id at once. */
  start(paths: readonly string[]): number {
    return this.launch(paths).runId;
  }

  /** Imports and waits for the end (the CLI's and importPaths' way); the run is stored like any job's. */
  async run(paths: readonly string[]): Promise<number> {
    const job = this.launch(paths);
    await job.finished;
    if (job.state === 'failed') throw new Error(job.error ?? 'the import failed');
    return job.runId;
  }

  progress(jobId: number): ImportJob | null {
    const job = this.jobs.get(jobId);
    if (job) return { jobId, runId: jobId, state: job.state, progress: job.progress, error: job.error };
    const run = this.runs.get(jobId);
    return run ? { jobId, runId: jobId, state: run.status, progress: progressOf(run), error: run.error } : null;
  }

  /** Asks a running job to stop after its current item; it stores what it read and reports the rest. */
  cancel(jobId: number): ImportJob | null {
    this.jobs.get(jobId)?.controller.abort();
    return this.progress(jobId);
  }

  /** Resolves when the job has ended (at once for an unknown or finished one). */
  async settled(jobId: number): Promise<void> {
    await this.jobs.get(jobId)?.finished;
  }

  /** Cancels every running job and waits for each to store what it read (before the archive closes). */
  async stop(): Promise<void> {
    const running = [...this.jobs.values()].filter((job) => job.state === 'running');
    for (const job of running) job.controller.abort();
    await Promise.all(running.map((job) => job.finished));
  }

  private launch(paths: readonly string[]): Job {
    const runId = this.runs.begin(paths);
    const job: Job = {
      runId,
      state: 'running',
      progress: startingProgress(),
      error: null,
      controller: new AbortController(),
      finished: Promise.resolve(),
    };
    this.jobs.set(runId, job);
    job.finished = this.execute(job, paths);
    this.forgetOldJobs();
    return job;
  }

  private async execute(job: Job, paths: readonly string[]): Promise<void> {
    const write = this.runs.writer(job.runId);
    let totalStored = false;
    try {
      await importPaths(this.store, paths, {
        signal: job.controller.signal,
        onProgress: (progress) => {
          job.progress = progress;
          if (!totalStored) {
            this.runs.setTotal(job.runId, progress.total);
            totalStored = true;
          }
        },
        onItems: (items) => {
          write(items);
          for (const listener of this.batchListeners) listener();
        },
      });
      job.state = job.controller.signal.aborted ? 'cancelled' : 'finished';
      this.runs.setTotal(job.runId, job.progress.total);
      this.runs.finish(job.runId, job.state);
    } catch (error) {
      job.state = 'failed';
      job.error = message(error);
      try {
        this.runs.finish(job.runId, 'failed', job.error);
      } catch (finishing) {
        // The archive itself is failing (closed, disk full): the job's own state still says why.
        job.error = `${job.error}; the run could not be marked as failed: ${message(finishing)}`;
      }
    }
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((job) => job.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEPT_FINISHED))) this.jobs.delete(job.runId);
  }
}

/** A stored run's progress, for a job no longer in memory (an earlier session's or an old one). */
function progressOf(run: ImportRun): ImportProgress {
  return {
    ...startingProgress(),
    done: run.status === 'finished' ? run.totalFiles : 0,
    total: run.totalFiles,
    etaSeconds: run.status === 'running' ? null : 0,
    imported: run.imported,
    duplicates: run.duplicates,
    skipped: run.skipped,
    failed: run.failed,
  };
}
