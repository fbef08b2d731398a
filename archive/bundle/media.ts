import { createHash } from 'node:crypto';
import { MEDIA_SCHEME } from './format.ts';

/**
 * Images are stored in an article's HTML as `data:` URIs (importers inline them). A bundle keeps
 * each image once, as a member of its own, and the HTML points at it; importing puts them back.
 */
// Only a whole attribute or CSS url() value: an article's text about data URIs is left as it is.
const DATA_URI = /(?<=["'(])data:(image\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/=\s]+)(?=["')])/gi;
const IMAGE_WITH_DATA = /<img\b[^>]*?data:image\/[^>]*>/gi;
const MEDIA_REF = new RegExp(`${MEDIA_SCHEME}([0-9a-f]{64})`, 'g');

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
  'image/bmp': 'bmp',
  'image/x-icon': 'ico',
  'image/vnd.microsoft.icon': 'ico',
};

export const extensionFor = (type: string) => EXTENSIONS[type.toLowerCase()] ?? 'bin';

/** Formats whose bytes are already compressed: stored in the zip as they are. */
export const isCompressedImage = (type: string) => !/svg|bmp|icon/i.test(type);

export interface ExtractedImage {
  sha256: string;
  type: string;
  bytes: Buffer;
}

/** The HTML with each inlined image replaced by a reference to its member, and the images themselves. */
export function extractImages(html: string): { html: string; images: ExtractedImage[] } {
  const images = new Map<string, ExtractedImage>();
  const replaced = html.replace(DATA_URI, (_match, type: string, base64: string) => {
    const bytes = Buffer.from(base64.replace(/\s+/g, ''), 'base64');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (!images.has(sha256)) images.set(sha256, { sha256, type: type.toLowerCase(), bytes });
    return `${MEDIA_SCHEME}${sha256}`;
  });
  return { html: replaced, images: [...images.values()] };
}

/** The HTML without its inlined images (a bundle made without images). */
export function dropImages(html: string): string {
  return html.replace(IMAGE_WITH_DATA, '').replace(DATA_URI, '');
}

/** Bytes of the images inlined in some HTML, each distinct image once, without decoding them. */
export function inlinedImageBytes(html: string, seen: Set<string>): number {
  let total = 0;
  for (const match of html.matchAll(DATA_URI)) {
    const base64 = (match[2] ?? '').replace(/\s+/g, '');
    const key = createHash('sha1').update(base64).digest('hex');
    if (seen.has(key)) continue;
    seen.add(key);
    const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
    total += Math.floor((base64.length * 3) / 4) - padding;
  }
  return total;
}

/**
 * The HTML with its media references put back as `data:` URIs. An image that is missing or failed
 * its checksum is left out with its `<img>` element, never shown broken.
 */
export function restoreImages(html: string, available: ReadonlyMap<string, { type: string; bytes: Buffer }>): string {
  const withoutMissing = html.replace(/<img\b[^>]*>/gi, (tag) => {
    const refs = [...tag.matchAll(MEDIA_REF)].map((match) => match[1] ?? '');
    return refs.some((ref) => !available.has(ref)) ? '' : tag;
  });
  return withoutMissing.replace(MEDIA_REF, (_match, sha256: string) => {
    const image = available.get(sha256);
    return image ? `data:${image.type};base64,${image.bytes.toString('base64')}` : '';
  });
}

/** The media an article's bundled HTML points at. */
export function mediaRefs(html: string): string[] {
  return [...new Set([...html.matchAll(MEDIA_REF)].map((match) => match[1] ?? ''))];
}
