import type { FileImporter } from './file-importer.ts';
import { textFileImporter } from './text-file.ts';

/** Every format the archive imports. A new format is an importer added here. */
export const IMPORTERS: readonly FileImporter[] = [textFileImporter];

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
