import { statSync } from 'node:fs';
import { DOMParser } from 'linkedom';
import {
  detectJsonFeed,
  MalformedError,
  parseAtomFeed,
  parseJsonFeed,
  parseOpml,
  parseRdfFeed,
  parseRssFeed,
} from 'feedsmith';
import { decodeBytes, describeDecoding, type DecodedText } from '../../text/decode.ts';
import { readTextChunks, startingWith, type StreamDecoding } from '../../text/decode-stream.ts';
import type { FileImporter, ImportedEntry } from '../file-importer.ts';
import { decodeHtmlBytes } from '../html/decode/decode-html.ts';
import { itemArticle, plainText } from './item-article.ts';
import { InvalidJsonError, jsonValues } from '../json-values.ts';
import { feedPieces } from './item-documents.ts';
import { normaliseFeed, type Feed, type FeedItem } from './normalise.ts';
import { opmlEntries } from './opml.ts';
import { sniff } from './sniff.ts';

/** Feeds are read a chunk at a time, whatever their size; an OPML document is parsed whole. */
const MAX_WHOLE_BYTES = 50 * 1024 * 1024;
/** Endings that promise a feed: a file with one of them that is not a feed has failed, not been skipped. */
const FEED_ENDINGS = ['.rss', '.atom', '.rdf', '.opml'];

class NotAFeed extends Error {}

/** The parser's own words for malformed XML ("Unexpected end of title"), from the error it wrapped. */
function parserMessage(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
  return cause ?? (error instanceof Error ? error.message : String(error));
}

/**
 * The same document made well-formed the way a browser's XML reader would not but a forgiving one
 * does: unclosed elements closed, stray `<` and `&` escaped, a truncated file ended where it stops.
 */
function repairXml(text: string): string {
  const document = new DOMParser().parseFromString(text, 'text/xml') as unknown as { toString(): string };
  return document.toString();
}

/**
 * Parses with feedsmith; when it rejects the XML as malformed, parses again what a forgiving
 * reader makes of it. Returns the result and, when repaired, what was wrong.
 */
function parseLeniently<T>(text: string, parse: (text: string) => T): { value: T; problem: string | null } {
  try {
    return { value: parse(text), problem: null };
  } catch (error) {
    if (!(error instanceof MalformedError)) throw error;
    const problem = parserMessage(error);
    try {
      return { value: parse(repairXml(text)), problem };
    } catch {
      throw new Error(`the file is not well-formed XML (${problem})`);
    }
  }
}

function decode(bytes: Uint8Array): DecodedText {
  // JSON is UTF-8 (RFC 8259); XML says its encoding in its declaration.
  const first = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024))
    .toString('latin1')
    .replace(/^\uFEFF|^ï»¿/, '')
    .trimStart();
  return first.startsWith('{') || first.startsWith('[') ? decodeBytes(bytes) : decodeHtmlBytes(bytes);
}

function htmlTitle(text: string): string | null {
  return plainText(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(text.slice(0, 64 * 1024))?.[1] ?? null);
}

function itemEntry(item: FeedItem, feed: Feed, decoding: string | null, position: string): ImportedEntry {
  try {
    const article = itemArticle(item, feed);
    if (article) return { kind: 'article', article: { ...article, decoding }, position };
    const what = item.title ? `"${plainText(item.title)}" has` : 'has';
    return {
      kind: 'skipped',
      message: `the item ${what} no text${item.link ? ` (only a link: ${item.link})` : ''}`,
      position,
    };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error), position };
  }
}

const noItems = (feed: Feed | null): ImportedEntry => ({
  kind: 'skipped',
  message: `the feed${feed?.title ? ` "${plainText(feed.title)}"` : ''} has no items`,
});

/** `decoding`: how the feed file was decoded, noted on each item's line of the report. */
function* feedEntries(feed: Feed, decoding: string | null): Generator<ImportedEntry> {
  if (!feed.items.length) yield noItems(feed);
  for (const [index, item] of feed.items.entries()) yield itemEntry(item, feed, decoding, `item ${index + 1}`);
}

/**
 * The entries of an RSS, RDF or Atom feed read chunk by chunk (see `feedPieces`): each item parsed
 * alone, leniently when it is not well-formed, which the report says once, at the first such item.
 */
function* xmlFeedEntries(
  chunks: Iterable<string>,
  kind: 'rss' | 'rdf' | 'atom',
  decoding: () => string | null,
): Generator<ImportedEntry> {
  const parse = (xml: string) =>
    kind === 'rss'
      ? normaliseFeed({ format: 'rss', feed: parseRssFeed(xml) })
      : kind === 'rdf'
        ? normaliseFeed({ format: 'rdf', feed: parseRdfFeed(xml) })
        : normaliseFeed({ format: 'atom', feed: parseAtomFeed(xml) });
  let pieces = 0;
  let items = 0;
  let damaged = false;
  let lastFeed: Feed | null = null;
  for (const piece of feedPieces(chunks, kind === 'atom' ? 'entry' : 'item')) {
    if (piece.kind === 'no-items') {
      const { value: feed, problem } = parseLeniently(piece.xml, parse);
      if (problem) yield { kind: 'skipped', message: `the feed is not well-formed XML (${problem})` };
      yield* feedEntries(feed, decoding());
      return;
    }
    pieces += 1;
    const position = `item ${pieces}`;
    let parsed: { value: Feed; problem: string | null };
    try {
      parsed = parseLeniently(piece.xml, parse);
    } catch (error) {
      yield { kind: 'failed', message: (error as Error).message.replace(/^the file/, 'the item'), position };
      continue;
    }
    if (parsed.problem && !damaged) {
      damaged = true;
      yield {
        kind: 'skipped',
        message: `the feed is not well-formed XML (${parsed.problem}, first in ${position}): each damaged item was read leniently, on its own`,
      };
    }
    lastFeed = parsed.value;
    for (const item of parsed.value.items) {
      items += 1;
      yield itemEntry(item, parsed.value, decoding(), position);
    }
  }
  if (items === 0) yield noItems(lastFeed);
}

/** The top-level members of a JSON Feed that its items need, read before or after them. */
const JSON_FEED_MEMBERS = ['version', 'title', 'home_page_url', 'feed_url', 'language', 'author', 'authors'];
const NOT_JSON_FEED = 'a JSON file, but not a JSON Feed (it has no "version": "https://jsonfeed.org/…")';

/**
 * The entries of a JSON Feed read chunk by chunk (see `jsonValues`): each item parsed with the
 * feed's members read so far, so one of them written after the items (rare) reaches only the items
 * after it. Items found before the version that says this is a JSON Feed wait for it.
 */
function* jsonFeedEntries(chunks: Iterable<string>, decoding: () => string | null): Generator<ImportedEntry> {
  const members: Record<string, unknown> = {};
  const waiting: unknown[] = [];
  let isFeed = false;
  let items = 0;
  let entries = 0;
  const entry = (item: unknown): ImportedEntry[] => {
    items += 1;
    const position = `item ${items}`;
    try {
      const feed = normaliseFeed({ format: 'json', feed: parseJsonFeed({ ...members, items: [item] }) });
      const [parsed] = feed.items;
      if (parsed) entries += 1;
      return parsed ? [itemEntry(parsed, feed, decoding(), position)] : [];
    } catch (error) {
      entries += 1;
      return [{ kind: 'failed', message: error instanceof Error ? error.message : String(error), position }];
    }
  };
  const paths = [...JSON_FEED_MEMBERS.map((name) => `$.${name}`), '$.items.*'];
  try {
    for (const found of jsonValues(chunks, paths)) {
      if (found.depth === 1 && typeof found.key === 'string') {
        members[found.key] = found.value;
        if (!isFeed && detectJsonFeed({ ...members, items: [] })) {
          isFeed = true;
          for (const item of waiting.splice(0)) yield* entry(item);
        }
      } else if (isFeed) yield* entry(found.value);
      else waiting.push(found.value);
    }
  } catch (error) {
    if (!(error instanceof InvalidJsonError)) throw error;
    if (!isFeed || items === 0) throw new NotAFeed(`the file is not valid JSON (${error.message})`);
    throw new Error(`the JSON is damaged after item ${items} (${error.message}); the items before it were read`, {
      cause: error,
    });
  }
  if (!isFeed) throw new NotAFeed(NOT_JSON_FEED);
  if (entries === 0) yield noItems(normaliseFeed({ format: 'json', feed: parseJsonFeed({ ...members, items: [] }) }));
}

/**
 * Feeds saved as files: RSS (0.9x, 1.0/RDF, 2.0), Atom, JSON Feed, each item an article (see
 * `itemArticle`); and OPML (see `opmlEntries`). The format is told from the content, not the name:
 * an `.xml` or `.json` file that holds no feed is skipped with the reason. Malformed XML that the
 * feed parser rejects is read again leniently, and the report says so.
 */
export const feedFileImporter: FileImporter = {
  name: 'feed',
  extensions: ['.rss', '.atom', '.rdf', '.xml', '.json', '.opml'],
  *read(path): Iterable<ImportedEntry> {
    const size = statSync(path).size;
    const promisesFeed = FEED_ENDINGS.some((ending) => path.toLowerCase().endsWith(ending));
    const notAFeed = (reason: string): ImportedEntry =>
      promisesFeed
        ? { kind: 'failed', message: `not a feed: ${reason}` }
        : { kind: 'skipped', message: `not a feed: ${reason}` };
    if (size === 0) {
      yield notAFeed('the file is empty');
      return;
    }
    let decoding: StreamDecoding | null = null;
    let bytesRead = 0;
    const chunks = readTextChunks(path, decode, {
      onDecoding: (found) => (decoding = found),
      onRead: (bytes) => (bytesRead = bytes),
    });
    try {
      const head = chunks.next().value ?? '';
      const noted = () => (decoding ? describeDecoding(decoding) : null);
      const sniffed = sniff(head);
      // Feeds are read a chunk at a time; an OPML outline is parsed whole.
      const whole = () => {
        if (size > MAX_WHOLE_BYTES) {
          throw new Error(`the file is ${Math.round(size / 1048576)} MB; OPML files over 50 MB are not imported`);
        }
        return head + [...chunks].join('');
      };
      switch (sniffed.kind) {
        case 'json':
        case 'rss':
        case 'rdf':
        case 'atom': {
          const entries =
            sniffed.kind === 'json'
              ? jsonFeedEntries(startingWith(head, chunks), noted)
              : xmlFeedEntries(startingWith(head, chunks), sniffed.kind, noted);
          for (const entry of entries) yield { ...entry, share: bytesRead / size };
          return;
        }
        case 'opml': {
          const { value } = parseLeniently(whole(), (xml) => parseOpml(xml));
          yield* opmlEntries(value);
          return;
        }
        case 'html': {
          const title = htmlTitle(head);
          throw new NotAFeed(`the file is an HTML page${title ? ` ("${title}")` : ''}`);
        }
        case 'other-xml':
          throw new NotAFeed(`an XML file whose root element is <${sniffed.root}>, not <rss>, <feed> or <opml>`);
        case 'unknown':
          throw new NotAFeed('the file holds neither XML nor JSON');
      }
    } catch (error) {
      if (!(error instanceof NotAFeed)) throw error;
      yield notAFeed(error.message);
    } finally {
      chunks.return();
    }
  },
};
