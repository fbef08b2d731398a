import type { HighlightColor } from '../api/contract.ts';
import { siteOf } from '../citations/csl-item.ts';
import { LABELS, longDate, type ExportLocale } from './labels.ts';
import { noteNumbers, paragraphsWithHighlights } from './passages.ts';
import type { ExportArticle } from './source.ts';

/**
 * What the exported page may do: show its own inline styles and images inlined as data: URIs, and
 * nothing else — no script, no request to any server, no form, no plugin, no <base>.
 */
export const EXPORT_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'ckb', 'dv', 'sd', 'ug']);

const MARK_COLORS: Record<HighlightColor, string> = {
  yellow: '#fff3a3',
  green: '#c8f0c0',
  blue: '#c6e2ff',
  pink: '#ffd0e4',
  purple: '#e2d4ff',
};

const STYLE = `
body{margin:0;background:#fdfcf9;color:#1d1d1b;font:18px/1.6 Georgia,"Times New Roman",serif}
article{max-width:40rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:1.9rem;line-height:1.25;margin:0 0 .5rem}
h2{font:600 1.1rem/1.4 system-ui,sans-serif;margin:2.5rem 0 .75rem}
.meta,.provenance,aside,.notes{font:.85rem/1.5 system-ui,sans-serif;color:#55524c}
.meta span+span::before{content:" · "}
aside{border-inline-start:3px solid #c9b458;padding:.25rem 1rem;margin:1.5rem 0;background:#faf6e4}
mark{color:inherit;border-radius:2px;padding:0 .1em}
${Object.entries(MARK_COLORS)
  .map(([color, value]) => `mark.hl-${color}{background:${value}}`)
  .join('\n')}
sup a{text-decoration:none}
.notes li{margin:.75rem 0}
.notes blockquote{margin:0 0 .25rem;font-family:Georgia,serif;color:#1d1d1b}
.provenance{margin-top:3rem;border-top:1px solid #ddd;padding-top:1rem;overflow-wrap:anywhere}
a{color:#1a4f8b}
@media (prefers-color-scheme:dark){body{background:#1b1b1a;color:#e8e6e1}.meta,.provenance,aside,.notes{color:#b8b4ab}
aside{background:#2a2720}.notes blockquote{color:#e8e6e1}mark{color:#1d1d1b}a{color:#8fb8ea}}
`.trim();

const safeUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);
const paragraphsOf = (text: string) =>
  text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

/**
 * An article as one standalone HTML file that opens anywhere offline: inline styles, no script, a
 * strict Content-Security-Policy, the text as the reader shows it with each highlight in a <mark>
 * (its colour, its note as a numbered footnote), the article's note, and where it came from (URL,
 * archived and captured dates, content hash). The original page's images are not included: the
 * export is of the text the reader shows.
 */
export function articleHtml(article: ExportArticle, locale: ExportLocale): string {
  const labels = LABELS[locale];
  const lang = article.lang ?? locale;
  const dir = RTL.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr';
  const numbers = noteNumbers(article.highlights);
  const site = siteOf(article);
  const url = safeUrl(article.url);
  const title = article.title || labels.untitled;

  const meta: string[] = [];
  if (site) meta.push(`<span>${escapeHtml(site)}</span>`);
  if (article.author) meta.push(`<span>${escapeHtml(`${labels.by} ${article.author}`)}</span>`);
  if (article.publishedAt) {
    const estimated = article.publishedEstimated ? ` (${labels.estimated})` : '';
    meta.push(
      `<span>${labels.published} <time datetime="${escapeHtml(article.publishedAt)}">${escapeHtml(longDate(article.publishedAt, locale))}</time>${escapeHtml(estimated)}</span>`,
    );
  }
  if (article.tags.length > 0)
    meta.push(`<span>${labels.tags}${labels.colon}${escapeHtml(article.tags.join(', '))}</span>`);

  const noted = new Set<number>();
  const body = paragraphsWithHighlights(article.text, article.highlights)
    .map((pieces) => {
      const html = pieces
        .map(({ text, highlight }) => {
          const escaped = escapeHtml(text).replace(/\n/g, '<br>');
          if (!highlight) return escaped;
          const number = numbers.get(highlight.id);
          const title = highlight.note?.trim() ? ` title="${escapeHtml(highlight.note.trim())}"` : '';
          // The footnote link follows the highlight's first piece; the note's anchor returns to it.
          const first = number !== undefined && !noted.has(highlight.id);
          if (first) noted.add(highlight.id);
          const anchor = first ? ` id="highlight-${number}"` : '';
          const link = first ? `<sup><a href="#note-${number}">${number}</a></sup>` : '';
          return `<mark class="hl-${highlight.color}"${anchor}${title}>${escaped}</mark>${link}`;
        })
        .join('');
      return `<p>${html}</p>`;
    })
    .join('\n');

  const sorted = [...article.highlights].sort((a, b) => a.start - b.start);
  const notes =
    sorted.length === 0
      ? ''
      : `<section class="notes" lang="${locale}" dir="ltr"><h2>${labels.highlights}</h2><ol>\n${sorted
          .map((highlight) => {
            const number = numbers.get(highlight.id);
            const id = number ? ` id="note-${number}"` : '';
            const back = number ? ` <a href="#highlight-${number}">↩</a>` : '';
            const note = highlight.note?.trim() ? paragraphsOf(highlight.note) : '';
            return `<li${id}><blockquote lang="${escapeHtml(lang)}" dir="${dir}"><mark class="hl-${highlight.color}">${escapeHtml(highlight.quote)}</mark>${back}</blockquote>${note}</li>`;
          })
          .join('\n')}\n</ol></section>`;

  const provenance = [
    url
      ? `${labels.source}${labels.colon}<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(url)}</a>`
      : '',
    article.capturedAt ? `${labels.captured}${labels.colon}${escapeHtml(longDate(article.capturedAt, locale))}` : '',
    `${labels.archived}${labels.colon}${escapeHtml(longDate(article.importedAt, locale))}`,
    `${labels.contentHash}${labels.colon}<code>${escapeHtml(article.contentHash)}</code>`,
  ].filter(Boolean);

  return `<!doctype html>
<html lang="${escapeHtml(lang)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<article>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta" lang="${locale}" dir="ltr">${meta.join('')}</p>
</header>
${article.note?.trim() ? `<aside lang="${locale}"><h2>${labels.note}</h2>${paragraphsOf(article.note)}</aside>\n` : ''}${body}
${notes}
<footer class="provenance" lang="${locale}" dir="ltr"><p>${provenance.join('<br>\n')}</p></footer>
</article>
</body>
</html>
`;
}
