import type { ImportedArticle } from '../file-importer.ts';
import { inlineImages } from './content/inline-images.ts';
import { normaliseSpace, paragraphsOf } from './content/paragraphs.ts';
import { readableContent } from './content/readability.ts';
import { pruneChrome, trimChromeParagraphs, trimTemplateTail } from './content/prune.ts';
import { sanitizeArticleHtml } from './content/sanitize.ts';
import { descendants } from './dom/elements.ts';
import { parseDocument } from './dom/parse.ts';
import { cleanByline, readMetadata, type PageMetadata } from './metadata/read-metadata.ts';
import { isSiteName, stripSiteName, trimTitleSuffix } from './metadata/title.ts';

export interface ExtractOptions {
  /** Where the page was found: resolves its relative links, and is the article's URL when the page names none. */
  url?: string;
  /**
   * The page's image at `url` as a `data:` URI, when the caller holds it (an MHTML part, a WARC
   * record, an EPUB file); undefined otherwise. Images not inlined are left out of the HTML.
   */
  inlineImage?: (url: string) => string | undefined;
}

/** An article read from an HTML page; every field is present, null when the page does not say. */
export interface ExtractedArticle extends ImportedArticle {
  html: string;
  source: string | null;
  url: string | null;
  author: string | null;
  lang: string | null;
  /** ISO 8601: `YYYY-MM-DD`, or with a time in the zone the page gave. */
  publishedAt: string | null;
}

/**
 * Whether text reads as an article: a paragraph of some length with sentence punctuation, or text
 * enough (some scripts and some poems do without the punctuation). What has neither is a form, a
 * menu or a few labels, not an article.
 */
const hasSentence = (paragraphs: string[]) =>
  paragraphs.some((paragraph) => paragraph.length >= 40 && /[.!?。！？…]/.test(paragraph)) ||
  paragraphs.join(' ').length >= 200;

/** Longest title made from the first paragraph, for a page that has no title of any kind. */
const UNTITLED_LENGTH = 120;

function chooseTitle(metadata: PageMetadata, readabilityTitle: string | null): string | null {
  const { metadataTitle, documentTitle, siteNames } = metadata;
  // Titles written for sharing carry no site chrome, mostly; some still name the site, and some name only the site.
  if (metadataTitle && !isSiteName(metadataTitle, siteNames)) return stripSiteName(metadataTitle, siteNames);
  const withoutSite = stripSiteName(documentTitle, siteNames);
  if (withoutSite && withoutSite !== documentTitle) return withoutSite;
  // A title with an unknown suffix: trimmed as Readability trims it, or as it would with dashes it does not know.
  return trimTitleSuffix(documentTitle) || normaliseSpace(readabilityTitle ?? '') || metadata.heading;
}

/** A title made from the first paragraph, for a page that has no title of any kind. */
function untitled(paragraphs: string[]): string {
  const first = paragraphs[0] ?? '';
  return first.length <= UNTITLED_LENGTH ? first : `${first.slice(0, UNTITLED_LENGTH).replace(/\s+\S*$/, '')}…`;
}

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The page's `<base href>`, made absolute against the page's address. */
function baseUrlOf(base: string | null, url: string | undefined): string | null {
  if (base) {
    try {
      return new URL(base, url).href;
    } catch {
      // A base that cannot be read is ignored, as browsers ignore it.
    }
  }
  return url ?? null;
}

/**
 * Reads the article of an HTML page: its text as paragraphs, its body as sanitised HTML, and
 * what its metadata says (title, author, date, site, canonical URL, language). Null when the
 * page holds no readable article (an index, a login page, an empty page).
 *
 * Pure: no I/O and no network; the same page gives the same article. Importers of any format
 * that holds HTML (files, MHTML, WARC, feeds, EPUB) call this one function.
 */
export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedArticle | null {
  const document = parseDocument(html);
  const metadata = readMetadata(document, options.url);
  const baseUrl = baseUrlOf(metadata.base, options.url) ?? metadata.url;
  const readable = readableContent(document);
  if (!readable) return null;
  pruneChrome(readable.content);
  const blocks = trimTemplateTail(trimChromeParagraphs(paragraphsOf(readable.content)));
  const found = chooseTitle(metadata, readable.title);
  // The heading that repeats the title is the title, not the article's first paragraph.
  const paragraphs = found !== null && sameText(blocks[0] ?? '', found) ? blocks.slice(1) : blocks;
  if (!hasSentence(paragraphs)) return null;
  if (options.inlineImage) inlineImages(readable.content, baseUrl, options.inlineImage);
  for (const element of descendants(readable.content)) {
    // The sanitiser would drop classes too, but on the DOM it is cheaper, and they weigh on its input.
    element.removeAttribute('class');
    // Readability marks its wrapper "readability-page-1": an id of the extraction, not of the page.
    if (element.id.startsWith('readability-')) element.removeAttribute('id');
  }
  return {
    title: found ?? untitled(paragraphs),
    paragraphs,
    html: sanitizeArticleHtml(readable.content.innerHTML, baseUrl),
    source: metadata.source,
    url: metadata.url,
    author: metadata.author ?? cleanByline(readable.byline),
    lang: metadata.lang,
    publishedAt: metadata.publishedAt,
  };
}
