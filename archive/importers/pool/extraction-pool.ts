import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PooledEntry, PoolReply, PoolRequest } from './protocol.ts';

/** Under Node the workers run from their TypeScript source; Electron's build bundles them beside main. */
export const SOURCE_EXTRACTION_WORKER_URL = new URL('./extraction-worker.ts', import.meta.url);

let defaultWorkerUrl = SOURCE_EXTRACTION_WORKER_URL;

/**
 * The workers could not start (a build without the worker file, a module that fails to load): the
 * files given to them were not read at all, and can be read on the writer's thread instead.
 */
export class PoolUnavailableError extends Error {
  constructor(reason: string) {
    super(`the extraction workers could not start: ${reason}`);
    this.name = 'PoolUnavailableError';
  }
}

/** Where pools started without a `workerUrl` find the worker: set once by a bundled build. */
export function setExtractionWorkerUrl(url: URL): void {
  defaultWorkerUrl = url;
}

export interface PoolOptions {
  /** Worker threads; one per core by default. */
  size?: number;
  workerUrl?: URL;
}

/**
 * Files handed to each worker before the writer has reached them: more than the writer's batch of
 * small files, so the workers keep reading while it stores one (what they read ahead is bounded by
 * their window, not by this).
 */
const FILES_AHEAD_PER_WORKER = 256;

interface Chunk {
  entries: PooledEntry[];
  weight: number;
}

interface Job {
  id: number;
  path: string;
  repeatedLines: string[];
  /** The worker reading it; null only when no worker could take it. */
  slot: Slot | null;
  chunks: Chunk[];
  done: boolean;
  error?: string;
  /** The writer stopped reading this file: what still comes is acknowledged unread. */
  abandoned: boolean;
  /** Set when no worker could start: the file was never read. */
  unavailable?: PoolUnavailableError;
  wake?: () => void;
}

interface Slot {
  worker: Worker;
  /** Its files not yet done, in the order given: the first is the one it is reading. */
  jobs: Job[];
  /** It has loaded its modules: a death from now on is a file's doing. */
  ready: boolean;
  stopped: boolean;
  /** What it threw, kept until it has exited. */
  crash?: string;
}

/**
 * Extraction workers that read files (any format the registry knows) off the writer's thread. Files
 * are submitted in the order the report needs them and read back in that same order, each file's
 * entries as a stream; a worker reads at most a small window of entries ahead of the writer, so a
 * 2 GB WARC or a 100,000-item feed stays streaming. A worker that dies (a crash in a parser or a
 * native module) fails its current file only; its other files go to a new worker.
 */
export class ExtractionPool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly workerUrl: URL;
  private nextId = 1;
  private closed = false;
  private unavailable: PoolUnavailableError | null = null;
  /** The file the writer is reading now (taken off the queue). */
  private reading: Job | null = null;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.workerUrl = options.workerUrl ?? defaultWorkerUrl;
    for (let index = 0; index < this.size; index++) this.slots.push(this.spawn());
  }

  /** How many files may be submitted before the first is read back. */
  get lookahead(): number {
    return this.size * FILES_AHEAD_PER_WORKER;
  }

  /** Files submitted and not yet read back. */
  get pending(): number {
    return this.queue.length;
  }

  /** Entries the workers have read ahead and the writer has not taken yet: bounded by the workers' windows. */
  get bufferedEntries(): number {
    const jobs = this.reading ? [this.reading, ...this.queue] : this.queue;
    return jobs.reduce((sum, job) => sum + job.chunks.reduce((entries, chunk) => entries + chunk.entries.length, 0), 0);
  }

  /**
   * Hands a file to the least busy worker, with its folder's repeated lines (see `RepeatedEdges`);
   * its entries are read back with `next`, in submission order.
   */
  submit(path: string, repeatedLines: readonly string[] = []): void {
    if (this.closed) throw new Error('the extraction pool is closed');
    const job: Job = {
      id: this.nextId++,
      path,
      repeatedLines: [...repeatedLines],
      slot: null,
      chunks: [],
      done: false,
      abandoned: false,
    };
    this.queue.push(job);
    if (this.unavailable) this.fail(job, this.unavailable);
    else this.assign(job, this.leastBusy());
  }

  /**
   * The entries of the oldest submitted file, as its worker reads them; throws, after the entries
   * read before, when the file as a whole could not be read; throws PoolUnavailableError, before any
   * entry, when no worker could start. Leaving the loop early abandons the file.
   */
  async *next(path: string): AsyncGenerator<PooledEntry> {
    const job = this.queue.shift();
    if (!job || job.path !== path) throw new Error(`the extraction pool was asked for ${path} out of order`);
    this.reading = job;
    try {
      for (;;) {
        const chunk = job.chunks.shift();
        if (chunk) {
          // Taken by the writer: the worker may read that much further.
          this.credit(job.slot, chunk.weight);
          yield* chunk.entries;
          continue;
        }
        if (job.done) break;
        if (this.closed) throw new Error('the import was cancelled');
        await new Promise<void>((resolve) => (job.wake = resolve));
      }
      if (job.unavailable) throw job.unavailable;
      if (job.error !== undefined) throw new Error(job.error);
    } finally {
      this.reading = null;
      if (!job.done) {
        job.abandoned = true;
        for (const chunk of job.chunks.splice(0)) this.credit(job.slot, chunk.weight);
      }
    }
  }

  /** Stops every worker at once, whatever they are reading. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const slot of this.slots) for (const job of slot.jobs) job.wake?.();
    await Promise.all(
      this.slots.map((slot) => {
        slot.stopped = true;
        return slot.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl);
    const slot: Slot = { worker, jobs: [], ready: false, stopped: false };
    worker.on('message', (reply: PoolReply) => this.receive(slot, reply));
    // Acted on at exit, once the messages it sent before dying have all been received: a file it had
    // finished is then done, and not taken for the one that killed it.
    worker.on('error', (error) => (slot.crash ??= error.message));
    worker.on('exit', (code) => this.lost(slot, slot.crash ?? `it exited with code ${code}`));
    return slot;
  }

  /**
   * A worker died. Once ready, the file it was reading fails and its other files go to a new worker;
   * before, it read nothing: it is not replaced (it would die again) and its files go to the others,
   * or, with none left, are handed back unread (PoolUnavailableError).
   */
  private lost(slot: Slot, reason: string): void {
    if (slot.stopped) return;
    slot.stopped = true;
    const jobs = slot.jobs.splice(0);
    if (!slot.ready) {
      this.slots.splice(this.slots.indexOf(slot), 1);
      if (this.slots.length === 0) {
        const unavailable = new PoolUnavailableError(reason);
        this.unavailable = unavailable;
        for (const job of jobs) this.fail(job, unavailable);
        return;
      }
      for (const job of jobs) this.assign(job, this.leastBusy());
      return;
    }
    const [current, ...waiting] = jobs;
    if (current) {
      current.done = true;
      current.error = `the file stopped its extraction worker (${reason}); the other files were read on`;
      current.wake?.();
    }
    if (this.closed) return;
    const replacement = this.spawn();
    this.slots[this.slots.indexOf(slot)] = replacement;
    for (const job of waiting) this.assign(job, replacement);
  }

  private leastBusy(): Slot {
    return this.slots.reduce((best, candidate) => (candidate.jobs.length < best.jobs.length ? candidate : best));
  }

  private fail(job: Job, error: PoolUnavailableError): void {
    job.done = true;
    job.unavailable = error;
    job.wake?.();
  }

  /** Files wait for their worker to be ready, so that one dying before is known not to be a file's doing. */
  private assign(job: Job, slot: Slot): void {
    job.slot = slot;
    slot.jobs.push(job);
    if (slot.ready) this.post(slot, job);
  }

  private post(slot: Slot, job: Job): void {
    slot.worker.postMessage({
      type: 'read',
      job: job.id,
      path: job.path,
      repeatedLines: job.repeatedLines,
    } satisfies PoolRequest);
  }

  private credit(slot: Slot | null, weight: number): void {
    if (slot && !slot.stopped) slot.worker.postMessage({ type: 'credit', weight } satisfies PoolRequest);
  }

  private receive(slot: Slot, reply: PoolReply): void {
    if (reply.type === 'ready') {
      slot.ready = true;
      for (const job of slot.jobs) this.post(slot, job);
      return;
    }
    const job = slot.jobs.find((candidate) => candidate.id === reply.job);
    if (!job) return;
    if (job.abandoned) this.credit(slot, reply.weight);
    else if (reply.entries.length) job.chunks.push({ entries: reply.entries, weight: reply.weight });
    if (reply.done) {
      job.done = true;
      job.error = reply.error;
      slot.jobs.splice(slot.jobs.indexOf(job), 1);
    }
    job.wake?.();
  }
}
