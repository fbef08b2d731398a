import type { ImportedEntry } from '../file-importer.ts';
import { highlightsArticle, splitTags, type ExportedHighlight } from './common.ts';

/*
 * Readwise exports highlights only (Highlight, Book Title, Book Author, Amazon Book ID, Note, Color,
 * Tags, Location Type, Location, Highlighted at, Document tags): never the text of the book or
 * article they come from. Skipping them would lose what the reader chose to keep, and they are
 * worth finding offline. So each source becomes one article of its own, its highlights for
 * paragraphs in the source's order, each highlighted with its note, tagged with the document's
 * tags, under the source's title and author, with "Readwise highlights" as its source so that it
 * never passes for the source's text (search `source:readwise` finds them all).
 */

export const READWISE_SOURCE = 'Readwise highlights';

/** Whether a CSV header is Readwise's. */
export const isReadwiseCsv = (columns: readonly string[]) =>
  ['Highlight', 'Book Title'].every((name) => columns.includes(name));

interface Source {
  title: string;
  author: string | null;
  tags: Set<string>;
  highlights: (ExportedHighlight & { location: number | null; order: number })[];
}

/**
 * The highlights of a Readwise CSV export, one article per book or article they come from (in the
 * order the export first names each), the highlights in their location order when every one has a
 * number, else in the export's order.
 */
export function* readwiseEntries(rows: readonly Record<string, string>[]): Iterable<ImportedEntry> {
  const sources = new Map<string, Source>();
  rows.forEach((row, order) => {
    const title = row['Book Title']?.trim() || 'Untitled';
    const author = row['Book Author']?.trim() || null;
    const key = `${title}\u0000${author ?? ''}`;
    let source = sources.get(key);
    if (!source) {
      source = { title, author, tags: new Set(), highlights: [] };
      sources.set(key, source);
    }
    for (const tag of splitTags(row['Document tags'], ',')) source.tags.add(tag);
    const quote = row['Highlight'] ?? '';
    if (!quote.trim()) return;
    // Readwise's own tags on a highlight (favorite, a concept) go with its note, where the reader sees them.
    const tags = splitTags(row['Tags'], ',').map((tag) => `#${tag.replace(/\s+/g, '-')}`);
    const note = [row['Note']?.trim(), tags.join(' ')].filter(Boolean).join('\n') || null;
    const location = /^\d+(?:\.\d+)?$/.test(row['Location']?.trim() ?? '') ? Number(row['Location']) : null;
    source.highlights.push({ quote, note, location, order });
  });
  let index = 0;
  for (const source of sources.values()) {
    index++;
    const position = `book ${index}`;
    const byLocation = source.highlights.every((h) => h.location !== null);
    const highlights = [...source.highlights].sort((a, b) =>
      byLocation ? (a.location as number) - (b.location as number) || a.order - b.order : a.order - b.order,
    );
    const article = highlightsArticle(highlights, {
      title: source.title,
      author: source.author,
      source: READWISE_SOURCE,
      library: source.tags.size ? { tags: [...source.tags] } : undefined,
    });
    if (article) yield { kind: 'article', article, position };
    else yield { kind: 'skipped', message: `"${source.title}": no highlight text in the export`, position };
  }
}
