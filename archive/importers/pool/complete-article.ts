import { prepareArticle } from '../../articles/index-analysis.ts';
import type { NewArticle } from '../../articles/store.ts';
import { readTextDates } from '../../text/dates.ts';
import type { LanguageDetector } from '../../text/detect-language.ts';
import type { ImportedArticle, ImportedEntry } from '../file-importer.ts';
import type { PooledEntry } from './protocol.ts';

/**
 * An importer's article made ready to store: its language (detected when the source does not say),
 * the dates its text mentions and its publication date (estimated from them when metadata has
 * none), where it came from, and, when `prepare` is set, its hash, fingerprint and index rows, so
 * the writer only writes.
 */
export function completeArticle(
  { library: _carried, decoding: _noted, ...imported }: ImportedArticle,
  sourcePath: string,
  detectLanguage: LanguageDetector,
  prepare: boolean,
): NewArticle {
  const text = `${imported.title}\n${imported.paragraphs.join('\n')}`;
  const lang = imported.lang ?? detectLanguage(text);
  const dates = readTextDates(text, lang);
  const publishedAt = imported.publishedAt ?? dates.estimatedPublished;
  const article: NewArticle = {
    ...imported,
    lang,
    publishedAt,
    mentionedDates: dates.mentioned,
    publishedEstimated: !imported.publishedAt && publishedAt !== null,
    sourcePath,
  };
  return prepare ? { ...article, prepared: prepareArticle(article) } : article;
}

/** An importer's entry as the writer takes it: an article completed (see `completeArticle`), its source path with the entry's position. */
export function completeEntry(
  entry: ImportedEntry,
  path: string,
  detectLanguage: LanguageDetector,
  prepare: boolean,
): PooledEntry {
  if (entry.kind !== 'article') return entry;
  const where = entry.position ? `${path}#${entry.position}` : path;
  return {
    kind: 'article',
    article: completeArticle(entry.article, where, detectLanguage, prepare),
    library: entry.article.library,
    decoding: entry.article.decoding,
    position: entry.position,
    share: entry.share,
  };
}
