import { readFileSync, statSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { decodeBytes, describeDecoding } from '../text/decode.ts';
import type { FileImporter, ImportedEntry } from './file-importer.ts';
import { parseTextArticle } from './text-article.ts';

const MAX_FILE_BYTES = 50 * 1024 * 1024;
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);

/** Articles saved as plain text or Markdown, one per file. */
export const textFileImporter: FileImporter = {
  name: 'plain text',
  extensions: ['.txt', '.text', '.md', '.markdown'],
  *read(path, context): Iterable<ImportedEntry> {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      throw new Error(`the file is ${Math.round(size / 1048576)} MB; text articles over 50 MB are not imported`);
    }
    const markdown = MARKDOWN_EXTENSIONS.has(extname(path).toLowerCase());
    const decoded = decodeBytes(readFileSync(path));
    const { title, paragraphs } = parseTextArticle(decoded.text, {
      markdown,
      repeated: context?.repeatedEdges?.of(dirname(path)),
    });
    yield { kind: 'article', article: { title, paragraphs, decoding: describeDecoding(decoded) } };
  },
};
