import { readFileSync, statSync } from 'node:fs';
import { decodeText } from '../../text/decode.ts';
import type { CarriedLibrary, ImportedArticle } from '../file-importer.ts';
import { extractArticle } from '../html/extract.ts';
import { normaliseSpace } from '../html/content/paragraphs.ts';
import { cleanUrl } from '../html/metadata/url.ts';

/** An export file's text (BOM, UTF-8 or a detected encoding); throws when it is too large to hold. */
export function readExportText(path: string, maxBytes: number, what: string): string {
  const size = statSync(path).size;
  if (size > maxBytes) {
    throw new Error(
      `the file is ${Math.round(size / 1048576)} MB; ${what} over ${Math.round(maxBytes / 1048576)} MB are not imported`,
    );
  }
  return decodeText(readFileSync(path));
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] as string);

/** What an export says of an article besides its HTML; it wins over what the HTML says. */
export interface ExportedFields {
  title?: string | null;
  url?: string | null;
  author?: string | null;
  lang?: string | null;
  publishedAt?: string | null;
  source?: string | null;
  library?: CarriedLibrary;
}

/**
 * An article from the HTML another reader saved (already its body, without the site around it),
 * read by the same pipeline as saved pages (paragraphs, sanitised HTML, metadata), with the
 * export's own fields taking precedence. Null when the HTML holds no text.
 */
export function articleFromHtml(html: string, fields: ExportedFields): ImportedArticle | null {
  const title = fields.title?.trim() ?? '';
  const lang = fields.lang ? ` lang="${escapeHtml(fields.lang)}"` : '';
  const page =
    `<!doctype html><html${lang}><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body><article>${html}</article></body></html>`;
  const extracted = extractArticle(page, { url: fields.url ?? undefined });
  if (!extracted) return null;
  return {
    title: title || extracted.title,
    paragraphs: extracted.paragraphs,
    html: extracted.html,
    source: fields.source ?? extracted.source,
    url: cleanUrl(fields.url) ?? extracted.url,
    author: fields.author ?? extracted.author,
    lang: fields.lang ?? extracted.lang,
    publishedAt: fields.publishedAt ?? extracted.publishedAt,
    ...(fields.library ? { library: fields.library } : {}),
  };
}

/** A highlight as another reader exports it: the passage, and the reader's note on it. */
export interface ExportedHighlight {
  quote: string;
  note?: string | null;
}

/** Highlights for `library`: whitespace collapsed, as the article's paragraphs have it, so that each is found. */
export const carriedHighlights = (highlights: readonly ExportedHighlight[]) =>
  highlights
    // An export's fields may hold anything: a passage or note that is not text is left out.
    .map((h) => ({
      quote: typeof h.quote === 'string' ? normaliseSpace(h.quote) : '',
      note: typeof h.note === 'string' ? h.note.trim() || null : null,
    }))
    .filter((h) => h.quote !== '');

/** The reason an export's record could not be read, for its `failed` line: one bad record never stops the others. */
export const unreadable = (what: string, error: unknown) =>
  `${what} could not be read (${error instanceof Error ? error.message : String(error)})`;

/**
 * The highlights of a source whose text the export does not hold, as an article of their own: each
 * passage a paragraph (highlighted, with its note), under the source's title. It is what the reader
 * kept of the source, and says so by its `source`; it never pretends to be the whole text.
 */
export function highlightsArticle(
  highlights: readonly ExportedHighlight[],
  fields: ExportedFields & { title: string; source: string },
): ImportedArticle | null {
  const kept = carriedHighlights(highlights);
  if (kept.length === 0) return null;
  return {
    title: fields.title,
    paragraphs: kept.map((h) => h.quote),
    url: cleanUrl(fields.url),
    author: fields.author ?? null,
    lang: fields.lang ?? null,
    publishedAt: fields.publishedAt ?? null,
    source: fields.source,
    library: { ...fields.library, highlights: [...(fields.library?.highlights ?? []), ...kept] },
  };
}

/** Tags as a list: split on `separator`, trimmed, empty ones and repeats left out. */
export function splitTags(value: string | null | undefined, separator: string | RegExp): string[] {
  if (!value) return [];
  return [
    ...new Set(
      value
        .split(separator)
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}
