import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeText } from '../../text/decode.ts';
import { openZip } from '../epub/zip.ts';
import type { CarriedLibrary, ImportedArticle, ImportedEntry } from '../file-importer.ts';
import { normaliseDate } from '../html/metadata/dates.ts';
import { articleFromHtml, carriedHighlights, highlightsArticle, unreadable, type ExportedHighlight } from './common.ts';

/*
 * Omnivore's export is a zip: metadata_<from>_to_<to>.json files, each an array of up to 20 items
 * ({id, slug, title, author, url, state, readingProgress, labels, savedAt, publishedAt…}), with the
 * text of each item in content/<slug>.html and its highlights in highlights/<slug>.md. Unzipped,
 * it is the same files in a folder: the metadata files are read from there too.
 */

export const OMNIVORE_HIGHLIGHTS_SOURCE = 'Omnivore highlights';

interface OmnivoreItem {
  slug?: string;
  title?: string | null;
  author?: string | null;
  url?: string | null;
  state?: string | null;
  readingProgress?: number | null;
  labels?: (string | { name?: string })[] | null;
  publishedAt?: string | null;
  highlights?: { quote?: string | null; annotation?: string | null }[] | null;
}

/** Where the export's files are read from: the zip, or the folder it was unzipped to. */
export interface OmnivoreFiles {
  /** The text of a file of the export by its path inside it, or null when it has none. */
  read(path: string): Promise<string | null>;
}

const METADATA_FILE = /(?:^|\/)metadata_(\d+)_to_\d+\.json$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether parsed JSON is one of Omnivore's metadata files: items with a slug, a URL and the time they
 * were saved. One such item is enough: an odd item among them is reported on its own line.
 */
export function isOmnivoreMetadata(value: unknown): value is unknown[] {
  return (
    Array.isArray(value) &&
    value.some((item) => isRecord(item) && typeof item['slug'] === 'string' && 'url' in item && 'savedAt' in item)
  );
}

/** Whether a zip's file names are Omnivore's export: metadata files beside a content or highlights folder. */
export function isOmnivoreExport(names: readonly string[]): boolean {
  return (
    names.some((name) => METADATA_FILE.test(name)) &&
    names.some((name) => /(?:^|\/)(?:content|highlights)\/[^/]+\.(?:html|md)$/.test(name))
  );
}

/**
 * Omnivore's highlights file: each highlight a Markdown quote ("> …", blank lines within written
 * "> "), then its labels ("#label") and note as plain lines until the next quote. Lines before the
 * first quote are a note on the whole article.
 */
export function parseOmnivoreHighlights(markdown: string): { highlights: ExportedHighlight[]; note: string | null } {
  const highlights: { quote: string[]; note: string[] }[] = [];
  const articleNote: string[] = [];
  let current: { quote: string[]; note: string[] } | null = null;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.startsWith('>')) {
      if (!current || current.note.length > 0) {
        current = { quote: [], note: [] };
        highlights.push(current);
      }
      current.quote.push(line.replace(/^>\s?/, ''));
    } else if (current) current.note.push(line);
    else articleNote.push(line);
  }
  return {
    highlights: highlights.map(({ quote, note }) => ({
      // Older exports end each quote with a link back to the highlight in Omnivore.
      quote: quote
        .join('\n')
        .replace(/\s*\[⤴️?\]\([^)]*\)\s*$/u, '')
        .trim(),
      note: note.join('\n').trim() || null,
    })),
    note: articleNote.join('\n').trim() || null,
  };
}

function libraryOf(item: OmnivoreItem, highlights: ExportedHighlight[], note: string | null): CarriedLibrary {
  const tags = (Array.isArray(item.labels) ? item.labels : [])
    .map((label) => text(typeof label === 'string' ? label : label?.name) ?? '')
    .filter(Boolean);
  const read = item.state === 'Archived' || (item.readingProgress ?? 0) >= 100;
  const carried = carriedHighlights(highlights);
  return {
    ...(tags.length ? { tags } : {}),
    // Unread is every article's state to begin with; only "read" is carried, never undoing the reader's own.
    ...(read ? { status: 'read' as const } : {}),
    ...(carried.length ? { highlights: carried } : {}),
    ...(note ? { note } : {}),
  };
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
/** A file name without folders: no separator, not "." or "..". */
const SAFE_SLUG = /^(?!\.{1,2}$)[^/\\\0]+$/;

async function itemEntry(item: OmnivoreItem, files: OmnivoreFiles, folder: string): Promise<ImportedEntry> {
  // The slug names the item's files beside the metadata: never a path that leaves the export's folders.
  const slug = typeof item.slug === 'string' && SAFE_SLUG.test(item.slug) ? item.slug : '';
  const name = text(item.url) ?? text(item.title) ?? (slug || 'an item');
  if (item.state === 'Deleted') return { kind: 'skipped', message: `${name}: deleted in Omnivore` };
  const markdown = slug ? await files.read(`${folder}highlights/${slug}.md`) : null;
  const parsed = markdown ? parseOmnivoreHighlights(markdown) : { highlights: [], note: null };
  const highlights = parsed.highlights.length
    ? parsed.highlights
    : (Array.isArray(item.highlights) ? item.highlights : []).map((h) => ({
        quote: h?.quote ?? '',
        note: h?.annotation,
      }));
  const fields = {
    title: text(item.title),
    url: text(item.url),
    author: text(item.author),
    publishedAt: normaliseDate(text(item.publishedAt)),
    library: libraryOf(item, highlights, parsed.note),
  };
  const html = slug ? await files.read(`${folder}content/${slug}.html`) : null;
  let article: ImportedArticle | null = html ? articleFromHtml(html, fields) : null;
  // Without its text, what the reader highlighted is still worth keeping, as an article of highlights.
  article ??= highlightsArticle(highlights, {
    ...fields,
    title: fields.title ?? name,
    source: OMNIVORE_HIGHLIGHTS_SOURCE,
    library: { ...fields.library, highlights: [] },
  });
  if (article) return { kind: 'article', article };
  return {
    kind: 'skipped',
    message: `${name}: Omnivore's export has only the link for this item; the page itself was not saved`,
  };
}

/** The articles of one metadata file of the export; `folder` is where it lies in the export ("" or "export/"). */
export async function* omnivoreEntries(
  items: readonly unknown[],
  files: OmnivoreFiles,
  folder: string,
  positionPrefix = '',
): AsyncIterable<ImportedEntry> {
  for (const [index, item] of items.entries()) {
    const position = `${positionPrefix}item ${index + 1}`;
    let entry: ImportedEntry;
    try {
      entry = isRecord(item)
        ? await itemEntry(item as OmnivoreItem, files, folder)
        : { kind: 'failed', message: `not an Omnivore item (${JSON.stringify(item)?.slice(0, 40)})` };
    } catch (error) {
      entry = { kind: 'failed', message: unreadable('the item', error) };
    }
    yield { ...entry, position };
  }
}

/** Omnivore's export zip: every metadata file's items, in the order of their numbers. */
export async function* readOmnivoreZip(path: string): AsyncIterable<ImportedEntry> {
  const zip = await openZip(path);
  try {
    const metadataFiles = zip.names
      .filter((name) => METADATA_FILE.test(name))
      .sort((a, b) => Number(METADATA_FILE.exec(a)?.[1]) - Number(METADATA_FILE.exec(b)?.[1]));
    if (metadataFiles.length === 0 || !isOmnivoreExport(zip.names)) {
      yield { kind: 'skipped', message: 'not an Omnivore export (it has no metadata_*.json files with content)' };
      return;
    }
    const files: OmnivoreFiles = {
      read: async (name) => (zip.has(name) ? decodeText(await zip.read(name)) : null),
    };
    for (const metadataFile of metadataFiles) {
      let items: unknown;
      try {
        items = JSON.parse(decodeText(await zip.read(metadataFile)));
      } catch (error) {
        yield { kind: 'failed', message: `cannot be read: ${(error as Error).message}`, position: metadataFile };
        continue;
      }
      if (!isOmnivoreMetadata(items)) {
        yield { kind: 'failed', message: 'not a list of Omnivore items', position: metadataFile };
        continue;
      }
      const folder = metadataFile.slice(0, metadataFile.lastIndexOf('/') + 1);
      yield* omnivoreEntries(items, files, folder, `${metadataFile.slice(folder.length)} `);
    }
  } finally {
    zip.close();
  }
}

/** The files beside an unzipped export's metadata file. */
export function omnivoreFolder(metadataPath: string): OmnivoreFiles {
  const root = dirname(metadataPath);
  return {
    read: async (name) => {
      const path = join(root, name);
      return existsSync(path) ? decodeText(readFileSync(path)) : null;
    },
  };
}
