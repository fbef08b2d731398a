import { readFileSync, statSync } from 'node:fs';
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
import type { FileImporter, ImportedEntry } from '../file-importer.ts';
import { decodeHtmlBytes } from '../html/decode/decode-html.ts';
import { itemArticle, plainText } from './item-article.ts';
import { normaliseFeed, type Feed } from './normalise.ts';
import { opmlEntries } from './opml.ts';
import { sniff } from './sniff.ts';

const MAX_FILE_BYTES = 50 * 1024 * 1024;
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

function decode(bytes: Buffer): DecodedText {
  // JSON is UTF-8 (RFC 8259); XML says its encoding in its declaration.
  const first = bytes
    .subarray(0, 1024)
    .toString('latin1')
    .replace(/^\uFEFF|^ï»¿/, '')
    .trimStart();
  return first.startsWith('{') || first.startsWith('[') ? decodeBytes(bytes) : decodeHtmlBytes(bytes);
}

function htmlTitle(text: string): string | null {
  return plainText(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(text.slice(0, 64 * 1024))?.[1] ?? null);
}

/** `decoding`: how the feed file was decoded, noted on each item's line of the report. */
function* feedEntries(feed: Feed, decoding: string | null): Generator<ImportedEntry> {
  if (!feed.items.length) {
    yield { kind: 'skipped', message: `the feed${feed.title ? ` "${plainText(feed.title)}"` : ''} has no items` };
    return;
  }
  for (const [index, item] of feed.items.entries()) {
    const position = `item ${index + 1}`;
    try {
      const article = itemArticle(item, feed);
      if (article) yield { kind: 'article', article: { ...article, decoding }, position };
      else {
        const what = item.title ? `"${plainText(item.title)}" has` : 'has';
        yield {
          kind: 'skipped',
          message: `the item ${what} no text${item.link ? ` (only a link: ${item.link})` : ''}`,
          position,
        };
      }
    } catch (error) {
      yield { kind: 'failed', message: error instanceof Error ? error.message : String(error), position };
    }
  }
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
    if (size > MAX_FILE_BYTES) {
      throw new Error(`the file is ${Math.round(size / 1048576)} MB; feeds over 50 MB are not imported`);
    }
    const promisesFeed = FEED_ENDINGS.some((ending) => path.toLowerCase().endsWith(ending));
    const notAFeed = (reason: string): ImportedEntry =>
      promisesFeed
        ? { kind: 'failed', message: `not a feed: ${reason}` }
        : { kind: 'skipped', message: `not a feed: ${reason}` };
    const bytes = readFileSync(path);
    if (bytes.length === 0) {
      yield notAFeed('the file is empty');
      return;
    }
    const decoded = decode(bytes);
    const text = decoded.text;
    const decoding = describeDecoding(decoded);
    const sniffed = sniff(text);
    try {
      switch (sniffed.kind) {
        case 'json': {
          let json: unknown;
          try {
            json = JSON.parse(text.replace(/^\uFEFF/, ''));
          } catch (error) {
            throw new NotAFeed(`the file is not valid JSON (${(error as Error).message})`);
          }
          if (!detectJsonFeed(json)) {
            throw new NotAFeed('a JSON file, but not a JSON Feed (it has no "version": "https://jsonfeed.org/…")');
          }
          yield* feedEntries(normaliseFeed({ format: 'json', feed: parseJsonFeed(json) }), decoding);
          return;
        }
        case 'rss':
        case 'rdf':
        case 'atom': {
          const kind = sniffed.kind;
          const { value: feed, problem } = parseLeniently(text, (xml) =>
            kind === 'rss'
              ? normaliseFeed({ format: 'rss', feed: parseRssFeed(xml) })
              : kind === 'rdf'
                ? normaliseFeed({ format: 'rdf', feed: parseRdfFeed(xml) })
                : normaliseFeed({ format: 'atom', feed: parseAtomFeed(xml) }),
          );
          if (problem) {
            yield {
              kind: 'skipped',
              message: `the feed is not well-formed XML (${problem}): it was read leniently, and items after the damage may be missing`,
            };
          }
          yield* feedEntries(feed, decoding);
          return;
        }
        case 'opml': {
          const { value } = parseLeniently(text, (xml) => parseOpml(xml));
          yield* opmlEntries(value);
          return;
        }
        case 'html': {
          const title = htmlTitle(text);
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
    }
  },
};
