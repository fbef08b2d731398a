import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** A WARC record as bytes; `contentLength` overrides the true length, to make a broken record. */
export function record(
  type: string,
  url: string | null,
  block: Buffer | string,
  options: { date?: string; contentType?: string; contentLength?: number; headers?: Record<string, string> } = {},
): Buffer {
  const body = typeof block === 'string' ? Buffer.from(block) : block;
  const headers: Record<string, string> = {
    'WARC-Type': type,
    ...(url ? { 'WARC-Target-URI': url } : {}),
    'WARC-Date': options.date ?? '2024-03-01T10:00:00Z',
    'WARC-Record-ID': `<urn:uuid:${crypto.randomUUID()}>`,
    'Content-Type':
      options.contentType ??
      (type === 'response' || type === 'revisit' ? 'application/http; msgtype=response' : 'text/plain'),
    ...options.headers,
    'Content-Length': String(options.contentLength ?? body.length),
  };
  const head = `WARC/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
  return Buffer.concat([Buffer.from(head), body, Buffer.from('\r\n\r\n')]);
}

/** An HTTP response as a `response` record's block holds it. */
export function http(status: number, headers: Record<string, string>, body: Buffer | string = ''): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const reason = status === 200 ? 'OK' : status === 404 ? 'Not Found' : status === 301 ? 'Moved Permanently' : 'Status';
  const head = `HTTP/1.1 ${status} ${reason}\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
  return Buffer.concat([Buffer.from(head), bytes]);
}

/** A page with enough prose for the article extractor to take it for an article. */
export function articlePage(title: string, lead: string, extra = ''): string {
  const sentences = [
    'The regional council met on Tuesday to discuss the state of the water reserves across the district.',
    'Several farmers described how the wells near the river had fallen lower than at any time in living memory.',
    'Engineers presented a plan to repair the old canals before the rainy season, at a cost still to be agreed.',
    'The council will vote on the plan next month, after a public consultation in every village concerned.',
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article><h1>${title}</h1><p>${lead}</p>${sentences.map((sentence) => `<p>${sentence} ${sentence}</p>`).join('')}${extra}</article>
<footer>Copyright the newspaper</footer></body></html>`;
}

/** Writes a WARC: plain, or with each record as its own gzip member (as crawlers write `.warc.gz`). */
export function writeWarc(path: string, records: Buffer[], gzip = false): void {
  writeFileSync(path, Buffer.concat(gzip ? records.map((bytes) => gzipSync(bytes)) : records));
}

/** The smallest valid PNG: one transparent pixel. */
export const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
