import { openZip } from '../epub/zip.ts';
import type { FileImporter, ImportedEntry } from '../file-importer.ts';
import { zipFileImporter } from '../zip/zip-file.ts';
import { isOmnivoreExport, readOmnivoreZip } from './omnivore.ts';

/**
 * Zip files, told apart by their entries' names: Omnivore's export is read as one (its metadata
 * files give each article's labels and state, its content/ and highlights/ folders the text and
 * highlights); any other zip goes to the zip importer, which imports each entry by its type.
 * Listed before the zip importer in the registry, so that `.zip` comes here first.
 */
export const omnivoreZipImporter: FileImporter = {
  name: 'zip',
  extensions: ['.zip'],
  async *read(path): AsyncIterable<ImportedEntry> {
    let omnivore = false;
    try {
      const zip = await openZip(path);
      omnivore = isOmnivoreExport(zip.names);
      zip.close();
    } catch {
      // Not readable here: the zip importer says why.
    }
    yield* omnivore ? readOmnivoreZip(path) : zipFileImporter.read(path);
  },
};
