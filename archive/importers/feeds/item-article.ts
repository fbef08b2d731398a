import { normaliseLang } from '../html/metadata/lang.ts';
import { cleanUrl } from '../html/metadata/url.ts';
import { normaliseSpace, paragraphsOf } from '../html/content/paragraphs.ts';
import { pruneChrome, trimChromeParagraphs } from '../html/content/prune.ts';
import { sanitizeArticleHtml } from '../html/content/sanitize.ts';
import { parseDocument } from '../html/dom/parse.ts';
import { extractArticle } from '../html/extract.ts';
import type { ImportedArticle } from '../file-importer.ts';
import { feedDate } from './feed-dates.ts';
import type { Feed, FeedItem } from './normalise.ts';

/** Longest title made from the first paragraph, for an item without a title. */
const UNTITLED_LENGTH = 120;
// An item that is a whole page rather than a fragment of one goes through the page pipeline.
const WHOLE_PAGE = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype html|<html[\s>])/i;
// What feed services append to each item: share links, tracking pixels, "The post … appeared first on …".
const FEED_CHROME = '.feedflare, .mf-viral, .blogger-post-footer, img[width="1"], img[height="1"]';
// Links that lead from a teaser to the page: not part of the text once the text is here.
const READ_MORE =
  /^(?:continue reading|read more|read the full (?:story|article)|full story|lire la suite|la suite|suite de l['’]article|lire l['’]article|اقرأ المزيد|التفاصيل)\W*$/i;
const APPEARED_FIRST = /^(?:the post|l['’]article|le billet) .+ (?:appeared first on|est apparu en premier sur) .+$/i;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Text that may hold markup or entities (an RSS title often does), as plain text. */
export function plainText(value: string | null): string | null {
  if (!value) return null;
  if (!/[<&]/.test(value)) return normaliseSpace(value) || null;
  const document = parseDocument(`<p>${value}</p>`);
  return normaliseSpace(document.body.textContent ?? '') || null;
}

function untitled(paragraphs: string[]): string {
  const first = paragraphs[0] ?? '';
  return first.length <= UNTITLED_LENGTH ? first : `${first.slice(0, UNTITLED_LENGTH).replace(/\s+\S*$/, '')}…`;
}

/** An item's content read as a fragment: its paragraphs, and its HTML made safe. */
function readFragment(html: string, base: string | null): { paragraphs: string[]; html: string } {
  const document = parseDocument(html);
  const body = document.body;
  for (const element of [...body.querySelectorAll(FEED_CHROME)]) element.remove();
  for (const link of [...body.querySelectorAll('a')]) {
    if (READ_MORE.test(normaliseSpace(link.textContent ?? ''))) link.remove();
  }
  pruneChrome(body);
  const paragraphs = trimChromeParagraphs(paragraphsOf(body));
  while (paragraphs.length && APPEARED_FIRST.test(paragraphs[paragraphs.length - 1] ?? '')) paragraphs.pop();
  return { paragraphs, html: sanitizeArticleHtml(body.innerHTML, base) };
}

/** Plain text split into paragraphs at blank lines (or at each line when it has none). */
function readText(text: string): { paragraphs: string[]; html: string } {
  const blocks = /\n\s*\n/.test(text) ? text.split(/\n\s*\n/) : text.split('\n');
  const paragraphs = blocks.map(normaliseSpace).filter(Boolean);
  return { paragraphs, html: paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('') };
}

/**
 * An article from a feed item: its content (full text when the feed has it, else its summary)
 * read as a fragment, or as a page when the item holds a whole page; its title, link, author, date
 * and categories (as tags) from the item, the feed's title as source. Null when the item has no text.
 */
export function itemArticle(item: FeedItem, feed: Feed): ImportedArticle | null {
  const title = plainText(item.title);
  const source = plainText(feed.title);
  const lang = normaliseLang(item.lang);
  const publishedAt = feedDate(item.date);
  const library = item.categories.length ? { tags: item.categories } : undefined;
  const meta = { url: cleanUrl(item.link), author: plainText(item.author), source, ...(library ? { library } : {}) };

  const content = item.content;
  if (content?.format === 'html' && WHOLE_PAGE.test(content.value)) {
    const page = extractArticle(content.value, { url: item.link ?? undefined });
    if (page) {
      return {
        ...page,
        ...meta,
        url: meta.url ?? page.url,
        title: title ?? page.title,
        author: meta.author ?? page.author,
        lang: lang ?? page.lang,
        publishedAt: publishedAt ?? page.publishedAt,
      };
    }
  }
  const read = !content
    ? { paragraphs: [], html: '' }
    : content.format === 'html'
      ? readFragment(content.value, item.base)
      : readText(content.value);
  // Items often repeat their title as the content's first heading.
  if (title && read.paragraphs.length > 1 && read.paragraphs[0] === title) read.paragraphs.shift();
  if (!read.paragraphs.length) return null;
  return {
    title: title ?? untitled(read.paragraphs),
    paragraphs: read.paragraphs,
    html: read.html,
    ...meta,
    lang,
    publishedAt,
  };
}
