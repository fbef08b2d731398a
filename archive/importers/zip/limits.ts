import { Transform, type TransformCallback } from 'node:stream';
import { openPromise, type Entry, type ZipFile } from 'yauzl';
import { refusedName } from './entry-name.ts';

/** The limits that stop zip bombs; each can be changed for one importer. */
export interface ZipLimits {
  /** Most entries a zip (nested ones included) may list. */
  maxEntries: number;
  /** Most bytes all entries together may hold once extracted (nested zips included). */
  maxTotalBytes: number;
  /** Most bytes one entry may hold once extracted. */
  maxEntryBytes: number;
  /** Highest compression ratio (uncompressed to compressed) of an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries up to this size are not held to `maxRatio`: small files of repeated text compress very well. */
  ratioFloorBytes: number;
  /** How deep zips inside zips are read: 2 reads a zip in a zip, not a zip in that. */
  maxDepth: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 100_000,
  maxTotalBytes: 4 * 1024 ** 3,
  maxEntryBytes: 2 * 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxDepth: 2,
};

/** What is left to spend, shared by a zip and the zips inside it. */
export interface Budget {
  entries: number;
  bytes: number;
}

const SYMLINK = 0o120000;
const FILE_TYPE_MASK = 0o170000;
const STORED = 0;
const DEFLATED = 8;

const megabytes = (bytes: number) =>
  bytes >= 1024 ** 3
    ? `${+(bytes / 1024 ** 3).toFixed(1)} GB`
    : bytes >= 1024 ** 2
      ? `${+(bytes / 1024 ** 2).toFixed(1)} MB`
      : bytes >= 1024
        ? `${+(bytes / 1024).toFixed(1)} KB`
        : `${bytes} bytes`;

export class EntryTooLarge extends Error {}

/** Passes bytes through, failing as soon as more than `limit` have come: a lying size in a header stops here. */
export class ByteLimit extends Transform {
  count = 0;
  private readonly limit: number;
  constructor(limit: number) {
    super();
    this.limit = limit;
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.count += chunk.length;
    if (this.count > this.limit) callback(new EntryTooLarge());
    else callback(null, chunk);
  }
}

/** Why an entry is refused before anything of it is read, or null. */
export function refusal(entry: Entry, name: string, limits: ZipLimits, budget: Budget): string | null {
  const nameProblem = refusedName(name);
  if (nameProblem) return `refused: ${nameProblem}`;
  if (((entry.externalFileAttributes >>> 16) & FILE_TYPE_MASK) === SYMLINK) return 'refused: a symbolic link';
  if (entry.isEncrypted()) return 'encrypted: this app cannot read encrypted entries';
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
    return `compressed with method ${entry.compressionMethod}, which this app cannot read (only stored and deflated)`;
  }
  const size = entry.uncompressedSize;
  if (entry.compressionMethod === STORED && entry.compressedSize !== size) {
    return `refused: its header says ${size} bytes stored in ${entry.compressedSize}`;
  }
  if (size > limits.maxEntryBytes) {
    return `refused: it holds ${megabytes(size)} once extracted; entries over ${megabytes(limits.maxEntryBytes)} are not imported`;
  }
  if (size > budget.bytes) {
    return `refused: the zip's entries add up to more than ${megabytes(limits.maxTotalBytes)} once extracted`;
  }
  if (size > limits.ratioFloorBytes && size / Math.max(entry.compressedSize, 1) > limits.maxRatio) {
    const ratio = Math.round(size / Math.max(entry.compressedSize, 1));
    return `refused: compressed ${ratio}:1 (over ${limits.maxRatio}:1), as zip bombs are`;
  }
  return null;
}

/**
 * Opens a zip as every reader here reads one: entries one at a time, names left as bytes (decoded
 * by `getFileNameLowLevel`, so a hostile name is seen as written), sizes checked by `ByteLimit`
 * (which says what a lying header did) rather than by yauzl.
 */
export function openZip(path: string): Promise<ZipFile> {
  return openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false });
}
