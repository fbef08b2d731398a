import { bundleFileImporter, bundleZipImporter } from '../bundle/importer.ts';
import { epubFileImporter } from './epub/epub-file.ts';
import { csvExportImporter } from './exports/csv-file.ts';
import { jsonExportImporter } from './exports/json-file.ts';
import { pocketHtmlImporter } from './exports/pocket.ts';
import { omnivoreZipImporter } from './exports/zip-file.ts';
import type { FileImporter } from './file-importer.ts';
import { feedFileImporter } from './feeds/feed-file.ts';
import { htmlFileImporter } from './html/html-file.ts';
import { pdfFileImporter } from './pdf/pdf-file.ts';
import { textFileImporter } from './text-file.ts';
import { warcFileImporter } from './warc/warc-file.ts';
import { zipFileImporter } from './zip/zip-file.ts';

/** Every format the archive imports. A new format is an importer added here. */
export const IMPORTERS: readonly FileImporter[] = [
  textFileImporter,
  // Before the importers they hand other files to: for the same ending, the first listed is chosen.
  pocketHtmlImporter,
  jsonExportImporter,
  bundleZipImporter,
  omnivoreZipImporter,
  htmlFileImporter,
  warcFileImporter,
  feedFileImporter,
  zipFileImporter,
  pdfFileImporter,
  epubFileImporter,
  csvExportImporter,
  bundleFileImporter,
];

/** The importer for a file, by the longest matching ending (".warc.gz" before ".gz"). */
export function importerFor(path: string, importers: readonly FileImporter[] = IMPORTERS): FileImporter | null {
  const name = path.toLowerCase();
  let best: { importer: FileImporter; length: number } | null = null;
  for (const importer of importers) {
    for (const extension of importer.extensions) {
      if (name.endsWith(extension) && (!best || extension.length > best.length))
        best = { importer, length: extension.length };
    }
  }
  return best?.importer ?? null;
}
