import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, posix } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { getFileNameLowLevel, type ZipFile } from 'yauzl';
import type { FileImporter, ImportContext, ImportedEntry } from '../file-importer.ts';
import { displayName, isHousekeeping, refusedName, safeFileName } from './entry-name.ts';
import {
  ByteLimit,
  DEFAULT_ZIP_LIMITS,
  EntryTooLarge,
  openZip,
  refusal,
  type Budget,
  type ZipLimits,
} from './limits.ts';
import { zipRepeatedEdges } from './zip-edges.ts';

export interface ZipImportOptions extends Partial<ZipLimits> {
  /** Where the private temp folder for extracted entries is made; the system's temp folder by default. */
  tempRoot?: string;
}

/** The importers entries are read with, found lazily: the registry lists this importer too. */
type ImporterLookup = (name: string) => Promise<FileImporter | null>;

const defaultLookup: ImporterLookup = async (name) => (await import('../registry.ts')).importerFor(name);

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
        zip = await openZip(path);
      } catch (error) {
        throw new Error(`not a readable zip file (${(error as Error).message})`, { cause: error });
      }
      const folder = mkdtempSync(join(tempRoot ?? tmpdir(), 'archive-reader-zip-'));
      // Each entry is extracted to a folder of its own: its text is cleaned with the edges of its folder in the zip.
      const edgesOfZipFolder = await zipRepeatedEdges(path, limits);
      const zipFolderOf = new Map<string, string>();
      const context: ImportContext = {
        repeatedEdges: { of: (dir) => edgesOfZipFolder.get(zipFolderOf.get(dir) ?? '') ?? new Set() },
      };
      try {
        if (zip.entryCount > budget.entries) {
          throw new Error(
            `the zip lists ${zip.entryCount} entries; zips of more than ${limits.maxEntries} entries are not imported`,
          );
        }
        budget.entries -= zip.entryCount;
        let index = 0;
        let listed = 0;
        for await (const entry of zip.eachEntry()) {
          listed += 1;
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
          zipFolderOf.set(dirname(file), posix.dirname(name));
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
            for await (const inner of importer.read(file, context)) {
              any = true;
              const innerPosition = inner.position
                ? nested
                  ? `${position}/${inner.position}`
                  : `${position}#${inner.position}`
                : position;
              // How far into the zip, by its entries: an entry's own share of itself would mislead.
              yield { ...inner, position: innerPosition, share: listed / zip.entryCount };
            }
            if (!any) yield { kind: 'skipped', message: 'nothing to import in it', position };
          } catch (error) {
            yield { kind: 'failed', message: (error as Error).message, position };
          } finally {
            zipFolderOf.delete(dirname(file));
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
