import type { FileImporter, ImportedEntry } from '../file-importer.ts';
import { feedFileImporter } from '../feeds/feed-file.ts';
import { readExportText } from './common.ts';
import { isOmnivoreMetadata, omnivoreEntries, omnivoreFolder } from './omnivore.ts';
import { isWallabagExport, wallabagEntries } from './wallabag.ts';

const MAX_FILE_BYTES = 500 * 1024 * 1024;

/**
 * JSON files, told apart by their content: Wallabag's export (an array of entries with their HTML)
 * and the metadata files of an unzipped Omnivore export (read with the content/ and highlights/
 * folders beside them) are read here; any other JSON (a JSON Feed) goes to the feed importer.
 * Listed before the feed importer in the registry, so that `.json` comes here first.
 */
export const jsonExportImporter: FileImporter = {
  name: 'JSON export',
  extensions: ['.json'],
  async *read(path): AsyncIterable<ImportedEntry> {
    let value: unknown = null;
    const text = readExportText(path, MAX_FILE_BYTES, 'JSON files');
    // Both exports are arrays; a JSON Feed (and anything else) is an object, left to the feed importer.
    if (text.trimStart().startsWith('[')) {
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new Error(`not valid JSON (${(error as Error).message})`, { cause: error });
      }
    }
    if (isWallabagExport(value)) yield* wallabagEntries(value);
    else if (isOmnivoreMetadata(value)) yield* omnivoreEntries(value, omnivoreFolder(path), '');
    else yield* feedFileImporter.read(path);
  },
};
