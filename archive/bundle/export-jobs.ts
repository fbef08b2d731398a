import type { ArchiveDb } from '../db/open.ts';
import type { Searcher } from '../search/search.ts';
import { BundleCancelled, writeBundle, type BundleRequest, type WrittenBundle } from './write.ts';

export type BundleJobState = 'running' | 'finished' | 'cancelled' | 'failed';

/** A bundle being written: articles done of the total, then what was written or why it was not. */
export interface BundleJob {
  jobId: number;
  state: BundleJobState;
  done: number;
  total: number;
  result: WrittenBundle | null;
  error: string | null;
}

interface Job extends BundleJob {
  /** What ended the job in failure, thrown by start() when it came before the first article. */
  failure?: unknown;
  controller: AbortController;
  finished: Promise<void>;
}

/** Finished jobs kept for their last state: the page that started one asks once more after the end. */
const KEPT_FINISHED = 20;

/**
 * Bundle exports as jobs, like imports (archive/imports/import-jobs.ts): started at once, they
 * write between the archive's other calls, so the page can ask how far they are and cancel them.
 * A job lives in memory only: a bundle is a file, and one cut short is never left under its name.
 */
export class BundleExports {
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;

  private readonly db: ArchiveDb;
  private readonly searcher: Searcher;

  constructor(db: ArchiveDb, searcher: Searcher) {
    this.db = db;
    this.searcher = searcher;
  }

  /**
   * Starts writing and answers the job's id once the scope is read: a path or a date refused
   * rejects here, so the caller hears of it at once rather than from a failed job.
   */
  async start(request: BundleRequest & { path: string }): Promise<number> {
    const job: Job = {
      jobId: this.nextId++,
      state: 'running',
      done: 0,
      total: 0,
      result: null,
      error: null,
      controller: new AbortController(),
      finished: Promise.resolve(),
    };
    let started = false;
    let onStarted = (): void => {};
    const startedOrEnded = new Promise<void>((resolve) => (onStarted = resolve));
    job.finished = this.execute(job, request, () => {
      started = true;
      onStarted();
    });
    await Promise.race([startedOrEnded, job.finished]);
    if (!started && job.state === 'failed') throw job.failure;
    this.jobs.set(job.jobId, job);
    this.forgetOldJobs();
    return job.jobId;
  }

  progress(jobId: number): BundleJob | null {
    const job = this.jobs.get(jobId);
    if (!job) return null;
    const { jobId: id, state, done, total, result, error } = job;
    return { jobId: id, state, done, total, result, error };
  }

  /** Asks a running job to stop after its current article; the partial file is removed. */
  cancel(jobId: number): BundleJob | null {
    this.jobs.get(jobId)?.controller.abort();
    return this.progress(jobId);
  }

  /** Resolves when the job has ended (at once for an unknown one). */
  async settled(jobId: number): Promise<void> {
    await this.jobs.get(jobId)?.finished;
  }

  private async execute(job: Job, request: BundleRequest & { path: string }, started: () => void): Promise<void> {
    try {
      job.result = await writeBundle(
        this.db,
        this.searcher,
        request,
        ({ done, total }) => {
          job.done = done;
          job.total = total;
          started();
        },
        job.controller.signal,
      );
      job.state = 'finished';
    } catch (error) {
      const cancelled = error instanceof BundleCancelled;
      job.state = cancelled ? 'cancelled' : 'failed';
      job.error = cancelled ? null : error instanceof Error ? error.message : String(error);
      job.failure = error;
    }
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((job) => job.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEPT_FINISHED))) this.jobs.delete(job.jobId);
  }
}
