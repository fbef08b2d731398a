import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { ImportItem, ImportReport } from '../api/contract.ts';
import type { ArticleStore, NewArticle } from '../articles/store.ts';
import { decodeText } from '../text/decode.ts';
import { estimatePublishedDate } from '../text/dates.ts';
import { languageDetector } from '../text/detect-language.ts';
import { parseTextArticle } from './text-article.ts';

const TEXT_EXTENSIONS = new Set(['.txt', '.text']);
const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown']);
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const BATCH_SIZE = 200;

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file or folder';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    return error.message;
  }
  return String(error);
}

/** Every file under the given paths, folders walked recursively in name order; unreadable entries reported. */
function* walk(paths: readonly string[], report: (item: ImportItem) => void): Generator<string> {
  for (const given of paths) {
    const path = resolve(given);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      report({ path, status: 'failed', message: describe(error) });
      continue;
    }
    if (!isDirectory) {
      yield path;
      continue;
    }
    let entries: string[];
    try {
      entries = readdirSync(path).sort();
    } catch (error) {
      report({ path, status: 'failed', message: describe(error) });
      continue;
    }
    yield* walk(
      entries.filter((name) => !name.startsWith('.')).map((name) => join(path, name)),
      report,
    );
  }
}

/**
 * Imports files and folders. Each file is imported, recognised as a duplicate, skipped or failed,
 * and the report says which and why; one bad file never stops the others. Writes are batched in
 * transactions, so an interruption loses at most the current batch and a re-run finishes the job.
 */
export async function importPaths(store: ArticleStore, paths: readonly string[]): Promise<ImportReport> {
  const detectLanguage = await languageDetector();
  const items: ImportItem[] = [];
  const add = (item: ImportItem) => items.push(item);
  // Articles waiting to be stored, each with the place of its line in the report (kept in file order).
  let batch: { article: NewArticle; slot: number }[] = [];
  const flush = () => {
    const outcomes = store.addMany(batch.map(({ article }) => article));
    batch.forEach(({ article, slot }, index) => {
      const outcome = outcomes[index] as (typeof outcomes)[number];
      const path = article.sourcePath as string;
      if (outcome instanceof Error) {
        items[slot] = { path, status: 'failed', message: `could not be stored: ${describe(outcome)}` };
      } else if (outcome.status === 'imported') {
        items[slot] = { path, status: 'imported', articleId: outcome.id, title: article.title };
      } else {
        const message = `same text as article ${outcome.id}`;
        items[slot] = { path, status: 'duplicate', articleId: outcome.id, title: article.title, message };
      }
    });
    batch = [];
  };

  for (const path of walk(paths, add)) {
    const extension = extname(path).toLowerCase();
    const markdown = MARKDOWN_EXTENSIONS.has(extension);
    if (!markdown && !TEXT_EXTENSIONS.has(extension)) {
      add({ path, status: 'skipped', message: `not a supported file type (${extension || 'no extension'})` });
      continue;
    }
    let parsed;
    try {
      const size = statSync(path).size;
      if (size > MAX_FILE_BYTES)
        throw new Error(`the file is ${Math.round(size / 1048576)} MB; text articles over 50 MB are not imported`);
      parsed = parseTextArticle(decodeText(readFileSync(path)), { markdown });
    } catch (error) {
      add({ path, status: 'failed', message: describe(error) });
      continue;
    }
    const text = `${parsed.title}\n${parsed.paragraphs.join('\n')}`;
    const lang = detectLanguage(text);
    const publishedAt = estimatePublishedDate(text, lang);
    const article: NewArticle = {
      title: parsed.title,
      paragraphs: parsed.paragraphs,
      lang,
      publishedAt,
      publishedEstimated: publishedAt !== null,
      sourcePath: path,
    };
    batch.push({ article, slot: items.push({ path, status: 'failed', message: 'not stored' }) - 1 });
    if (batch.length >= BATCH_SIZE) flush();
  }
  if (batch.length) flush();

  const count = (status: ImportItem['status']) => items.filter((item) => item.status === status).length;
  return {
    imported: count('imported'),
    duplicates: count('duplicate'),
    skipped: count('skipped'),
    failed: count('failed'),
    items,
  };
}
