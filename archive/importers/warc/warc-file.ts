import { describeDecoding, type DecodedText } from '../../text/decode.ts';
import { decodeHtmlBytes } from '../html/decode/decode-html.ts';
import { extractArticle } from '../html/extract.ts';
import type { FileImporter, ImportedArticle, ImportedEntry } from '../file-importer.ts';
import { decodePayload, parseContentType, parseHttpResponse, type HttpResponse } from './http.ts';
import { ImageStore, urlKey } from './image-store.ts';
import { readWarcFile, targetUri, type RecordHead, type WarcRecord } from './records.ts';

/** An article from a web archive: when the page was captured, besides when it was published. */
export interface CapturedArticle extends ImportedArticle {
  /** The record's WARC-Date (ISO 8601, UTC): when the crawler fetched the page. */
  capturedAt: string | null;
}

export interface WarcImportOptions {
  /** Largest page (its HTTP body once decompressed) read as an article; larger ones are reported. */
  maxPageBytes?: number;
  /** Largest image inlined into an article; larger ones are left out of it. */
  maxImageBytes?: number;
  /** Most image bytes inlined into one article; images past that are left out. */
  maxImageBytesPerArticle?: number;
}

const DEFAULTS: Required<WarcImportOptions> = {
  maxPageBytes: 20 * 1024 * 1024,
  maxImageBytes: 2 * 1024 * 1024,
  maxImageBytesPerArticle: 16 * 1024 * 1024,
};

/** Room for the HTTP headers in front of a body. */
const HEAD_ROOM = 64 * 1024;
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

type Kind = 'page' | 'image' | 'other';

/** What a record holds, as far as importing goes. */
interface Classified {
  kind: Kind;
  url: string | null;
  /** HTTP status; 200 for a `resource` record, which has none. */
  status: number;
  mediaType: string;
  charset: string | null;
  response: HttpResponse | null;
  /** The payload before decoding (a resource record's block, an HTTP body). */
  body: Buffer;
}

const dateOf = (head: RecordHead) => {
  const time = Date.parse(head.headers.get('warc-date') ?? '');
  return Number.isNaN(time) ? 0 : time;
};

function captureDate(head: RecordHead): string | null {
  const time = dateOf(head);
  return time ? new Date(time).toISOString().replace(/\.000Z$/, 'Z') : null;
}

function kindOf(mediaType: string, body: Buffer): Kind {
  if (HTML_TYPES.has(mediaType)) return 'page';
  if (mediaType.startsWith('image/')) return 'image';
  // A page served without a type, as old servers did.
  if (!mediaType && /^\s*(?:<!doctype html|<html)/i.test(body.subarray(0, 512).toString('latin1'))) return 'page';
  return 'other';
}

function classify(record: WarcRecord): Classified | null {
  const url = targetUri(record.headers);
  if (record.type === 'resource') {
    const { type, charset } = parseContentType(record.headers.get('content-type'));
    return {
      kind: kindOf(type, record.block),
      url,
      status: 200,
      mediaType: type,
      charset,
      response: null,
      body: record.block,
    };
  }
  if (record.type !== 'response' && record.type !== 'revisit') return null;
  const response = parseHttpResponse(record.block);
  if (!response) return null;
  const { type, charset } = parseContentType(response.headers.get('content-type'));
  return {
    kind: kindOf(type, response.body),
    url,
    status: response.status,
    mediaType: type,
    charset,
    response,
    body: response.body,
  };
}

const isSuccess = (status: number) => status >= 200 && status < 300 && status !== 206;

function statusMessage(page: Classified): string {
  const location = page.response?.headers.get('location');
  if (page.status >= 300 && page.status < 400) {
    return `HTTP ${page.status} for ${page.url}: a redirect${location ? ` to ${location}` : ''}, not a page`;
  }
  if (page.status === 206) return `HTTP 206 for ${page.url}: only part of the page was captured`;
  return `HTTP ${page.status} for ${page.url}: an error page, not the article`;
}

/** The payload of a record as bytes a decoder can read. */
function payload(page: Classified, maxBytes: number): Buffer {
  return page.response ? decodePayload(page.response, maxBytes) : page.body;
}

function revisitMessage(item: WarcRecord, url: string, pages: ReadonlyMap<string, unknown>): string {
  const refersTo = targetUri(new Map([['warc-target-uri', item.headers.get('warc-refers-to-target-uri') ?? '']]));
  const date = item.headers.get('warc-refers-to-date');
  const original = refersTo ?? url;
  const held = pages.has(urlKey(original) ?? original);
  const same = original === url ? 'the same page' : `the same content as ${original}`;
  return `another capture of ${url} (a revisit record: ${same}${date ? ` as captured ${date}` : ''}${
    held ? '' : ', which is not in this file'
  })`;
}

function summary(types: Map<string, number>): string {
  const total = [...types.values()].reduce((sum, count) => sum + count, 0);
  if (!total) return 'the file holds no WARC record';
  const parts = [...types].map(([type, count]) => `${count} ${type || 'untyped'}`);
  return `no web page in the WARC (${total} record${total === 1 ? '' : 's'}: ${parts.join(', ')})`;
}

/**
 * Web archives (WARC 1.0/1.1, plain or gzip-compressed): each captured HTML page (a 2xx
 * `response`, or a `resource` record) becomes an article through the HTML pipeline, with the
 * record's WARC-Target-URI as its address; images the WARC holds are inlined. The file is read
 * twice as a stream, never held: a first pass finds each address's latest capture and sets the
 * images aside (in a temp folder), the second imports the pages. Earlier captures and revisits
 * are reported as skipped; broken records are reported as failed and the others still import.
 */
export function createWarcImporter(options: WarcImportOptions = {}): FileImporter {
  const limits = { ...DEFAULTS, ...options };
  return {
    name: 'WARC web archive',
    extensions: ['.warc', '.warc.gz'],
    async *read(path): AsyncIterable<ImportedEntry> {
      const images = new ImageStore();
      try {
        // Pass 1: the latest good capture of each page, and the images.
        const latest = new Map<string, { number: number; date: number }>();
        const types = new Map<string, number>();
        const keepForIndex = (head: RecordHead) =>
          head.type === 'response' || head.type === 'resource' ? limits.maxImageBytes + HEAD_ROOM : 0;
        // Records are numbered in file order, broken ones too: the last number is how many there are.
        let records = 0;
        for await (const item of readWarcFile(path, keepForIndex)) {
          records = item.number;
          if (item.kind !== 'record') continue;
          types.set(item.type, (types.get(item.type) ?? 0) + 1);
          if (item.type === 'revisit') continue;
          const record = classify(item);
          if (!record?.url || !isSuccess(record.status)) continue;
          const key = urlKey(record.url) ?? record.url;
          const date = dateOf(item);
          if (record.kind === 'page') {
            const known = latest.get(key);
            if (!known || date >= known.date) latest.set(key, { number: item.number, date });
          } else if (record.kind === 'image' && item.complete) {
            try {
              images.add(record.url, record.mediaType, payload(record, limits.maxImageBytes), date);
            } catch {
              // An image that cannot be read (or is too large) is simply not inlined.
            }
          }
        }
        const chosen = new Set([...latest.values()].map(({ number }) => number));

        // Pass 2: the pages, in file order, each reported.
        let reported = 0;
        const keepForImport = (head: RecordHead) =>
          chosen.has(head.number) ? limits.maxPageBytes + HEAD_ROOM : HEAD_ROOM;
        for await (const item of readWarcFile(path, keepForImport)) {
          const position = `record ${item.number}`;
          const share = records > 0 ? Math.min(1, item.number / records) : undefined;
          if (item.kind === 'broken') {
            reported++;
            yield { kind: 'failed', message: item.message, position, share };
            continue;
          }
          const record = classify(item);
          if (!record || record.kind !== 'page') continue;
          const url = record.url ?? '(no address)';
          if (item.type === 'revisit') {
            reported++;
            yield { kind: 'skipped', message: revisitMessage(item, url, latest), position, share };
            continue;
          }
          if (!isSuccess(record.status)) {
            reported++;
            yield { kind: 'skipped', message: statusMessage(record), position, share };
            continue;
          }
          if (!chosen.has(item.number)) {
            reported++;
            yield {
              kind: 'skipped',
              message: `another capture of ${url} (a later one is imported)`,
              position,
              share,
            };
            continue;
          }
          reported++;
          yield { ...importPage(item, record, images, limits, position), share };
        }
        if (!reported) yield { kind: 'skipped', message: summary(types) };
      } finally {
        images.dispose();
      }
    },
  };
}

function importPage(
  item: WarcRecord,
  page: Classified,
  images: ImageStore,
  limits: Required<WarcImportOptions>,
  position: string,
): ImportedEntry {
  if (!item.complete) {
    const size = Math.round(item.contentLength / 1048576);
    return {
      kind: 'failed',
      message: `the page ${page.url} is ${size} MB; pages over ${Math.round(limits.maxPageBytes / 1048576)} MB are not imported`,
      position,
    };
  }
  let decoded: DecodedText;
  try {
    decoded = decodeHtmlBytes(payload(page, limits.maxPageBytes), page.charset);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', message: `the page ${page.url} cannot be read: ${reason}`, position };
  }
  let inlined = 0;
  const inlineImage = (src: string) => {
    const image = images.dataUri(src);
    if (!image || image.bytes > limits.maxImageBytes || inlined + image.bytes > limits.maxImageBytesPerArticle) {
      return undefined;
    }
    inlined += image.bytes;
    return image.uri;
  };
  let extracted: ReturnType<typeof extractArticle>;
  try {
    extracted = extractArticle(decoded.text, {
      url: page.url ?? undefined,
      inlineImage: images.size ? inlineImage : undefined,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', message: `the page ${page.url} cannot be read: ${reason}`, position };
  }
  if (!extracted) return { kind: 'skipped', message: `no article found in the page ${page.url}`, position };
  const article: CapturedArticle = { ...extracted, capturedAt: captureDate(item), decoding: describeDecoding(decoded) };
  return { kind: 'article', article, position };
}

export const warcFileImporter: FileImporter = createWarcImporter();
