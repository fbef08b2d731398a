import { describeDecoding } from '../../../text/decode.ts';
import { decodeHtmlBytes } from '../decode/decode-html.ts';
import type { ExtractOptions } from '../extract.ts';
import { readMhtml } from '../mhtml/read-mhtml.ts';

/** A saved page, decoded: its HTML and what extraction should know about it. */
export interface SavedPage {
  html: string;
  options: ExtractOptions;
  /** When the page was saved, from SingleFile's comment or the MHTML headers (ISO 8601, UTC); null if unsaid. */
  capturedAt: string | null;
  /** How its bytes were decoded, when the import report should say so (see `describeDecoding`). */
  decoding: string | null;
}

// Where browsers and SingleFile note the address a page was saved from, near the top of the file.
const SAVED_FROM = [
  /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i,
  /<!--[^>]*?Page saved with SingleFile\s+url:\s*(\S+)/i,
];

// SingleFile notes when it saved the page as JavaScript's Date#toString() ("Wed Nov 25 2026 10:00:00 GMT+0100 (…)").
const SINGLEFILE_DATE = /<!--[^>]*?Page saved with SingleFile[^>]*?saved date:\s*([^\n>]+?)\s*(?:\n|-->)/i;

/** A date as saved pages write it, as ISO 8601 in UTC; null when absent or unreadable. */
export function captureDate(written: string | undefined | null): string | null {
  if (!written) return null;
  // Date#toString() ends with the zone's name in brackets, which Date.parse does not need.
  const time = Date.parse(written.replace(/\s*\([^)]*\)\s*$/, ''));
  return Number.isNaN(time) ? null : new Date(time).toISOString().replace(/\.000Z$/, 'Z');
}

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
    const { html, url, images, date, decoding } = readMhtml(bytes);
    return { html, options: { url, inlineImage: (src) => images.get(src) }, capturedAt: captureDate(date), decoding };
  }
  const decoded = decodeHtmlBytes(bytes);
  const html = decoded.text;
  return {
    html,
    options: { url: savedFromUrl(html) },
    capturedAt: captureDate(SINGLEFILE_DATE.exec(html.slice(0, 16 * 1024))?.[1]),
    decoding: describeDecoding(decoded),
  };
}
