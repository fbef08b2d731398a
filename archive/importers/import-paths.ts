import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { ImportItem, ImportProgress, ImportReport } from '../api/contract.ts';
import type { ArticleStore, NewArticle, StoreOutcome } from '../articles/store.ts';
import { languageDetector } from '../text/detect-language.ts';
import { archiveFiles } from './archive-files.ts';
import { LibraryCarrier } from './carry-library.ts';
import type { CarriedLibrary, FileImporter, Position } from './file-importer.ts';
import type { PoolOptions } from './pool/extraction-pool.ts';
import { ImportReader } from './pool/import-reader.ts';
import { IMPORTERS, importerFor } from './registry.ts';

const BATCH_SIZE = 200;

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file or folder';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    return error.message;
  }
  return String(error);
}

/**
 * Every file under the given paths, folders walked recursively in name order; unreadable entries
 * reported. The archive's own files are left out: silently within a folder, with a line when named.
 */
function* walk(
  paths: readonly string[],
  report: (item: ImportItem) => void,
  own: (path: string) => boolean,
  named = true,
): Generator<string> {
  for (const given of paths) {
    const path = resolve(given);
    if (own(path)) {
      if (named) report({ path, status: 'skipped', message: 'this is the archive itself (or one of its own files)' });
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      report({ path, status: 'failed', message: describe(error) });
      continue;
    }
    if (!isDirectory) {
      yield path;
      continue;
    }
    let entries: string[];
    try {
      entries = readdirSync(path).sort();
    } catch (error) {
      report({ path, status: 'failed', message: describe(error) });
      continue;
    }
    yield* walk(
      entries.filter((name) => !name.startsWith('.')).map((name) => join(path, name)),
      report,
      own,
      false,
    );
  }
}

/** Why an article was not stored: the same text, or the same address (a repeated capture says when each was made). */
function duplicateMessage(outcome: StoreOutcome & { status: 'duplicate' }, capturedAt: string | null | undefined) {
  if (!outcome.sameAddress) return `same text as article ${outcome.id}`;
  const stored = outcome.sameAddress.capturedAt;
  if (capturedAt && stored && capturedAt !== stored) {
    return `same address as article ${outcome.id}, captured ${stored}; this capture (${capturedAt}) is not stored again`;
  }
  return `same address as article ${outcome.id}, with another text; not stored again`;
}

/** What an import is asked to do besides its paths; every field may be left out. */
export interface ImportOptions {
  importers?: readonly FileImporter[];
  /** Stops the import between two items: what was read is stored, the rest reported as cancelled. */
  signal?: AbortSignal;
  /** Called after each file, at most every 100 ms within a long one, and once at the end. */
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Receives the report's lines in order, inside the transaction that stores their batch, so a stored
   * report never names an article that is not stored. When given, the returned report's `items` stays
   * empty: a run of 100,000 items is never held in memory.
   */
  onItems?: (items: readonly ImportItem[]) => void;
  /** The extraction workers (a pool sized to the cores by default); false reads every file on this thread. */
  extraction?: PoolOptions | false;
}

const PROGRESS_INTERVAL_MS = 100;
/** How long the import works before letting the worker answer other calls (search, getArticle, cancel). */
const YIELD_INTERVAL_MS = 20;
/** Report lines without an article (skipped, failed) are handed on once this many are waiting. */
const PENDING_LIMIT = 1000;
/** An import that reports progress stores what it has read at least this often, so its counts stay live. */
const LIVE_FLUSH_MS = 1000;

const pause = () => new Promise<void>((done) => setImmediate(done));

/** How many files the walk will yield, counted before the import so progress has a total from the start. */
function countFiles(paths: readonly string[], own: (path: string) => boolean): number {
  let files = 0;
  const found = walk(paths, () => {}, own);
  while (!found.next().done) files += 1;
  return files;
}

/**
 * Imports files and folders. Each file is imported, recognised as a duplicate, skipped or failed,
 * and the report says which and why; one bad file never stops the others. Writes are batched in
 * transactions, so an interruption loses at most the current batch and a re-run finishes the job.
 * A cancelled import stores what it has read and reports the files it did not finish as `cancelled`.
 */
export async function importPaths(
  store: ArticleStore,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { importers = IMPORTERS, signal, onProgress, onItems, extraction } = options;
  const detectLanguage = await languageDetector();
  const started = performance.now();
  const own = archiveFiles(store.db.name);
  const total = countFiles(paths, own);
  const counts: Record<ImportItem['status'], number> = {
    imported: 0,
    duplicate: 0,
    'near-duplicate': 0,
    skipped: 0,
    failed: 0,
    cancelled: 0,
  };
  const kept: ImportItem[] = [];
  // Report lines since the last flush, in file order; an article's line is final once its batch is stored.
  let pending: ImportItem[] = [];
  let produced = 0;
  let filesDone = 0;
  let currentFile: string | null = null;
  let fileShare: number | null = null;
  let fileItems = 0;
  const add = (item: ImportItem) => {
    produced += 1;
    return pending.push(item) - 1;
  };
  // Articles waiting to be stored, each with the place of its line in `pending`.
  let batch: { article: NewArticle; carried?: CarriedLibrary; decoding?: string | null; slot: number }[] = [];
  const carrier = new LibraryCarrier(store.db);
  const storeBatch = store.db.transaction(() => {
    const outcomes = batch.length ? store.addMany(batch.map(({ article }) => article)) : [];
    batch.forEach(({ article, carried, decoding, slot }, index) => {
      const outcome = outcomes[index] as (typeof outcomes)[number];
      const path = article.sourcePath as string;
      // How a file not in UTF-8 was read, after what became of its article.
      const noted = (message: string) => (decoding ? `${message}; ${decoding}` : message);
      if (!(outcome instanceof Error) && carried) carrier.apply(outcome.id, carried);
      if (outcome instanceof Error) {
        pending[slot] = { path, status: 'failed', message: `could not be stored: ${describe(outcome)}` };
      } else if (outcome.status === 'imported') {
        const note = decoding ? { message: decoding } : {};
        pending[slot] = { path, status: 'imported', articleId: outcome.id, title: article.title, ...note };
      } else if (outcome.status === 'near-duplicate') {
        const message = noted(
          `near-duplicate of article ${outcome.id} (${outcome.distance} bit(s) apart): linked to it`,
        );
        pending[slot] = { path, status: 'near-duplicate', articleId: outcome.id, title: article.title, message };
      } else {
        const message = noted(duplicateMessage(outcome, article.capturedAt));
        pending[slot] = { path, status: 'duplicate', articleId: outcome.id, title: article.title, message };
      }
    });
    onItems?.(pending);
  });
  let lastFlush = performance.now();
  const flush = () => {
    lastFlush = performance.now();
    if (pending.length === 0) return;
    storeBatch.immediate();
    for (const item of pending) counts[item.status] += 1;
    if (!onItems) kept.push(...pending);
    pending = [];
    batch = [];
  };

  let lastProgress = 0;
  const progress = (force: boolean) => {
    const now = performance.now();
    if (!onProgress || (!force && now - lastProgress < PROGRESS_INTERVAL_MS)) return;
    lastProgress = now;
    const seconds = (now - started) / 1000;
    const read = filesDone + (fileShare ?? 0);
    const left = Math.max(0, total - read);
    onProgress({
      done: filesDone,
      total: Math.max(total, filesDone),
      currentFile,
      currentFileShare: fileShare,
      currentFileItems: fileItems,
      itemsPerSecond: seconds > 0 ? produced / seconds : 0,
      // A cancelled import has nothing left to wait for: no estimate.
      etaSeconds: signal?.aborted || (read === 0 && left > 0) ? null : read > 0 ? (seconds / read) * left : 0,
      imported: counts.imported,
      duplicates: counts.duplicate,
      skipped: counts.skipped,
      failed: counts.failed,
    });
  };
  let lastPause = performance.now();
  const breathe = async () => {
    if (performance.now() - lastPause < YIELD_INTERVAL_MS) return;
    await pause();
    lastPause = performance.now();
  };

  const at = (path: string, position: Position) => (position ? `${path}#${position}` : path);
  const storeItself = async (importer: FileImporter, path: string) => {
    flush();
    try {
      return (await importer.storeFile?.(path, store)) ?? null;
    } catch (error) {
      return [{ path, status: 'failed' as const, message: describe(error) }];
    }
  };

  progress(true);
  const reader = new ImportReader(importers, detectLanguage, { pool: extraction, signal });
  for (const path of reader.paths((report) => walk(paths, report, own), add)) {
    if (signal?.aborted) {
      add({ path, status: 'cancelled', message: 'not read: the import was cancelled' });
      if (pending.length >= PENDING_LIMIT) flush();
      continue;
    }
    currentFile = path;
    fileShare = null;
    fileItems = 0;
    const importer = importerFor(path, importers);
    // A format that stores itself (a bundle) answers its own report lines; null: it is read as usual.
    const ownItems = importer?.storeFile ? await storeItself(importer, path) : null;
    if (!importer) {
      add({ path, status: 'skipped', message: `not a supported file type (${extname(path) || 'no extension'})` });
    } else if (ownItems) {
      for (const item of ownItems) add(item);
    } else {
      let read = 0;
      try {
        for await (const entry of reader.read(path, importer)) {
          if (signal?.aborted) {
            add({
              path,
              status: 'cancelled',
              message: `the import was cancelled after ${read} item(s) of this file; the rest was not read`,
            });
            break;
          }
          read += 1;
          fileItems = read;
          if (entry.share !== undefined) fileShare = Math.min(1, Math.max(0, entry.share));
          const where = at(path, entry.position);
          if (entry.kind !== 'article') {
            add({ path: where, status: entry.kind, message: entry.message });
          } else {
            batch.push({
              article: entry.article,
              carried: entry.library,
              decoding: entry.decoding,
              slot: add({ path: where, status: 'failed', message: 'not stored' }),
            });
          }
          const stale = onProgress !== undefined && performance.now() - lastFlush >= LIVE_FLUSH_MS;
          if (batch.length >= BATCH_SIZE || pending.length >= PENDING_LIMIT || stale) flush();
          progress(false);
          await breathe();
        }
      } catch (error) {
        add(
          signal?.aborted
            ? { path, status: 'cancelled', message: `the import was cancelled after ${read} item(s) of this file` }
            : { path, status: 'failed', message: describe(error) },
        );
      }
    }
    filesDone += 1;
    fileShare = null;
    if (pending.length >= PENDING_LIMIT) flush();
    progress(false);
    await breathe();
  }
  flush();
  currentFile = null;
  fileItems = 0;
  progress(true);

  return {
    imported: counts.imported,
    duplicates: counts.duplicate,
    skipped: counts.skipped,
    failed: counts.failed,
    nearDuplicates: counts['near-duplicate'],
    cancelled: signal?.aborted === true,
    left: counts.cancelled,
    items: kept,
  };
}
