import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import type { ImportItem } from '../../../archive/api/contract.ts';
import { ArticleStore } from '../../../archive/articles/store.ts';
import { openArchive } from '../../../archive/db/open.ts';
import type { FileImporter } from '../../../archive/importers/file-importer.ts';
import { importPaths } from '../../../archive/importers/import-paths.ts';

/**
 * A generic fuzzing harness for file importers: any FileImporter, any generator of file contents.
 * Each run writes a few generated files and one known-good file into a fresh folder and imports it;
 * the import must resolve (never throw), give every file a line in the report with a valid status
 * (skipped and failed ones with a reason), stay within a time limit, and still import the good file.
 */
export interface FuzzTarget {
  importer: FileImporter;
  /** Contents of bad, odd or mutated files. */
  contents: fc.Arbitrary<Uint8Array>;
  /** A file the importer must import, different on every run (run is 0, 1, 2...). */
  goodFile(run: number): { extension: string; bytes: Uint8Array; title: string };
}

export interface FuzzOptions {
  runs: number;
  seed: number;
  /** Files generated beside the good one (1 to this many). */
  maxFiles?: number;
  /** A run slower than this fails (a hang is caught by runFuzzInWorker's deadline). */
  maxMsPerRun?: number;
  /** Called before each run, e.g. to tell a watchdog what is being imported. */
  onRun?: (run: number, files: { name: string; bytes: number }[]) => void;
}

export interface FuzzStats {
  runs: number;
  files: number;
  statuses: Record<ImportItem['status'], number>;
  bytes: number;
  slowestMs: number;
  /** A few of the reasons given for failed files. */
  reasons: string[];
}

export async function fuzzImporter(target: FuzzTarget, options: FuzzOptions): Promise<FuzzStats> {
  const root = mkdtempSync(join(tmpdir(), 'archive-reader-fuzz-'));
  const { db } = await openArchive(join(root, 'archive.sqlite'));
  const store = new ArticleStore(db);
  const stats: FuzzStats = {
    runs: 0,
    files: 0,
    statuses: { imported: 0, duplicate: 0, 'near-duplicate': 0, skipped: 0, failed: 0, cancelled: 0 },
    bytes: 0,
    slowestMs: 0,
    reasons: [],
  };
  const extensions = [...target.importer.extensions, ...target.importer.extensions.map((e) => e.toUpperCase())];
  const file = fc.record({ extension: fc.constantFrom(...extensions), bytes: target.contents });
  const property = fc.asyncProperty(
    fc.array(file, { minLength: 1, maxLength: options.maxFiles ?? 3 }),
    async (files) => {
      const run = stats.runs++;
      const folder = join(root, `run-${run}`);
      const good = target.goodFile(run);
      const written = files.map((f, index) => ({ name: `bad-${index}${f.extension}`, bytes: f.bytes }));
      // Named to sort last: the bad files come first in the import.
      written.push({ name: `zz-good${good.extension}`, bytes: good.bytes });
      options.onRun?.(
        run,
        written.map((w) => ({ name: w.name, bytes: w.bytes.length })),
      );
      const { mkdirSync } = await import('node:fs');
      mkdirSync(folder);
      for (const w of written) writeFileSync(join(folder, w.name), w.bytes);
      const started = performance.now();
      let report;
      try {
        report = await importPaths(store, [folder], { importers: [target.importer] });
      } catch (error) {
        throw new Error(`importPaths threw: ${(error as Error).stack}`, { cause: error });
      }
      const ms = performance.now() - started;
      stats.slowestMs = Math.max(stats.slowestMs, ms);
      if (ms > (options.maxMsPerRun ?? 10_000)) throw new Error(`the import took ${Math.round(ms)} ms`);

      const { items } = report;
      for (const w of written) {
        const path = join(folder, w.name);
        const mine = items.filter((item) => item.path === path || item.path.startsWith(`${path}#`));
        if (mine.length === 0) throw new Error(`no report line for ${w.name}`);
      }
      for (const item of items) {
        if (!['imported', 'duplicate', 'near-duplicate', 'skipped', 'failed'].includes(item.status))
          throw new Error(`status ${item.status}`);
        if ((item.status === 'failed' || item.status === 'skipped') && !item.message) {
          throw new Error(`${item.path} ${item.status} without a reason`);
        }
        if (item.status === 'imported' && !(item.articleId && store.get(item.articleId))) {
          throw new Error(`${item.path} reported imported, but its article is not stored`);
        }
        stats.statuses[item.status]++;
        if (item.status === 'failed' && stats.reasons.length < 12 && item.message) {
          const reason = item.message.replace(/offset \d+/, 'offset N').replace(/\d+ characters/, 'N characters');
          if (!stats.reasons.includes(reason)) stats.reasons.push(reason);
        }
      }
      const counted =
        report.imported + report.duplicates + (report.nearDuplicates ?? 0) + report.skipped + report.failed;
      if (counted !== items.length) throw new Error(`counts add up to ${counted}, not ${items.length}`);
      const goodItem = items.find((item) => item.path === join(folder, `zz-good${good.extension}`));
      if (goodItem?.status !== 'imported')
        throw new Error(`the good file was ${goodItem?.status}: ${goodItem?.message}`);
      if (store.get(goodItem.articleId as number)?.title !== good.title)
        throw new Error('the good file’s title changed');
      stats.files += written.length;
      stats.bytes += written.reduce((sum, w) => sum + w.bytes.length, 0);
      rmSync(folder, { recursive: true, force: true });
    },
  );
  try {
    await fc.assert(property, { numRuns: options.runs, seed: options.seed, endOnFailure: true });
    return stats;
  } finally {
    db.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Runs fuzzImporter in a worker thread with a deadline, so that an importer caught in an endless
 * loop fails the test (naming the files it was reading) instead of hanging it. `module` exports the
 * FuzzTarget as `exportName`.
 */
export function runFuzzInWorker(
  module: URL,
  exportName: string,
  options: Omit<FuzzOptions, 'onRun'> & { deadlineMs: number },
): Promise<FuzzStats> {
  const worker = new Worker(new URL('./fuzz-worker.ts', import.meta.url), {
    workerData: { module: module.href, exportName, options },
  });
  let last = 'before the first run';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`the fuzzing did not finish in ${options.deadlineMs} ms; last input: ${last}`));
    }, options.deadlineMs);
    worker.on(
      'message',
      (
        message:
          { type: 'run'; description: string } | { type: 'done'; stats: FuzzStats } | { type: 'failed'; error: string },
      ) => {
        if (message.type === 'run') last = message.description;
        else {
          clearTimeout(timer);
          void worker.terminate();
          if (message.type === 'done') resolve(message.stats);
          else reject(new Error(message.error));
        }
      },
    );
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
