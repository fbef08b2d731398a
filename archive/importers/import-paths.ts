import { readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { ImportItem, ImportReport } from '../api/contract.ts';
import type { ArticleStore, NewArticle } from '../articles/store.ts';
import { estimatePublishedDate } from '../text/dates.ts';
import { languageDetector } from '../text/detect-language.ts';
import { LibraryCarrier } from './carry-library.ts';
import type { CarriedLibrary, FileImporter, ImportedArticle, Position } from './file-importer.ts';
import { IMPORTERS, importerFor } from './registry.ts';

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
export async function importPaths(
  store: ArticleStore,
  paths: readonly string[],
  importers: readonly FileImporter[] = IMPORTERS,
): Promise<ImportReport> {
  const detectLanguage = await languageDetector();
  const items: ImportItem[] = [];
  const add = (item: ImportItem) => items.push(item);
  // Articles waiting to be stored, each with the place of its line in the report (kept in file order).
  let batch: { article: NewArticle; carried?: CarriedLibrary; slot: number }[] = [];
  const carrier = new LibraryCarrier(store.db);
  const flush = () => {
    const outcomes = store.addMany(batch.map(({ article }) => article));
    batch.forEach(({ article, carried, slot }, index) => {
      const outcome = outcomes[index] as (typeof outcomes)[number];
      const path = article.sourcePath as string;
      if (!(outcome instanceof Error) && carried) carrier.apply(outcome.id, carried);
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
  const complete = ({ library: _carried, ...imported }: ImportedArticle, path: string): NewArticle => {
    const text = `${imported.title}\n${imported.paragraphs.join('\n')}`;
    const lang = imported.lang ?? detectLanguage(text);
    const publishedAt = imported.publishedAt ?? estimatePublishedDate(text, lang);
    return {
      ...imported,
      lang,
      publishedAt,
      publishedEstimated: !imported.publishedAt && publishedAt !== null,
      sourcePath: path,
    };
  };
  const at = (path: string, position: Position) => (position ? `${path}#${position}` : path);

  for (const path of walk(paths, add)) {
    const importer = importerFor(path, importers);
    if (!importer) {
      add({ path, status: 'skipped', message: `not a supported file type (${extname(path) || 'no extension'})` });
      continue;
    }
    try {
      for await (const entry of importer.read(path)) {
        const where = at(path, entry.position);
        if (entry.kind !== 'article') {
          add({ path: where, status: entry.kind, message: entry.message });
          continue;
        }
        batch.push({
          article: complete(entry.article, where),
          carried: entry.article.library,
          slot: items.push({ path: where, status: 'failed', message: 'not stored' }) - 1,
        });
        if (batch.length >= BATCH_SIZE) flush();
      }
    } catch (error) {
      add({ path, status: 'failed', message: describe(error) });
    }
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
