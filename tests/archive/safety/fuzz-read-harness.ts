import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import type { ImportItem } from '../../../archive/api/contract.ts';
import { ArticleStore } from '../../../archive/articles/store.ts';
import { openArchive } from '../../../archive/db/open.ts';
import type { FileImporter, ImportedEntry } from '../../../archive/importers/file-importer.ts';

/**
 * Fuzzing an importer's `read` directly (no archive: the storage side is covered by fuzz-harness.ts
 * and the kill tests), so thousands of inputs per format fit in CI. Each input is written to a file
 * and read to the end; the properties:
 * - `read` yields only well-formed entries (an article with a title and text, or a skipped or
 *   failed item with a reason), or throws a file-level Error with a message; a TypeError,
 *   ReferenceError or RangeError (a bug met on the way), a non-Error, an uncaught exception or an
 *   unhandled rejection is a crash;
 * - it ends within the per-input timeout (a synchronous endless loop is caught by the runner's
 *   watchdog, which keeps the input that hung);
 * - the good items a case names (records around a corrupted one) are still imported.
 * A target whose importer stores files itself (bundles: images, library, checksums) is fuzzed
 * through `storeFile` into one real archive, whose integrity and full-text index are checked at the end.
 */
export interface FuzzCase {
  bytes: Uint8Array;
  /** The file name ending the importer is given (".warc.gz", ".json"...). */
  extension: string;
  /** Titles that must come out as articles: the good items around the damaged one. */
  mustImport?: string[];
  /** Text that must appear in the report's skipped lines: the good links of an export that holds only links. */
  mustList?: string[];
  /** What was done to the input, for the failure message and the statistics ("truncated", "bad length"). */
  label: string;
}

export interface ReadTarget {
  name: string;
  importer: FileImporter;
  /** Built once per worker (seed files, sample records); may be async (zips are built by yazl). */
  cases(): Promise<fc.Arbitrary<FuzzCase>> | fc.Arbitrary<FuzzCase>;
  /** Imports through the importer's `storeFile` into an archive, rather than reading alone. */
  storesFiles?: boolean;
}

/** A stored file's report lines as entries, so the same properties apply; a problem throws. */
export function itemsAsEntries(items: ImportItem[], store: ArticleStore, name: string): ImportedEntry[] {
  return items.map((item): ImportedEntry => {
    if (item.status === 'failed' || item.status === 'skipped')
      return { kind: item.status, message: item.message ?? '' };
    if (item.status === 'cancelled') throw new Error(`${name}: a line cancelled, though nothing was cancelled`);
    const stored = item.articleId ? store.get(item.articleId) : null;
    if (!stored) throw new Error(`${name}: ${item.path} reported ${item.status}, but its article is not stored`);
    return { kind: 'article', article: { title: item.title ?? stored.title, paragraphs: [] } };
  });
}

export interface ReadStats {
  target: string;
  runs: number;
  bytes: number;
  articles: number;
  failed: number;
  skipped: number;
  /** Files the importer refused as a whole (it threw a file-level error). */
  refused: number;
  slowestMs: number;
  cpuMs: number;
  labels: Record<string, number>;
  reasons: string[];
}

export const PROGRAMMING_ERRORS = [TypeError, ReferenceError, RangeError, EvalError];

export function checkEntry(entry: ImportedEntry): string | null {
  if (entry.kind === 'article') {
    const { article } = entry;
    if (typeof article.title !== 'string' || article.title.trim() === '') return 'an article without a title';
    if (!Array.isArray(article.paragraphs) || article.paragraphs.some((p) => typeof p !== 'string')) {
      return 'an article whose paragraphs are not text';
    }
    return null;
  }
  if (entry.kind === 'failed' || entry.kind === 'skipped') {
    return typeof entry.message === 'string' && entry.message.trim() ? null : `${entry.kind} without a reason`;
  }
  return `an entry of kind ${String((entry as { kind: unknown }).kind)}`;
}

/** Reads every case of a target; throws (fast-check shrinks first) on the first input that breaks a property. */
export async function fuzzRead(
  target: ReadTarget,
  options: {
    runs: number;
    seed: number;
    inputTimeoutMs: number;
    onInput?: (path: string, label: string) => void;
    /** Where the (shrunk) input that broke a property is written, to be kept as a regression fixture. */
    keepFailingIn?: string;
  },
): Promise<ReadStats> {
  const root = mkdtempSync(join(tmpdir(), 'archive-reader-fuzz-read-'));
  const stats: ReadStats = {
    target: target.name,
    runs: 0,
    bytes: 0,
    articles: 0,
    failed: 0,
    skipped: 0,
    refused: 0,
    slowestMs: 0,
    cpuMs: 0,
    labels: {},
    reasons: [],
  };
  // Anything thrown outside the awaited read (a stream's 'error' with no listener, a promise nobody awaits).
  const escaped: unknown[] = [];
  const onEscape = (error: unknown) => escaped.push(error);
  process.on('uncaughtException', onEscape);
  process.on('unhandledRejection', onEscape);
  const cpuAtStart = process.cpuUsage();
  const archive = target.storesFiles ? (await openArchive(join(root, 'archive.sqlite'))).db : null;
  const store = archive ? new ArticleStore(archive) : null;
  const arbitrary = await target.cases();
  let run = 0;
  let failing: FuzzCase | null = null;
  const property = fc.asyncProperty(arbitrary, async (input) => {
    failing = input;
    const folder = join(root, `run-${run++}`);
    mkdirSync(folder);
    const path = join(folder, `input${input.extension}`);
    writeFileSync(path, input.bytes);
    options.onInput?.(path, input.label);
    const entries: ImportedEntry[] = [];
    let refused: unknown = null;
    let stored: ImportItem[] | null = null;
    let timer: NodeJS.Timeout | undefined;
    const started = performance.now();
    try {
      const reading = (async () => {
        try {
          stored = (store && (await target.importer.storeFile?.(path, store))) ?? null;
          if (!stored) for await (const entry of target.importer.read(path)) entries.push(entry);
        } catch (error) {
          refused = error;
        }
      })();
      const timeout = new Promise<'timeout'>(
        (resolve) => (timer = setTimeout(() => resolve('timeout'), options.inputTimeoutMs)),
      );
      if ((await Promise.race([reading, timeout])) === 'timeout') {
        throw new Error(`${target.name}: reading did not end within ${options.inputTimeoutMs} ms (${input.label})`);
      }
      // Let a stray rejection or stream error surface before judging the input.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      clearTimeout(timer);
    }
    if (stored && store) entries.push(...itemsAsEntries(stored, store, target.name));
    const ms = performance.now() - started;
    stats.slowestMs = Math.max(stats.slowestMs, ms);
    if (escaped.length > 0) {
      const error = escaped.splice(0)[0];
      throw new Error(
        `${target.name}: escaped the importer (${input.label}): ${(error as Error)?.stack ?? String(error)}`,
      );
    }
    if (refused !== null) {
      if (
        !(refused instanceof Error) ||
        PROGRAMMING_ERRORS.some((kind) => refused instanceof kind) ||
        !refused.message
      ) {
        throw new Error(`${target.name}: crashed (${input.label}): ${(refused as Error)?.stack ?? String(refused)}`);
      }
    }
    for (const entry of entries) {
      const problem = checkEntry(entry);
      if (problem) throw new Error(`${target.name}: ${problem} (${input.label})`);
    }
    const titles = new Set(entries.flatMap((e) => (e.kind === 'article' ? [e.article.title] : [])));
    const listed = entries.flatMap((e) => (e.kind === 'skipped' ? [e.message] : []));
    for (const text of input.mustList ?? []) {
      if (!listed.some((message) => message.includes(text))) {
        throw new Error(
          `${target.name}: the good item "${text}" is not in the report (${input.label}): ${listed.join(' | ')}`,
        );
      }
    }
    for (const title of input.mustImport ?? []) {
      if (!titles.has(title)) {
        const report = entries.map((e) =>
          e.kind === 'article' ? `article "${e.article.title}"` : `${e.kind} ${e.position ?? ''}: ${e.message}`,
        );
        throw new Error(
          `${target.name}: the good item "${title}" was lost (${input.label}); ` +
            `${refused ? `refused: ${(refused as Error).message}; ` : ''}entries: ${report.join(' | ')}`,
        );
      }
    }
    stats.runs++;
    stats.bytes += input.bytes.length;
    stats.labels[input.label] = (stats.labels[input.label] ?? 0) + 1;
    for (const entry of entries) {
      if (entry.kind === 'article') stats.articles++;
      else stats[entry.kind]++;
      if (entry.kind === 'failed' && stats.reasons.length < 8) {
        const reason = entry.message.replace(/\d+/g, 'N').slice(0, 120);
        if (!stats.reasons.includes(reason)) stats.reasons.push(reason);
      }
    }
    if (refused) {
      stats.refused++;
      const reason = `refused: ${(refused as Error).message.replace(/\d+/g, 'N').slice(0, 120)}`;
      if (stats.reasons.length < 12 && !stats.reasons.includes(reason)) stats.reasons.push(reason);
    }
    rmSync(folder, { recursive: true, force: true });
    failing = null;
  });
  try {
    const details = await fc.check(property, { numRuns: options.runs, seed: options.seed, endOnFailure: true });
    if (details.failed) {
      const cause =
        details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      let kept = '';
      const input = details.counterexample?.[0] ?? failing;
      if (input && options.keepFailingIn) {
        mkdirSync(options.keepFailingIn, { recursive: true });
        const name = `${target.name.toLowerCase().replace(/\W+/g, '-')}-seed${options.seed}-${Date.now()}${input.extension}`;
        writeFileSync(join(options.keepFailingIn, name), input.bytes);
        kept = `; the input (${input.bytes.length} bytes) is kept as ${join(options.keepFailingIn, name)}`;
      }
      throw new Error(
        `${cause}\n(after ${details.numRuns} inputs, shrunk ${details.numShrinks} times, seed ${options.seed}, path ${details.counterexamplePath})${kept}`,
      );
    }
    if (archive) {
      const integrity = archive.pragma('integrity_check');
      if (JSON.stringify(integrity) !== '[{"integrity_check":"ok"}]') {
        throw new Error(`${target.name}: the archive failed integrity_check: ${JSON.stringify(integrity)}`);
      }
      archive.prepare("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')").run();
    }
    const cpu = process.cpuUsage(cpuAtStart);
    stats.cpuMs = (cpu.user + cpu.system) / 1000;
    return stats;
  } finally {
    archive?.close();
    process.off('uncaughtException', onEscape);
    process.off('unhandledRejection', onEscape);
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Runs fuzzRead in a worker thread with a watchdog: an input that keeps the importer busy past
 * `inputTimeoutMs` (even in a synchronous loop the test's own timer could not interrupt) fails the
 * run, and is copied to `keepHungInputIn` for a regression fixture. `module` exports the ReadTarget
 * as `exportName`.
 */
export function runReadFuzzInWorker(
  module: URL,
  exportName: string,
  options: { runs: number; seed: number; inputTimeoutMs: number; keepHungInputIn?: string; keepFailingIn?: string },
): Promise<ReadStats> {
  const worker = new Worker(new URL('./fuzz-read-worker.ts', import.meta.url), {
    workerData: { module: module.href, exportName, options },
  });
  let last: { path: string; label: string } | null = null;
  let watchdog: NodeJS.Timeout | undefined;
  return new Promise<ReadStats>((resolve, reject) => {
    const arm = () => {
      clearTimeout(watchdog);
      // The first input waits for the target's modules and seeds to load.
      watchdog = setTimeout(hung, last ? options.inputTimeoutMs * 2 : 120_000);
    };
    const hung = () => {
      let kept = '';
      if (last && options.keepHungInputIn) {
        mkdirSync(options.keepHungInputIn, { recursive: true });
        const copy = join(
          options.keepHungInputIn,
          `hung-${Date.now()}${last.path.slice(last.path.lastIndexOf('input') + 5)}`,
        );
        try {
          copyFileSync(last.path, copy);
          kept = `; the input is kept as ${copy}`;
        } catch {
          // Removed meanwhile: the message still names the case.
        }
      }
      void worker.terminate();
      reject(
        new Error(
          `${exportName}: an input kept the importer busy past ${options.inputTimeoutMs * 2} ms: ${last?.label ?? 'loading'}${kept}`,
        ),
      );
    };
    arm();
    worker.on(
      'message',
      (
        message:
          | { type: 'input'; path: string; label: string }
          | { type: 'done'; stats: ReadStats }
          | { type: 'failed'; error: string },
      ) => {
        if (message.type === 'input') {
          last = message;
          arm();
          return;
        }
        clearTimeout(watchdog);
        void worker.terminate();
        if (message.type === 'done') resolve(message.stats);
        else reject(new Error(message.error));
      },
    );
    worker.on('error', (error) => {
      clearTimeout(watchdog);
      reject(error);
    });
  });
}
