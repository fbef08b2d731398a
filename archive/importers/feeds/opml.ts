import type { Opml } from 'feedsmith';
import type { ImportedEntry } from '../file-importer.ts';
import { normaliseLang } from '../html/metadata/lang.ts';
import { feedDate } from './feed-dates.ts';
import { plainText } from './item-article.ts';

type Outline = Opml.Outline<string>;

function* walk(outlines: readonly Outline[] | undefined): Generator<{ outline: Outline }> {
  for (const outline of outlines ?? []) {
    yield { outline };
    yield* walk(outline.outlines);
  }
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An OPML file. A subscription list (outlines with an `xmlUrl`) holds no articles, only the
 * addresses of feeds, which cannot be fetched offline: it is reported as skipped, with how many
 * feeds it lists. An outline document (outlines of text, as outliners write) is imported as one
 * article, an outline per paragraph.
 */
export function opmlEntries(document: Opml.Document<string>): ImportedEntry[] {
  const outlines = [...walk(document.body?.outlines)];
  const feeds = outlines.filter(({ outline }) => outline.xmlUrl);
  if (feeds.length) {
    const names = feeds
      .slice(0, 3)
      .map(({ outline }) => plainText(outline.title ?? outline.text ?? null) ?? outline.xmlUrl)
      .join(', ');
    return [
      {
        kind: 'skipped',
        message:
          `OPML lists subscriptions (${feeds.length} feed${feeds.length === 1 ? '' : 's'}: ${names}` +
          `${feeds.length > 3 ? ', …' : ''}); the feeds themselves must be downloaded first`,
      },
    ];
  }
  const lines = outlines
    .filter(({ outline }) => !outline.isComment)
    .map(({ outline }) => plainText(outline.text ?? null))
    .filter((text): text is string => !!text);
  if (!lines.length) return [{ kind: 'skipped', message: 'the OPML file has no outlines' }];
  const head = document.head;
  const title = plainText(head?.title ?? null) ?? lines[0] ?? 'Outline';
  const paragraphs = lines[0] === title && lines.length > 1 ? lines.slice(1) : lines;
  return [
    {
      kind: 'article',
      article: {
        title,
        paragraphs,
        html: paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join(''),
        author: plainText(head?.ownerName ?? null),
        publishedAt: feedDate(head?.dateCreated ?? head?.dateModified),
        lang: normaliseLang(outlines.find(({ outline }) => outline.language)?.outline.language),
      },
    },
  ];
}
