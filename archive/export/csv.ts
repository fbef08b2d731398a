import { stringify } from 'csv-stringify/sync';
import { authorsOf } from '../citations/csl-item.ts';
import type { ExportArticle } from './source.ts';

type Column = [header: string, value: (article: ExportArticle) => string | number | boolean | null];

const COLUMNS: Column[] = [
  ['id', (a) => a.id],
  ['title', (a) => a.title],
  [
    'authors',
    (a) =>
      authorsOf(a.author)
        .map((name) => ('literal' in name ? name.literal : nameText(name)))
        .join('; '),
  ],
  ['source', (a) => a.source],
  ['url', (a) => a.url],
  ['lang', (a) => a.lang],
  ['published', (a) => a.publishedAt],
  ['estimated', (a) => a.publishedEstimated],
  ['imported', (a) => a.importedAt],
  ['captured', (a) => a.capturedAt],
  ['words', (a) => a.wordCount],
  ['tags', (a) => a.tags.join('; ')],
  ['bookmarked', (a) => a.bookmarked],
  ['read_status', (a) => a.readStatus],
  ['content_hash', (a) => a.contentHash],
];

function nameText(name: { given?: string; family?: string; 'non-dropping-particle'?: string }): string {
  return [name.given, name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
}

// A cell starting with one of these is run as a formula by spreadsheets (CSV injection): an imported
// title must not be able to do that, so such cells get a leading apostrophe, as OWASP advises.
const FORMULA_START = /^[=+\-@\t\r]/;
const textCell = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

/** The header of the library CSV; `captured` only for archives that record capture dates. */
export function csvHeader(withCaptured: boolean): string[] {
  return COLUMNS.filter(([name]) => withCaptured || name !== 'captured').map(([name]) => name);
}

/**
 * Rows of the library CSV (RFC 4180, UTF-8; the caller adds the header and, for spreadsheets, the
 * byte order mark). Dates stay ISO 8601; tags and authors are joined by "; ".
 */
export function csvRows(articles: readonly ExportArticle[], withCaptured: boolean): string {
  const columns = COLUMNS.filter(([name]) => withCaptured || name !== 'captured');
  return stringify(
    articles.map((article) =>
      columns.map(([, value]) => {
        const cell = value(article);
        return typeof cell === 'string' ? textCell(cell) : cell === null ? '' : String(cell);
      }),
    ),
    { record_delimiter: 'windows' },
  );
}

export const csvHeaderLine = (withCaptured: boolean) =>
  stringify([csvHeader(withCaptured)], { record_delimiter: 'windows' });
