import type { CarriedLibrary, ImportedEntry } from '../file-importer.ts';
import { normaliseDate } from '../html/metadata/dates.ts';
import { normaliseLang } from '../html/metadata/lang.ts';
import { articleFromHtml, carriedHighlights, unreadable } from './common.ts';

/** An entry of Wallabag's JSON export, as far as this app reads it. */
interface WallabagEntry {
  title?: string | null;
  url?: string | null;
  given_url?: string | null;
  origin_url?: string | null;
  content?: string | null;
  tags?: (string | { label?: string })[] | null;
  is_starred?: number | boolean | null;
  is_archived?: number | boolean | null;
  annotations?: { quote?: string | null; text?: string | null }[] | null;
  published_at?: string | null;
  published_by?: string[] | string | null;
  language?: string | null;
  domain_name?: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether parsed JSON is Wallabag's export: an array of entries with a `url` and Wallabag's own
 * `is_archived` or `is_starred` flags (an empty array is nobody's export).
 */
export function isWallabagExport(value: unknown): value is WallabagEntry[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    // One entry is enough: an odd entry among them is reported on its own line.
    value.some((entry) => isRecord(entry) && 'url' in entry && ('is_archived' in entry || 'is_starred' in entry))
  );
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

function libraryOf(entry: WallabagEntry): CarriedLibrary {
  const tags = (Array.isArray(entry.tags) ? entry.tags : [])
    .map((tag) => text(typeof tag === 'string' ? tag : tag?.label) ?? '')
    .filter(Boolean);
  const highlights = carriedHighlights(
    (Array.isArray(entry.annotations) ? entry.annotations : []).map((annotation) => ({
      quote: annotation?.quote ?? '',
      note: annotation?.text,
    })),
  );
  return {
    ...(tags.length ? { tags } : {}),
    ...(entry.is_starred ? { bookmarked: true } : {}),
    // Unread is every article's state to begin with; only "read" is carried, never undoing the reader's own.
    ...(entry.is_archived ? { status: 'read' as const } : {}),
    ...(highlights.length ? { highlights } : {}),
  };
}

/**
 * The articles of Wallabag's JSON export, with their tags, stars, read state and annotations. An
 * entry that is not one (not an object, odd fields) is reported failed on its own line.
 */
export function* wallabagEntries(entries: Iterable<unknown>): Iterable<ImportedEntry> {
  let index = 0;
  for (const entry of entries) {
    index += 1;
    const position = `entry ${index}`;
    try {
      if (!isRecord(entry)) throw new Error('it is not an object');
      yield { ...wallabagEntry(entry as WallabagEntry), position };
    } catch (error) {
      yield { kind: 'failed', message: unreadable('the entry', error), position };
    }
  }
}

function wallabagEntry(entry: WallabagEntry): ImportedEntry {
  const url = text(entry.url) ?? text(entry.given_url) ?? text(entry.origin_url);
  const authors = Array.isArray(entry.published_by) ? entry.published_by : [entry.published_by];
  const article = articleFromHtml(text(entry.content) ?? '', {
    title: text(entry.title),
    url,
    author: authors.map(text).filter(Boolean).join(', ') || null,
    lang: normaliseLang(text(entry.language)),
    publishedAt: normaliseDate(text(entry.published_at)),
    source: text(entry.domain_name),
    library: libraryOf(entry),
  });
  if (article) return { kind: 'article', article };
  return {
    kind: 'skipped',
    message: `${url ?? text(entry.title) ?? 'an entry'}: Wallabag saved no text for this article`,
  };
}
