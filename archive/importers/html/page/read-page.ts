import { decodeHtml } from '../decode/decode-html.ts';
import type { ExtractOptions } from '../extract.ts';
import { readMhtml } from '../mhtml/read-mhtml.ts';

/** A saved page, decoded: its HTML and what extraction should know about it. */
export interface SavedPage {
  html: string;
  options: ExtractOptions;
}

// Where browsers and SingleFile note the address a page was saved from, near the top of the file.
const SAVED_FROM = [
  /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i,
  /<!--[^>]*?Page saved with SingleFile\s+url:\s*(\S+)/i,
];

/** The address a saved page says it came from. */
export function savedFromUrl(html: string): string | undefined {
  const head = html.slice(0, 16 * 1024);
  for (const pattern of SAVED_FROM) {
    const url = pattern.exec(head)?.[1];
    if (url && /^https?:\/\//i.test(url)) return url;
  }
  return undefined;
}

/** Decodes a saved page: HTML as saved by a browser or SingleFile, or an MHTML web archive. */
export function readSavedPage(bytes: Uint8Array, format: 'html' | 'mhtml'): SavedPage {
  if (format === 'mhtml') {
    const { html, url, images } = readMhtml(bytes);
    return { html, options: { url, inlineImage: (src) => images.get(src) } };
  }
  const html = decodeHtml(bytes);
  return { html, options: { url: savedFromUrl(html) } };
}
