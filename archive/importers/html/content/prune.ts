import { isChromeLine } from '../../boilerplate.ts';
import { descendants } from '../dom/elements.ts';

// Class and id words of blocks that frame an article rather than tell it, whatever their length.
const CHROME_BLOCK = words(
  'share sharing social socials related relatedposts related-posts recommended recommendations newsletter subscribe ' +
    'comments comment-list commentlist respond breadcrumb breadcrumbs tags tagcloud taglist pagination pager nav ' +
    'navigation menu sidebar promo outbrain taboola popular most-read mostread more-stories ' +
    'read-more readmore advert advertisement ads sponsor sponsored toolbar skip-link',
);
// Words of blocks that frame the article when they are short: a byline, a date line, a credit.
const CHROME_LINE = words(
  'byline dateline author authors author-bio authorbox author-box about-author bio post-meta entry-meta ' +
    'article-meta postmeta meta-info credit credits copyright photo-credit disclaimer rating print date timestamp',
);
const CHROME_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'menu', 'menubar']);
// Blocks that hold running text: never removed on their class alone.
const PROSE = new Set(['P', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const SHORT_TEXT = 200;
// What would take this share of the article's text away is the article, whatever its class says.
const MOST_OF_ARTICLE = 0.5;

/** A pattern matching any of the words as a class or id, or a hyphenated part of one ("share-buttons"). */
function words(list: string): RegExp {
  const alternatives = list.split(' ').map((word) => word.replace(/-/g, '[-_]'));
  return new RegExp(`(?:^|[_-])(?:${alternatives.join('|')})(?:$|[_-])`, 'i');
}

// Names of more parts are made from text ("sharing-with-a-single-developer", a heading's anchor), not chosen.
const MAX_NAME_PARTS = 3;

/** The element's class names and id that are names a template chose. */
const namesOf = (element: Element) =>
  `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
    .split(/\s+/)
    .filter((name) => name && name.split(/[-_]/).length <= MAX_NAME_PARTS);

/**
 * Removes from Readability's content what frames the article: navigation, and blocks whose class,
 * id or role says they hold sharing buttons, related links, comments and the like, or (when
 * short) a byline, a date line or a credit.
 */
export function pruneChrome(content: Element): void {
  let budget = (content.textContent ?? '').trim().length * MOST_OF_ARTICLE;
  for (const element of descendants(content)) {
    if (PROSE.has(element.tagName)) continue;
    const names = namesOf(element);
    const always =
      element.tagName === 'NAV' ||
      CHROME_ROLES.has(element.getAttribute('role') ?? '') ||
      names.some((name) => CHROME_BLOCK.test(name));
    const whenShort =
      element.tagName === 'ASIDE' || element.tagName === 'FOOTER' || names.some((name) => CHROME_LINE.test(name));
    // Content is detached from the document, so a descendant of a removed block is recognised by its ancestry.
    if ((!always && !whenShort) || !content.contains(element)) continue;
    const length = (element.textContent ?? '').trim().length;
    if (length > budget || (!always && length >= SHORT_TEXT)) continue;
    element.remove();
    budget -= length;
  }
}

/** Paragraphs without the chrome lines scrapers and templates leave at either end ("Share", "Related articles"…). */
export function trimChromeParagraphs(paragraphs: string[]): string[] {
  let start = 0;
  let end = paragraphs.length;
  while (start < end && isChromeLine(paragraphs[start] ?? '')) start++;
  while (end > start && isChromeLine(paragraphs[end - 1] ?? '')) end--;
  return paragraphs.slice(start, end);
}

const MAX_TAIL_LINES = 3;
const MAX_TAIL_LENGTH = 80;
const ENDS_SENTENCE = /[.!?…。！？»"”'’]$/;

/**
 * A page's paragraphs without the short lines that are not sentences after its text, three at
 * most: on a page made from a template these are its tags, a credit, a date or a name. (Text an
 * author wrote, such as a feed item's, may well end on a link; this is for whole pages only.)
 */
export function trimTemplateTail(paragraphs: string[]): string[] {
  let end = paragraphs.length;
  while (end > 1 && paragraphs.length - end < MAX_TAIL_LINES) {
    const last = paragraphs[end - 1] ?? '';
    if (last.length >= MAX_TAIL_LENGTH || ENDS_SENTENCE.test(last)) break;
    end--;
  }
  return paragraphs.slice(0, end);
}
