import type { AtomFeed, JsonFeed, MediaNs, RdfFeed, RssFeed } from 'feedsmith';

/** One item of a feed, whatever its format, before it becomes an article. */
export interface FeedItem {
  title: string | null;
  /** The item's text: HTML (a fragment or, rarely, a page) or plain text. */
  content: { value: string; format: 'html' | 'text' } | null;
  link: string | null;
  author: string | null;
  date: string | null;
  categories: string[];
  lang: string | null;
  /** Where relative links in the item are resolved from (xml:base, else the item's link). */
  base: string | null;
}

export interface Feed {
  title: string | null;
  link: string | null;
  lang: string | null;
  items: FeedItem[];
}

type TextConstruct = { value?: string; type?: string } | undefined;

const present = (value: string | null | undefined): string | null => {
  const text = value?.trim();
  return text ? text : null;
};

const unique = (values: (string | null | undefined)[]) => [
  ...new Set(values.map((value) => value?.replace(/\s+/g, ' ').trim()).filter((value): value is string => !!value)),
];

/** A URL made absolute against the base when it can be; as written otherwise. */
export function resolveUrl(url: string | null | undefined, base: string | null | undefined): string | null {
  const value = present(url);
  if (!value) return null;
  try {
    return new URL(value, base ?? undefined).href;
  } catch {
    return value;
  }
}

/** An Atom text construct (type text, html or xhtml) as HTML or text. */
function atomText(text: TextConstruct): FeedItem['content'] {
  const value = present(text?.value);
  if (!value) return null;
  const type = (text?.type ?? 'text').toLowerCase();
  if (type === 'html' || type === 'xhtml' || type.includes('html')) return { value, format: 'html' };
  if (type === 'text' || type.startsWith('text/')) return { value, format: 'text' };
  return null;
}

/** A Media RSS description (YouTube's feeds carry their only text there), plain text unless it says html. */
function mediaDescription(media: MediaNs.ItemOrFeed | undefined): FeedItem['content'] {
  const description =
    media?.description ??
    media?.groups?.find((group) => group.description)?.description ??
    media?.contents?.find((content) => content.description)?.description;
  const value = present(description?.value);
  if (!value) return null;
  return { value, format: description?.type?.toLowerCase() === 'html' ? 'html' : 'text' };
}

function rssItem(
  item: RssFeed.Item<string> | RdfFeed.Item<string>,
  feedBase: string | null,
  feedLang: string | null,
): FeedItem {
  const rss = item as RssFeed.Item<string>;
  const html = present(item.content?.encoded) ?? present(item.description) ?? present(rss.itunes?.summary);
  const guid = rss.guid;
  const guidLink = guid && guid.isPermaLink !== false && /^https?:\/\//i.test(guid.value ?? '') ? guid.value : null;
  const base = present(item.xml?.base) ?? feedBase;
  const link = resolveUrl(item.link ?? guidLink ?? item.atom?.links?.[0]?.href, base);
  return {
    title: present(item.title) ?? present(item.dc?.titles?.[0]),
    content: html ? { value: html, format: 'html' } : mediaDescription(item.media),
    link,
    author:
      unique([...(rss.authors ?? []).map((person) => person.name ?? person.email), ...(item.dc?.creators ?? [])]).join(
        ', ',
      ) || present(rss.itunes?.author),
    date: present(rss.pubDate) ?? present(item.dc?.dates?.[0]) ?? present(item.atom?.published ?? item.atom?.updated),
    categories: unique([...(rss.categories ?? []).map((category) => category.name), ...(item.dc?.subjects ?? [])]),
    lang: present(item.xml?.lang) ?? present(item.dc?.languages?.[0]) ?? feedLang,
    base: link ?? base,
  };
}

function atomLink(links: AtomFeed.Link<string>[] | undefined, base: string | null): string | null {
  const link =
    links?.find((candidate) => !candidate.rel || candidate.rel === 'alternate') ??
    links?.find((candidate) => candidate.rel !== 'self' && candidate.rel !== 'enclosure') ??
    links?.[0];
  return resolveUrl(link?.href, base);
}

function atomEntry(entry: AtomFeed.Entry<string>, feed: AtomFeed.Feed<string>, feedBase: string | null): FeedItem {
  const base = present(entry.xml?.base) ?? feedBase;
  const link = atomLink(entry.links, base);
  const content = entry.content?.src ? null : atomText(entry.content);
  const authors = entry.authors?.length ? entry.authors : (entry.source?.authors ?? feed.authors);
  return {
    title: atomText(entry.title)?.value ?? null,
    content: content ?? atomText(entry.summary) ?? mediaDescription(entry.media),
    link,
    author: unique([...(authors ?? []).map((person) => person.name), ...(entry.dc?.creators ?? [])]).join(', ') || null,
    date: present(entry.published) ?? present(entry.updated) ?? present(entry.dc?.dates?.[0]),
    categories: unique((entry.categories ?? []).map((category) => category.label ?? category.term)),
    lang: present(entry.xml?.lang) ?? present(feed.xml?.lang),
    base: link ?? base,
  };
}

function jsonItem(item: JsonFeed.Item<string>, feed: JsonFeed.Feed<string>): FeedItem {
  const link = resolveUrl(item.url ?? item.external_url, feed.home_page_url ?? feed.feed_url);
  const html = present(item.content_html);
  const text = present(item.content_text) ?? present(item.summary);
  const authors = item.authors?.length ? item.authors : feed.authors;
  return {
    title: present(item.title),
    content: html ? { value: html, format: 'html' } : text ? { value: text, format: 'text' } : null,
    link,
    author: unique((authors ?? []).map((author) => author.name)).join(', ') || null,
    date: present(item.date_published) ?? present(item.date_modified),
    categories: unique(item.tags ?? []),
    lang: present(item.language) ?? present(feed.language),
    base: link ?? present(feed.home_page_url),
  };
}

/** A feed as feedsmith parsed it, reduced to what the archive imports. */
export function normaliseFeed(
  parsed:
    | { format: 'rss'; feed: RssFeed.Feed<string> }
    | { format: 'rdf'; feed: RdfFeed.Feed<string> }
    | { format: 'atom'; feed: AtomFeed.Feed<string> }
    | { format: 'json'; feed: JsonFeed.Feed<string> },
): Feed {
  switch (parsed.format) {
    case 'rss': {
      const { feed } = parsed;
      const base = present(feed.xml?.base) ?? present(feed.link);
      const lang = present(feed.language) ?? present(feed.dc?.languages?.[0]);
      return {
        title: present(feed.title) ?? present(feed.dc?.titles?.[0]),
        link: present(feed.link),
        lang,
        items: (feed.items ?? []).map((item) => rssItem(item, base, lang)),
      };
    }
    case 'rdf': {
      const { feed } = parsed;
      const base = present(feed.link);
      const lang = present(feed.dc?.languages?.[0]);
      return {
        title: present(feed.title),
        link: base,
        lang,
        items: (feed.items ?? []).map((item) => rssItem(item, base, lang)),
      };
    }
    case 'atom': {
      const { feed } = parsed;
      const base = present(feed.xml?.base) ?? atomLink(feed.links, null);
      return {
        title: atomText(feed.title)?.value ?? null,
        link: atomLink(feed.links, null),
        lang: present(feed.xml?.lang),
        items: (feed.entries ?? []).map((entry) => atomEntry(entry, feed, base)),
      };
    }
    case 'json': {
      const { feed } = parsed;
      return {
        title: present(feed.title),
        link: present(feed.home_page_url),
        lang: present(feed.language),
        items: (feed.items ?? []).map((item) => jsonItem(item, feed)),
      };
    }
  }
}
