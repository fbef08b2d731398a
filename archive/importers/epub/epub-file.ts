import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { DOMParser } from 'linkedom';
import { decodeText } from '../../text/decode.ts';
import type { FileImporter, ImportedArticle, ImportedEntry } from '../file-importer.ts';
import { inlineImages } from '../html/content/inline-images.ts';
import { paragraphsOf } from '../html/content/paragraphs.ts';
import { sanitizeArticleHtml } from '../html/content/sanitize.ts';
import { parseDocument } from '../html/dom/parse.ts';
import { normaliseDate } from '../html/metadata/dates.ts';
import { normaliseLang } from '../html/metadata/lang.ts';
import { openZip, type ZipArchive } from './zip.ts';

const MAX_FILE_BYTES = 500 * 1024 * 1024;
/** Images are carried into the book's HTML up to this much in all (and this much each); others are left out. */
const IMAGE_BUDGET_BYTES = 8 * 1024 * 1024;
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
const CHAPTER_TYPES = new Set(['application/xhtml+xml', 'text/html', 'application/xml', 'text/xml']);
// The IDPF and Adobe font obfuscations scramble fonts only; any other encryption is DRM.
const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);
const IMAGE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/** A book that cannot be read, with the reason. */
export class EpubError extends Error {}

/** An element's name without its namespace prefix, lower-cased: "dc:Title" → "title". */
const localName = (element: Element) => element.tagName.replace(/^.*:/, '').toLowerCase();

/** The descendants of `root` with the local name, in document order (XML namespaces vary from book to book). */
function elements(root: Element | Document, name: string): Element[] {
  const found: Element[] = [];
  const walk = (parent: Element | Document) => {
    for (const child of parent.children) {
      if (localName(child) === name) found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

const textOf = (element: Element | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() || null;

function parseXml(text: string, what: string): Document {
  const document = new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
  if (!document.documentElement) throw new EpubError(`${what} is not XML`);
  return document;
}

/** A path inside the zip, from an href relative to `from` (a file in the zip): "../Text/ch%201.xhtml#x". */
function resolvePath(from: string, href: string): string | null {
  try {
    const url = new URL(href, `http://book.invalid/${from}`);
    if (url.host !== 'book.invalid') return null;
    return decodeURIComponent(url.pathname.slice(1));
  } catch {
    return null;
  }
}

/** The encoding an XML document declares (`<?xml … encoding="…"?>`), read as ASCII. */
function xmlEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  return /^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1] ?? null;
}

async function readXml(zip: ZipArchive, name: string, what: string): Promise<Document> {
  const bytes = await zip.read(name).catch((error: Error) => {
    throw new EpubError(`${what} cannot be read: ${error.message}`);
  });
  return parseXml(decodeText(bytes, xmlEncoding(bytes)), what);
}

// Non-void elements written self-closed in XHTML (`<title/>`, `<a id="x"/>`): an HTML parser would leave them open.
const VOID = new Set('area base br col embed hr img input link meta param source track wbr'.split(' '));
const closeSelfClosed = (xhtml: string) =>
  xhtml.replace(/<([a-zA-Z][\w:-]*)((?:\s[^<>]*?)?)\s*\/>/g, (tag, name: string, attributes: string) =>
    VOID.has(name.toLowerCase()) ? tag : `<${name}${attributes}></${name}>`,
  );

interface ManifestItem {
  path: string;
  mediaType: string;
  properties: string[];
}

interface Package {
  path: string;
  document: Document;
  manifest: Map<string, ManifestItem>;
  spine: ManifestItem[];
}

async function readPackage(zip: ZipArchive): Promise<Package> {
  let path: string | null = null;
  if (zip.has('META-INF/container.xml')) {
    const container = await readXml(zip, 'META-INF/container.xml', 'META-INF/container.xml');
    const rootfiles = elements(container, 'rootfile');
    const rootfile =
      rootfiles.find((r) => r.getAttribute('media-type') === 'application/oebps-package+xml') ?? rootfiles[0];
    path = rootfile?.getAttribute('full-path') ?? null;
  }
  // A book without a container still has its package file: the one .opf in the zip.
  path ??= zip.names.find((name) => name.toLowerCase().endsWith('.opf')) ?? null;
  if (path === null) throw new EpubError('not an EPUB book: it has no package file (META-INF/container.xml, .opf)');
  if (!zip.has(path)) throw new EpubError(`the book's package file ${path} is missing`);
  const document = await readXml(zip, path, `the package file ${path}`);
  const manifest = new Map<string, ManifestItem>();
  for (const item of elements(document, 'item')) {
    const id = item.getAttribute('id');
    const href = item.getAttribute('href');
    const itemPath = href ? resolvePath(path, href) : null;
    if (!id || !itemPath) continue;
    manifest.set(id, {
      path: itemPath,
      mediaType: (item.getAttribute('media-type') ?? '').toLowerCase(),
      properties: (item.getAttribute('properties') ?? '').split(/\s+/),
    });
  }
  const spine = elements(document, 'itemref')
    .map((ref) => manifest.get(ref.getAttribute('idref') ?? ''))
    .filter((item): item is ManifestItem => item !== undefined);
  if (spine.length === 0) throw new EpubError('the book has no chapters (its spine is empty)');
  return { path, document, manifest, spine };
}

/** Files the book encrypts with more than font obfuscation: DRM. */
async function encryptedFiles(zip: ZipArchive): Promise<Set<string>> {
  const encrypted = new Set<string>();
  if (!zip.has('META-INF/encryption.xml')) return encrypted;
  const document = await readXml(zip, 'META-INF/encryption.xml', 'META-INF/encryption.xml');
  for (const data of elements(document, 'encrypteddata')) {
    const algorithm = elements(data, 'encryptionmethod')[0]?.getAttribute('Algorithm') ?? '';
    const uri = elements(data, 'cipherreference')[0]?.getAttribute('URI');
    const path = uri ? resolvePath('', uri) : null;
    if (path && !FONT_OBFUSCATION.has(algorithm)) encrypted.add(path);
  }
  return encrypted;
}

function bookMetadata(document: Document) {
  const metadata = elements(document, 'metadata')[0] ?? document.documentElement;
  const titles = elements(metadata, 'title');
  // EPUB 3 may name the main title among several (a subtitle, a collection) with a refining <meta>.
  const mainId = elements(metadata, 'meta')
    .find((meta) => meta.getAttribute('property') === 'title-type' && textOf(meta) === 'main')
    ?.getAttribute('refines')
    ?.replace(/^#/, '');
  const title = textOf(titles.find((t) => mainId !== undefined && t.getAttribute('id') === mainId) ?? titles[0]);
  const creators = elements(metadata, 'creator')
    .map(textOf)
    .filter((name): name is string => name !== null);
  const dates = elements(metadata, 'date');
  const publication =
    dates.find((date) => /publication/i.test(date.getAttribute('opf:event') ?? date.getAttribute('event') ?? '')) ??
    dates[0];
  return {
    title,
    author: creators.length ? [...new Set(creators)].join(', ') : null,
    lang: normaliseLang(textOf(elements(metadata, 'language')[0])),
    publishedAt: normaliseDate(textOf(publication)),
  };
}

interface Chapter {
  paragraphs: string[];
  html: string;
}

async function readChapter(zip: ZipArchive, item: ManifestItem, images: { left: number }): Promise<Chapter> {
  const bytes = await zip.read(item.path).catch((error: Error) => {
    throw new EpubError(`chapter ${item.path} cannot be read: ${error.message}`);
  });
  const document = parseDocument(closeSelfClosed(decodeText(bytes, xmlEncoding(bytes))));
  const body = document.body;
  const paragraphs = paragraphsOf(body);
  // Images are read from the book now, so that sanitising (which drops any image not inlined) keeps them.
  const inlined = new Map<string, string>();
  for (const image of body.querySelectorAll('img[src]')) {
    const src = image.getAttribute('src') ?? '';
    const path = resolvePath(item.path, src);
    if (!path || inlined.has(src) || !zip.has(path)) continue;
    const type = IMAGE_TYPES[extname(path).toLowerCase()];
    const size = zip.size(path);
    if (!type || size > MAX_IMAGE_BYTES || size > images.left) continue;
    images.left -= size;
    inlined.set(src, `data:${type};base64,${(await zip.read(path)).toString('base64')}`);
  }
  inlineImages(body, null, (src) => inlined.get(src));
  return { paragraphs, html: sanitizeArticleHtml(body.innerHTML, null) };
}

/**
 * Reads an EPUB book as one article: title, authors, language and date from its package metadata,
 * its chapters in reading (spine) order as paragraphs, headings included, and its HTML sanitised
 * with its images inlined (within a budget). A book locked by DRM or broken is an `EpubError`.
 */
export async function readEpub(path: string): Promise<ImportedArticle> {
  let zip: ZipArchive;
  try {
    zip = await openZip(path);
  } catch (error) {
    throw new EpubError(`not an EPUB book: ${(error as Error).message}`);
  }
  try {
    const book = await readPackage(zip);
    const encrypted = await encryptedFiles(zip);
    if (book.spine.some((item) => encrypted.has(item.path)))
      throw new EpubError('the book is protected by DRM (its chapters are encrypted) and cannot be read');
    const images = { left: IMAGE_BUDGET_BYTES };
    const paragraphs: string[] = [];
    const html: string[] = [];
    for (const item of book.spine) {
      // The navigation document is the table of contents: the chapters' titles, which come again with the chapters.
      if (item.properties.includes('nav') || !CHAPTER_TYPES.has(item.mediaType)) continue;
      if (!zip.has(item.path)) throw new EpubError(`the book is incomplete: chapter ${item.path} is missing`);
      const chapter = await readChapter(zip, item, images);
      paragraphs.push(...chapter.paragraphs);
      if (chapter.html) html.push(`<section>${chapter.html}</section>`);
    }
    if (paragraphs.length === 0) throw new EpubError('the book has no text (its pages are images only?)');
    const metadata = bookMetadata(book.document);
    return {
      title: metadata.title ?? basename(path, extname(path)),
      paragraphs,
      html: html.join('\n'),
      author: metadata.author,
      lang: metadata.lang,
      publishedAt: metadata.publishedAt,
    };
  } finally {
    zip.close();
  }
}

/** EPUB books, one article each. */
export const epubFileImporter: FileImporter = {
  name: 'EPUB book',
  extensions: ['.epub'],
  async *read(path): AsyncIterable<ImportedEntry> {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      throw new Error(`the file is ${Math.round(size / 1048576)} MB; books over 500 MB are not imported`);
    }
    try {
      yield { kind: 'article', article: await readEpub(path) };
    } catch (error) {
      if (!(error instanceof EpubError)) throw error;
      yield { kind: 'failed', message: error.message };
    }
  },
};
