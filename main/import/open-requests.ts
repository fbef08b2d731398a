import { isAbsolute, resolve } from 'node:path';
import type { ImportReport } from '../../archive/api/contract.ts';

/**
 * Files the app is asked to open (a double-click on an associated file, a drop on the dock icon, a
 * path on the command line of the app or of a second instance) are imported into the archive.
 * These are the kinds it takes that way; the list matches electron-builder.yml's fileAssociations
 * plus the text articles the importer reads today. Longest first, so `.warc.gz` is matched whole.
 */
export const OPENABLE_EXTENSIONS = ['.warc.gz', '.bundle', '.warc', '.zip', '.txt', '.md'] as const;

/** The contract takes at most this many paths in one importPaths call. */
export const MAX_PATHS_PER_IMPORT = 10_000;

/** What a second instance hands the first through `requestSingleInstanceLock`. */
export interface SecondInstanceData {
  openPaths: string[];
}

export function isOpenablePath(path: string): boolean {
  const lower = path.toLowerCase();
  return OPENABLE_EXTENSIONS.some((extension) => lower.endsWith(extension) && lower.length > extension.length);
}

function unique(paths: Iterable<string>): string[] {
  return [...new Set(paths)];
}

/**
 * The openable files named on a command line, made absolute against its working directory. Options
 * (`--flag`, and Chromium's own switches, which Electron may add to a second instance's argv) and
 * everything else (the executable, the app folder in development) are ignored.
 */
export function openablePathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  return unique(
    argv
      .slice(1)
      .filter((arg) => arg !== '' && !arg.startsWith('-') && !arg.includes('\0') && isOpenablePath(arg))
      .map((arg) => resolve(workingDirectory, arg)),
  );
}

/**
 * The files a second instance asks the first to import: the list it resolved itself and passed as
 * additional data when it is well formed (absolute, openable paths), else its argv, which Chromium
 * may have rewritten but which is still the user's command line.
 */
export function openablePathsFromSecondInstance(
  argv: readonly string[],
  workingDirectory: string,
  additionalData: unknown,
): string[] {
  const data = additionalData as Partial<SecondInstanceData> | null | undefined;
  const listed = data?.openPaths;
  if (
    Array.isArray(listed) &&
    listed.length > 0 &&
    listed.every((path) => typeof path === 'string' && isAbsolute(path) && !path.includes('\0') && isOpenablePath(path))
  ) {
    return unique(listed as string[]);
  }
  return openablePathsFromArgv(argv, workingDirectory);
}

/** Paths in groups the contract accepts. */
export function batches<T>(items: readonly T[], size = MAX_PATHS_PER_IMPORT): T[][] {
  const groups: T[][] = [];
  for (let start = 0; start < items.length; start += size) groups.push(items.slice(start, start + size));
  return groups;
}

/** The counts of several import reports (one per batch) added up. */
export function totalOf(
  reports: readonly ImportReport[],
): Pick<ImportReport, 'imported' | 'duplicates' | 'skipped' | 'failed'> {
  const total = { imported: 0, duplicates: 0, skipped: 0, failed: 0 };
  for (const report of reports) {
    total.imported += report.imported;
    total.duplicates += report.duplicates;
    total.skipped += report.skipped;
    total.failed += report.failed;
  }
  return total;
}

/**
 * Holds the paths the app is asked to open until it can import them (macOS sends open-file before
 * the app is ready, and the archive opens after that), then hands each batch straight on.
 */
export class OpenQueue {
  #pending: string[] = [];
  #handler: ((paths: string[]) => void) | null = null;

  add(paths: readonly string[]): void {
    if (paths.length === 0) return;
    if (this.#handler) this.#handler([...paths]);
    else this.#pending.push(...paths);
  }

  /** From now on paths go to `handler`; those waiting go first, in one batch. */
  start(handler: (paths: string[]) => void): void {
    this.#handler = handler;
    const waiting = unique(this.#pending);
    this.#pending = [];
    if (waiting.length > 0) handler(waiting);
  }
}
