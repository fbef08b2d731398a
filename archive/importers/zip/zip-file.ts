import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getFileNameLowLevel, openPromise, type Entry, type ZipFile } from 'yauzl';
import type { FileImporter, ImportedEntry } from '../file-importer.ts';
import { displayName, isHousekeeping, refusedName, safeFileName } from './entry-name.ts';

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

export interface ZipImportOptions extends Partial<ZipLimits> {
  /** Where the private temp folder for extracted entries is made; the system's temp folder by default. */
  tempRoot?: string;
}

/** What is left to spend, shared by a zip and the zips inside it. */
export interface Budget {
  entries: number;
  bytes: number;
}

/** The importers entries are read with, found lazily: the registry lists this importer too. */
type ImporterLookup = (name: string) => Promise<FileImporter | null>;

const defaultLookup: ImporterLookup = async (name) => (await import('../registry.ts')).importerFor(name);

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
 * Zip files: each entry is imported by the importer its name selects, as if it were a file in a
 * folder (zips inside it too, to `maxDepth`). Entries are extracted one at a time to a private
 * temp folder, removed afterwards. Refused: hostile names (see `refusedName`), symbolic links,
 * and zip bombs: too many entries, too many bytes, too high a compression ratio, zips nested past
 * `maxDepth`, and an entry that holds more than its header declares (reading stops there). Each
 * refusal is reported with the entry's name as position, and the other entries still import.
 */
export function createZipImporter(
  options: ZipImportOptions = {},
  lookup: ImporterLookup = defaultLookup,
  depth = 1,
  shared?: Budget,
): FileImporter {
  const { tempRoot, ...given } = options;
  const limits: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...given };
  return {
    name: 'zip',
    extensions: ['.zip'],
    async *read(path): AsyncIterable<ImportedEntry> {
      const budget = shared ?? { entries: limits.maxEntries, bytes: limits.maxTotalBytes };
      let zip: ZipFile;
      try {
        zip = await openPromise(path, {
          lazyEntries: true,
          autoClose: false,
          decodeStrings: false,
          validateEntrySizes: false,
        });
      } catch (error) {
        throw new Error(`not a readable zip file (${(error as Error).message})`, { cause: error });
      }
      const folder = mkdtempSync(join(tempRoot ?? tmpdir(), 'archive-reader-zip-'));
      try {
        if (zip.entryCount > budget.entries) {
          throw new Error(
            `the zip lists ${zip.entryCount} entries; zips of more than ${limits.maxEntries} entries are not imported`,
          );
        }
        budget.entries -= zip.entryCount;
        let index = 0;
        for await (const entry of zip.eachEntry()) {
          const name = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
          const position = displayName(name);
          if (name.endsWith('/') || (!refusedName(name) && isHousekeeping(name))) continue;
          const refused = refusal(entry, name, limits, budget);
          if (refused) {
            yield { kind: 'failed', message: refused, position };
            continue;
          }
          let importer = await lookup(name);
          if (!importer) {
            yield {
              kind: 'skipped',
              message: `not a supported file type (${extname(name) || 'no extension'})`,
              position,
            };
            continue;
          }
          if (importer.extensions.includes('.zip')) {
            if (depth >= limits.maxDepth) {
              yield {
                kind: 'skipped',
                message: `a zip inside a zip ${depth} deep; zips nested deeper than ${limits.maxDepth} are not read`,
                position,
              };
              continue;
            }
            importer = createZipImporter(options, lookup, depth + 1, budget);
          }

          // Extract the entry, never past the size its header declares. A header that lies is
          // charged only what was read, so that it cannot spend the budget of the entries after it.
          budget.bytes -= entry.uncompressedSize;
          const file = join(folder, String(++index), safeFileName(name));
          mkdirSync(join(folder, String(index)));
          const limit = new ByteLimit(entry.uncompressedSize);
          try {
            await pipeline(await zip.openReadStreamPromise(entry), limit, createWriteStream(file));
          } catch (error) {
            rmSync(file, { force: true });
            budget.bytes += Math.max(0, entry.uncompressedSize - limit.count);
            yield {
              kind: 'failed',
              message:
                error instanceof EntryTooLarge
                  ? `refused: it holds more than the ${entry.uncompressedSize} bytes its header declares, as zip bombs do`
                  : `the entry cannot be read: ${(error as Error).message}`,
              position,
            };
            continue;
          }
          if (limit.count < entry.uncompressedSize) {
            rmSync(file, { force: true });
            budget.bytes += entry.uncompressedSize - limit.count;
            yield {
              kind: 'failed',
              message: `the entry is cut short: ${limit.count} of the ${entry.uncompressedSize} bytes its header declares`,
              position,
            };
            continue;
          }

          const nested = importer.extensions.includes('.zip');
          try {
            let any = false;
            for await (const inner of importer.read(file)) {
              any = true;
              const innerPosition = inner.position
                ? nested
                  ? `${position}/${inner.position}`
                  : `${position}#${inner.position}`
                : position;
              yield { ...inner, position: innerPosition };
            }
            if (!any) yield { kind: 'skipped', message: 'nothing to import in it', position };
          } catch (error) {
            yield { kind: 'failed', message: (error as Error).message, position };
          } finally {
            rmSync(join(folder, String(index)), { recursive: true, force: true });
          }
        }
      } finally {
        zip.close();
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

export const zipFileImporter: FileImporter = createZipImporter();
