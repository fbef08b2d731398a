import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { FileImporter, ImportedEntry } from '../file-importer.ts';
import { decodeHtml } from '../html/decode/decode-html.ts';
import { htmlFileImporter } from '../html/html-file.ts';
import { parseDocument } from '../html/dom/parse.ts';
import { cleanUrl } from '../html/metadata/url.ts';
import { splitTags } from './common.ts';

/*
 * Pocket exports only links: its HTML export (ril_export.html) lists each saved page as a link with
 * the time it was added and its tags, and its CSV export (title,url,time_added,tags,status) the same
 * with the read status. The pages themselves are not in either, and offline they cannot be fetched.
 *
 * An article made of a title and a URL would be an empty page in the reader, would match searches
 * by its title alone, and would stand in the archive as if the article were kept. So each link is
 * reported, one line each, as skipped with the reason: the report then lists every page still to
 * be saved, and nothing in the archive pretends to hold what it does not.
 */

/** One saved link of a Pocket export. */
export interface PocketItem {
  title: string;
  url: string;
  tags: string[];
  /** "unread" or "archive" (read). */
  status: 'unread' | 'archive';
}

const SKIP_REASON = "Pocket's export has only the link; the page itself was not saved (save the page and import it)";

/** The report's lines for the links of a Pocket export: one skipped entry per link. */
export function* pocketEntries(items: Iterable<PocketItem>): Iterable<ImportedEntry> {
  let index = 0;
  for (const item of items) {
    index++;
    // Saved links often carry campaign parameters; the page to save is the one without them.
    const url = cleanUrl(item.url) ?? item.url;
    const name = item.title && item.title !== item.url && item.title !== url ? `"${item.title}" (${url})` : url;
    yield { kind: 'skipped', message: `${name}: ${SKIP_REASON}`, position: `item ${index}` };
  }
}

/**
 * Whether a page is Pocket's HTML export: links that carry Pocket's `time_added` attribute, under
 * the export's "Unread" and "Read Archive" headings or its "Pocket Export" title. Read from the
 * content, so a renamed export is still recognised.
 */
export function isPocketHtml(html: string): boolean {
  const head = html.slice(0, 64 * 1024);
  if (!/<a\s[^>]*\btime_added\s*=/i.test(head)) return false;
  return /<title>\s*Pocket Export\s*<\/title>/i.test(head) || /<h1>\s*(?:Unread|Read Archive)\s*<\/h1>/i.test(head);
}

/** The links of Pocket's HTML export, with their tags and whether they were read (under "Read Archive"). */
export function readPocketHtml(html: string): PocketItem[] {
  const document = parseDocument(html);
  const items: PocketItem[] = [];
  let status: PocketItem['status'] = 'unread';
  for (const element of document.body.querySelectorAll('h1, a[href]')) {
    if (element.tagName === 'H1') {
      status = /read archive/i.test(element.textContent ?? '') ? 'archive' : 'unread';
      continue;
    }
    const url = element.getAttribute('href') ?? '';
    if (!/^https?:\/\//i.test(url)) continue;
    items.push({
      title: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      url,
      tags: splitTags(element.getAttribute('tags'), ','),
      status,
    });
  }
  return items;
}

/** How much of a page is read to tell whether it is Pocket's export. */
const SNIFF_BYTES = 64 * 1024;

/** The first bytes of a file, as Latin-1 (markup reads the same in any ASCII-compatible encoding). */
function readHead(path: string, length: number): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0)).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/**
 * Web pages, with Pocket's HTML export (`ril_export.html`, renamed or not) told apart by its
 * content and read here; any other page goes to the web page importer. Listed before the web page
 * importer in the registry, so that `.html` comes here first.
 */
export const pocketHtmlImporter: FileImporter = {
  name: 'web page',
  extensions: ['.html', '.htm'],
  async *read(path): AsyncIterable<ImportedEntry> {
    if (!isPocketHtml(readHead(path, SNIFF_BYTES))) {
      yield* htmlFileImporter.read(path);
      return;
    }
    if (statSync(path).size > 100 * 1024 * 1024)
      throw new Error('the file is over 100 MB, more than a Pocket export holds');
    yield* pocketEntries(readPocketHtml(decodeHtml(readFileSync(path))));
  },
};

/** The rows of Pocket's CSV export (title,url,time_added,tags,status; tags split by "|"). */
export function pocketCsvItems(rows: readonly Record<string, string>[]): PocketItem[] {
  return rows
    .filter((row) => /^https?:\/\//i.test(row['url'] ?? ''))
    .map((row) => ({
      title: (row['title'] ?? '').trim(),
      url: (row['url'] ?? '').trim(),
      tags: splitTags(row['tags'], '|'),
      status: row['status']?.trim().toLowerCase() === 'archive' ? 'archive' : 'unread',
    }));
}

/** Whether a CSV header is Pocket's. */
export const isPocketCsv = (columns: readonly string[]) =>
  ['title', 'url', 'time_added', 'status'].every((name) => columns.includes(name));
