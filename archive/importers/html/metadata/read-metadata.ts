import { normaliseDate } from './dates.ts';
import { readJsonLd } from './json-ld.ts';
import { normaliseLang } from './lang.ts';
import { headlineOrName } from './title.ts';
import { firstMeta, readMetaTags } from './meta-tags.ts';
import { scanMetadataElements, type MetadataElements } from './scan.ts';
import { cleanUrl, hostName } from './url.ts';

/** What a page says about its article in its markup, read before extraction changes the document. */
export interface PageMetadata {
  /** The title from JSON-LD, Open Graph, Twitter or Dublin Core, as written (site name included, if any). */
  metadataTitle: string | null;
  /** The `<title>` element's text. */
  documentTitle: string;
  /** The text of the page's only `<h1>`, if it has exactly one. */
  heading: string | null;
  /** The page's `<base href>`, as written. */
  base: string | null;
  /** Names the site goes by, for recognising it in titles. */
  siteNames: string[];
  source: string | null;
  url: string | null;
  author: string | null;
  publishedAt: string | null;
  lang: string | null;
}

// Readability's order, which the pages it was tuned on bear out: Dublin Core before Open Graph.
const TITLE_KEYS = [
  'dc:title',
  'dc.title',
  'dcterm:title',
  'dcterms.title',
  'og:title',
  'title',
  'twitter:title',
  'parsely-title',
];
const AUTHOR_KEYS = ['author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'article:author'];
const DATE_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'publishdate',
  'publish-date',
  'pubdate',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.issued',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
  'citation_publication_date',
  'article.published',
];
const LANG_KEYS = ['content-language', 'language', 'dc.language', 'og:locale'];

/** "By Jane Doe" → "Jane Doe"; the word before the name only says it is one. */
export function cleanByline(byline: string | null | undefined): string | null {
  const name = byline
    ?.replace(/\s+/g, ' ')
    .replace(/^(?:by|par|von|di|por|door|av|af)\s*:?\s+/i, '')
    .trim();
  return name && !/^https?:\/\//.test(name) ? name : null;
}

/** The date of a `<time>` in the article's own markup (one elsewhere may date a sidebar link). */
function timeElementDate({ times }: MetadataElements): string | null {
  const dateOf = (element: Element) =>
    normaliseDate(element.getAttribute('datetime') ?? element.getAttribute('content'));
  // (`itemprop="datePublished"` on a <meta> is among the meta tags already.)
  const candidates = [
    ...times.filter((time) => time.getAttribute('itemprop') === 'datePublished'),
    ...times.filter((time) => time.hasAttribute('pubdate')),
    ...times.filter((time) => time.closest('article')),
    ...times.filter((time) => time.closest('main')),
  ];
  for (const element of candidates) {
    const date = dateOf(element);
    if (date) return date;
  }
  // A page that dates one thing only, outside any <article>, dates its post (blogs mark theirs up so).
  return times.length === 1 && times[0] ? dateOf(times[0]) : null;
}

export function readMetadata(document: Document, givenUrl: string | undefined): PageMetadata {
  const elements = scanMetadataElements(document);
  const meta = readMetaTags(elements.metas);
  const jsonLd = readJsonLd(elements.jsonLd);
  const documentTitle = (elements.title?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const { headings } = elements;

  const url =
    cleanUrl(elements.canonical?.getAttribute('href'), givenUrl) ??
    cleanUrl(meta.get('og:url'), givenUrl) ??
    cleanUrl(jsonLd?.url, givenUrl) ??
    cleanUrl(givenUrl);
  const siteName = jsonLd?.publisher ?? meta.get('og:site_name') ?? meta.get('application-name') ?? null;
  const host = hostName(url);
  const siteNames = [siteName, meta.get('og:site_name'), host, host?.replace(/\.[a-z]+$/, '')].filter(
    (name): name is string => !!name,
  );
  const dates = [jsonLd?.datePublished, ...DATE_KEYS.map((key) => meta.get(key))];

  return {
    metadataTitle:
      headlineOrName(jsonLd?.headline ?? null, jsonLd?.name ?? null, documentTitle, siteNames) ??
      firstMeta(meta, TITLE_KEYS),
    documentTitle,
    base: elements.base?.getAttribute('href') ?? null,
    heading: headings.length === 1 ? headings[0]?.textContent?.replace(/\s+/g, ' ').trim() || null : null,
    siteNames,
    source: siteName ?? host,
    url,
    author:
      (jsonLd?.authors.length ? jsonLd.authors.join(', ') : null) ??
      AUTHOR_KEYS.map((key) => cleanByline(meta.get(key))).find((name) => name !== null) ??
      null,
    publishedAt: dates.map(normaliseDate).find((date) => date !== null) ?? timeElementDate(elements),
    lang:
      normaliseLang(
        document.documentElement?.getAttribute('lang') ?? document.documentElement?.getAttribute('xml:lang'),
      ) ??
      [...LANG_KEYS.map((key) => meta.get(key)), jsonLd?.inLanguage].map(normaliseLang).find((lang) => lang !== null) ??
      null,
  };
}
