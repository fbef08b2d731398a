import { omnivoreZipImporter } from '../importers/exports/zip-file.ts';
import type { FileImporter } from '../importers/file-importer.ts';
import { BUNDLE_EXTENSION } from './format.ts';
import { importBundle } from './import.ts';
import { isBundle } from './read.ts';

/** `.bundle` files: stored by the bundle importer itself (checksums, images, library), never read entry by entry. */
export const bundleFileImporter: FileImporter = {
  name: 'bundle',
  extensions: [BUNDLE_EXTENSION],
  storeFile: (path, store) => importBundle(store, path),
  // Reached only for a bundle inside a zip, which the zip importer would otherwise open as files.
  *read() {
    yield { kind: 'skipped', message: 'a bundle inside a zip is not imported: import the bundle file itself' };
  },
};

/**
 * `.zip` files that are bundles under another name, recognised by their manifest; any other zip goes
 * on to the zip importers. Listed before them in the registry.
 */
export const bundleZipImporter: FileImporter = {
  name: 'zip',
  extensions: ['.zip'],
  storeFile: async (path, store) => ((await isBundle(path)) ? importBundle(store, path) : null),
  read: (path) => omnivoreZipImporter.read(path),
};
