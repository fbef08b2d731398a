import type { Highlight } from '../api/contract.ts';
import { siteOf } from '../citations/csl-item.ts';
import { LABELS, longDate, type ExportLocale } from './labels.ts';
import { noteNumbers, paragraphsWithHighlights } from './passages.ts';
import type { ExportArticle } from './source.ts';

/** Text that Markdown must show as written: its markup characters escaped, line starts that would open a block too. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>#|~]/g, '\\$&')
    .replace(/^(\s*)([-+=]|\d+[.)])(?=\s|$)/gm, (_, space: string, marker: string) =>
      /\d/.test(marker) ? `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}` : `${space}\\${marker}`,
    );
}

/** A YAML double-quoted scalar: JSON's string syntax is valid YAML. */
const yaml = (value: string) => JSON.stringify(value);

const quoteLines = (text: string, prefix = '> ') =>
  text
    .split('\n')
    .map((line) => `${prefix}${escapeMarkdown(line)}`.trimEnd())
    .join('\n');

function frontMatter(article: ExportArticle): string {
  const lines = ['---', `title: ${yaml(article.title)}`];
  if (article.author) lines.push(`author: ${yaml(article.author)}`);
  const site = siteOf(article);
  if (site) lines.push(`source: ${yaml(site)}`);
  if (article.url) lines.push(`url: ${yaml(article.url)}`);
  if (article.lang) lines.push(`lang: ${yaml(article.lang)}`);
  if (article.publishedAt) {
    lines.push(`published: ${yaml(article.publishedAt)}`, `published_estimated: ${article.publishedEstimated}`);
  }
  if (article.capturedAt) lines.push(`captured: ${yaml(article.capturedAt)}`);
  lines.push(`archived: ${yaml(article.importedAt)}`, `content_sha256: ${yaml(article.contentHash)}`);
  if (article.tags.length > 0) lines.push(`tags: [${article.tags.map(yaml).join(', ')}]`);
  lines.push('---');
  return lines.join('\n');
}

function metaLine(article: ExportArticle, locale: ExportLocale): string {
  const labels = LABELS[locale];
  const parts: string[] = [];
  const site = siteOf(article);
  if (site) parts.push(`*${escapeMarkdown(site)}*`);
  if (article.author) parts.push(`${labels.by} ${escapeMarkdown(article.author)}`);
  if (article.publishedAt) {
    const date = longDate(article.publishedAt, locale);
    parts.push(`${labels.published} ${date}${article.publishedEstimated ? ` (${labels.estimated})` : ''}`);
  }
  parts.push(`${labels.archived} ${longDate(article.capturedAt ?? article.importedAt, locale)}`);
  return parts.join(' · ');
}

function highlightList(highlights: readonly Highlight[], locale: ExportLocale): string {
  const labels = LABELS[locale];
  return [...highlights]
    .sort((a, b) => a.start - b.start)
    .map((highlight) => {
      const item = `- ${escapeMarkdown(highlight.quote.replace(/\s+/g, ' ').trim())} *(${labels.colors[highlight.color]})*`;
      return highlight.note?.trim() ? `${item}\n\n${quoteLines(highlight.note.trim(), '  > ')}` : item;
    })
    .join('\n\n');
}

/**
 * The reader's side of an article as Markdown: front matter with its metadata (YAML), the article's
 * note, and every highlight with its note. With `withText`, the article's text follows, each highlight
 * marked with <mark> (inline HTML, which CommonMark keeps) and its note as a footnote.
 */
export function articleMarkdown(
  article: ExportArticle,
  locale: ExportLocale,
  withText = true,
  withFrontMatter = true,
): string {
  const labels = LABELS[locale];
  const blocks = [
    ...(withFrontMatter ? [frontMatter(article)] : []),
    `# ${escapeMarkdown(article.title || labels.untitled)}`,
    metaLine(article, locale),
  ];
  if (article.url)
    blocks.push(`${labels.source}${labels.colon}<${article.url.replace(/[<>\s]/g, encodeURIComponent)}>`);
  if (article.note?.trim()) blocks.push(`**${labels.note}**\n\n${quoteLines(article.note.trim())}`);
  const numbers = noteNumbers(article.highlights);
  if (withText) {
    const paragraphs = paragraphsWithHighlights(article.text, article.highlights);
    // A highlight's footnote goes after its last piece (a highlight across paragraphs has several).
    const lastPiece = new Map<number, string>();
    paragraphs.forEach((pieces, p) =>
      pieces.forEach((piece, i) => piece.highlight && lastPiece.set(piece.highlight.id, `${p}:${i}`)),
    );
    paragraphs.forEach((pieces, p) => {
      blocks.push(
        pieces
          .map(({ text, highlight }, i) => {
            const escaped = escapeMarkdown(text).replace(/\n/g, '  \n');
            if (!highlight) return escaped;
            const number = lastPiece.get(highlight.id) === `${p}:${i}` ? numbers.get(highlight.id) : undefined;
            return `<mark>${escaped}</mark>${number ? `[^${number}]` : ''}`;
          })
          .join(''),
      );
    });
  }
  if (article.highlights.length > 0)
    blocks.push(`## ${labels.highlights}\n\n${highlightList(article.highlights, locale)}`);
  if (withText) {
    for (const highlight of [...article.highlights].sort((a, b) => a.start - b.start)) {
      const number = numbers.get(highlight.id);
      if (number && highlight.note)
        blocks.push(`[^${number}]: ${escapeMarkdown(highlight.note.trim()).replace(/\n/g, '\n    ')}`);
    }
  }
  blocks.push(`${labels.contentHash}${labels.colon}\`${article.contentHash}\``);
  return `${blocks.join('\n\n')}\n`;
}
