import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { ImportItem, ImportReport } from '../api/contract.ts';
import type { ArticleStore } from '../articles/store.ts';
import { decodeText } from '../text/decode.ts';
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
  let batch: (() => void)[] = [];
  const flush = store.db.transaction((jobs: (() => void)[]) => jobs.forEach((job) => job()));

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
    const article = parsed;
    const lang = detectLanguage(`${article.title}\n${article.paragraphs.join('\n')}`);
    batch.push(() => {
      let outcome;
      try {
        outcome = store.add({ title: article.title, paragraphs: article.paragraphs, lang, sourcePath: path });
      } catch (error) {
        add({ path, status: 'failed', message: `could not be stored: ${describe(error)}` });
        return;
      }
      add(
        outcome.status === 'imported'
          ? { path, status: 'imported', articleId: outcome.id, title: article.title }
          : {
              path,
              status: 'duplicate',
              articleId: outcome.id,
              title: article.title,
              message: `same text as article ${outcome.id}`,
            },
      );
    });
    if (batch.length >= BATCH_SIZE) {
      flush(batch);
      batch = [];
    }
  }
  if (batch.length) flush(batch);

  const count = (status: ImportItem['status']) => items.filter((item) => item.status === status).length;
  return {
    imported: count('imported'),
    duplicates: count('duplicate'),
    skipped: count('skipped'),
    failed: count('failed'),
    items,
  };
}
