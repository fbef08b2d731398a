import { statSync } from 'node:fs';
import { decodeBytes, describeDecoding } from '../../text/decode.ts';
import { readTextChunks, startingWith } from '../../text/decode-stream.ts';
import type { FileImporter, ImportedEntry } from '../file-importer.ts';
import { feedFileImporter } from '../feeds/feed-file.ts';
import { InvalidJsonError, jsonValues } from '../json-values.ts';
import { isOmnivoreMetadata, omnivoreEntries, omnivoreFolder } from './omnivore.ts';
import { isWallabagExport, wallabagEntries } from './wallabag.ts';

/** Wallabag's export is read an entry at a time, whatever its size; other JSON arrays are held whole up to this. */
const MAX_WHOLE_BYTES = 500 * 1024 * 1024;
/** Wallabag's export is told from this many first entries. */
const TELLING_ENTRIES = 100;

/**
 * JSON files, told apart by their content: Wallabag's export (an array of entries with their HTML,
 * read one entry at a time, so that an export of 100,000 articles is never held) and the metadata
 * files of an unzipped Omnivore export (read with the content/ and highlights/ folders beside
 * them) are read here; any other JSON (a JSON Feed) goes to the feed importer. Listed before the
 * feed importer in the registry, so that `.json` comes here first.
 */
export const jsonExportImporter: FileImporter = {
  name: 'JSON export',
  extensions: ['.json'],
  async *read(path): AsyncIterable<ImportedEntry> {
    const size = statSync(path).size;
    let bytesRead = 0;
    let decoding: string | null = null;
    const chunks = readTextChunks(path, (bytes) => decodeBytes(bytes), {
      onDecoding: (found) => (decoding = describeDecoding(found)),
      onRead: (bytes) => (bytesRead = bytes),
    });
    try {
      const head = chunks.next().value ?? '';
      // Both exports are arrays; a JSON Feed (and anything else) is an object, left to the feed importer.
      if (
        !head
          .replace(/^\uFEFF/, '')
          .trimStart()
          .startsWith('[')
      ) {
        yield* feedFileImporter.read(path);
        return;
      }
      const values = jsonValues(startingWith(head, chunks), ['$.*']);
      let read = 0;
      const entries = function* (first: unknown[]) {
        yield* first;
        for (const found of values) yield found.value;
      };
      const first: unknown[] = [];
      try {
        for (let next = values.next(); !next.done; next = values.next()) {
          first.push(next.value.value);
          if (first.length === TELLING_ENTRIES) break;
        }
        if (isWallabagExport(first)) {
          for (const entry of wallabagEntries(entries(first))) {
            read += 1;
            const share = bytesRead / size;
            yield entry.kind === 'article'
              ? { ...entry, article: { ...entry.article, decoding }, share }
              : { ...entry, share };
          }
          return;
        }
        if (size > MAX_WHOLE_BYTES) {
          throw new Error(
            `the file is ${Math.round(size / 1048576)} MB and not Wallabag's export; other JSON files over 500 MB are not imported`,
          );
        }
        const value = [...entries(first)];
        if (isOmnivoreMetadata(value)) yield* omnivoreEntries(value, omnivoreFolder(path), '');
        else yield* feedFileImporter.read(path);
      } catch (error) {
        if (!(error instanceof InvalidJsonError)) throw error;
        if (read === 0) throw new Error(`not valid JSON (${error.message})`, { cause: error });
        throw new Error(`the JSON is damaged after entry ${read} (${error.message}); the entries before it were read`, {
          cause: error,
        });
      }
    } finally {
      chunks.return();
    }
  },
};
