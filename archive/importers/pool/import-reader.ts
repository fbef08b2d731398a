import { statSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import type { ImportItem } from '../../api/contract.ts';
import type { LanguageDetector } from '../../text/detect-language.ts';
import type { FileImporter } from '../file-importer.ts';
import { IMPORTERS, importerFor } from '../registry.ts';
import { RepeatedEdges, TEXT_EXTENSIONS } from '../repeated-edges.ts';
import { completeEntry } from './complete-article.ts';
import { ExtractionPool, PoolUnavailableError, type PoolOptions } from './extraction-pool.ts';
import type { PooledEntry } from './protocol.ts';

/**
 * An import with fewer files than this, all small, is read on the writer's thread: starting the
 * workers (each loads every importer) costs more than it saves.
 */
const POOL_MIN_FILES = 8;
const POOL_MIN_BYTES = 4 * 1024 * 1024;

type Ahead = { path: string; pooled: boolean } | { item: ImportItem };

/**
 * Reads an import's files, in the walk's order: on the extraction pool when the import is large
 * enough to gain from it and uses the registry's importers (a worker cannot be handed other code),
 * else on this thread. Either way each entry comes out completed (language, dates) with its source path.
 */
export class ImportReader {
  private readonly importers: readonly FileImporter[];
  private readonly detectLanguage: LanguageDetector;
  private readonly poolOptions: PoolOptions | false;
  private pool: ExtractionPool | null = null;
  private lastPooled = false;
  private stopped = false;
  private readonly repeatedEdges = new RepeatedEdges();

  /** `pool` false: never start workers (every file is read on this thread). A `signal` stops the workers at once. */
  constructor(
    importers: readonly FileImporter[],
    detectLanguage: LanguageDetector,
    options: { pool?: PoolOptions | false; signal?: AbortSignal } = {},
  ) {
    this.importers = importers;
    this.detectLanguage = detectLanguage;
    this.poolOptions = options.pool ?? {};
    options.signal?.addEventListener('abort', () => void this.close(), { once: true });
  }

  /**
   * The walk's files, with those ahead of the writer already submitted to the pool. Report lines
   * the walk adds (an unreadable folder) are handed to `add` in their place among the files. The
   * workers stop when the caller's loop ends, however it ends.
   */
  *paths(
    walk: (report: (item: ImportItem) => void) => Iterable<string>,
    add: (item: ImportItem) => void,
  ): Generator<string> {
    const ahead: Ahead[] = [];
    const files = walk((item) => ahead.push({ item }))[Symbol.iterator]();
    let exhausted = false;
    const pull = () => {
      const next = files.next();
      if (next.done) exhausted = true;
      else ahead.push({ path: next.value, pooled: this.submit(next.value) });
    };

    if (this.poolOptions !== false && this.importers === IMPORTERS) {
      let count = 0;
      let bytes = 0;
      while (!exhausted && count < POOL_MIN_FILES && bytes < POOL_MIN_BYTES) {
        pull();
        const last = ahead.at(-1);
        if (!last || !('path' in last) || !importerFor(last.path, this.importers)) continue;
        count += 1;
        bytes += sizeOf(last.path);
      }
      if (count >= POOL_MIN_FILES || bytes >= POOL_MIN_BYTES) {
        this.pool = new ExtractionPool(this.poolOptions);
        for (const entry of ahead) if ('path' in entry) entry.pooled = this.submit(entry.path);
      }
    }

    try {
      while (ahead.length || !exhausted) {
        const pool = this.pool;
        if (pool && !this.stopped) while (!exhausted && pool.pending < pool.lookahead) pull();
        if (!ahead.length) pull();
        const next = ahead.shift();
        if (!next) continue;
        if ('item' in next) {
          add(next.item);
          continue;
        }
        this.lastPooled = next.pooled;
        yield next.path;
      }
    } finally {
      void this.close();
    }
  }

  /** The entries of the file `paths` yielded last. */
  read(path: string, importer: FileImporter): AsyncIterable<PooledEntry> {
    if (this.lastPooled && this.pool) return this.readPooled(this.pool, path, importer);
    return this.readHere(path, importer);
  }

  /** Stops the workers (a cancelled import, or its end); files not read yet are left to the caller to report. */
  async close(): Promise<void> {
    this.stopped = true;
    await this.pool?.close();
  }

  private submit(path: string): boolean {
    const importer = importerFor(path, this.importers);
    // A format that stores itself (a bundle) is handled by the writer.
    if (!this.pool || this.stopped || !importer || importer.storeFile) return false;
    // Surveyed here, once a folder, rather than by every worker its files go to.
    const repeated = TEXT_EXTENSIONS.has(extname(path).toLowerCase()) ? this.repeatedEdges.of(dirname(path)) : [];
    this.pool.submit(path, [...repeated]);
    return true;
  }

  /** From the pool; here instead when its workers could not start. */
  private async *readPooled(pool: ExtractionPool, path: string, importer: FileImporter): AsyncGenerator<PooledEntry> {
    try {
      yield* pool.next(path);
      return;
    } catch (error) {
      if (!(error instanceof PoolUnavailableError)) throw error;
    }
    yield* this.readHere(path, importer);
  }

  private async *readHere(path: string, importer: FileImporter): AsyncGenerator<PooledEntry> {
    for await (const entry of importer.read(path, { repeatedEdges: this.repeatedEdges })) {
      yield completeEntry(entry, path, this.detectLanguage, false);
    }
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    // The importer will say what is wrong with the file.
    return 0;
  }
}
