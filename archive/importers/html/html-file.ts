import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { FileImporter, ImportedEntry } from '../file-importer.ts';
import { extractArticle } from './extract.ts';
import { readSavedPage } from './page/read-page.ts';

// Saved pages carry their images inline (SingleFile, MHTML), so they are allowed more than text files.
const MAX_FILE_BYTES = 200 * 1024 * 1024;
const MHTML_EXTENSIONS = new Set(['.mhtml', '.mht']);

/** Web pages saved as HTML (by a browser or SingleFile) or as MHTML web archives, one article each. */
export const htmlFileImporter: FileImporter = {
  name: 'web page',
  extensions: ['.html', '.htm', '.xhtml', '.shtml', '.mhtml', '.mht'],
  *read(path): Iterable<ImportedEntry> {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      throw new Error(`the file is ${Math.round(size / 1048576)} MB; pages over 200 MB are not imported`);
    }
    const format = MHTML_EXTENSIONS.has(extname(path).toLowerCase()) ? 'mhtml' : 'html';
    const page = readSavedPage(readFileSync(path), format);
    const article = extractArticle(page.html, page.options);
    if (!article) {
      yield { kind: 'skipped', message: 'no article found in the page' };
      return;
    }
    yield { kind: 'article', article: { ...article, capturedAt: page.capturedAt, decoding: page.decoding } };
  },
};
