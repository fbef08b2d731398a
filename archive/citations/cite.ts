import { CSL_STYLES, citationJs } from './engine.ts';
import {
  toCslItem,
  type CitableArticle,
  type CitationFormat,
  type CitationLocale,
  type CslItem,
  type CslName,
} from './csl-item.ts';

export { CITATION_FORMATS, type CitableArticle, type CitationFormat, type CitationLocale } from './csl-item.ts';

const CSL_LOCALES: Record<CitationLocale, string> = { en: 'en-US', fr: 'fr-FR' };

/** Where a citation list is saved: its file ending and media type. */
export const CITATION_FILES: Record<CitationFormat, { extension: string; mimeType: string }> = {
  bibtex: { extension: 'bib', mimeType: 'application/x-bibtex; charset=utf-8' },
  ris: { extension: 'ris', mimeType: 'application/x-research-info-systems; charset=utf-8' },
  'csl-json': { extension: 'json', mimeType: 'application/vnd.citationstyles.csl+json; charset=utf-8' },
  apa: { extension: 'txt', mimeType: 'text/plain; charset=utf-8' },
  chicago: { extension: 'txt', mimeType: 'text/plain; charset=utf-8' },
};

/** Two articles with the same key in one list get the id after it, so every entry can be cited. */
function uniqueKeys<T extends { id: string; 'citation-key': string }>(items: T[], ids: number[]): T[] {
  const seen = new Map<string, number>();
  for (const item of items) seen.set(item.id, (seen.get(item.id) ?? 0) + 1);
  return items.map((item, index) => {
    if ((seen.get(item.id) ?? 0) < 2) return item;
    // citation-js replaces a key with a dash or colon in it: an underscore is safe.
    const key = `${item.id}_${ids[index]}`;
    return { ...item, id: key, 'citation-key': key };
  });
}

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};
const latex = (text: string) => text.replace(/[\\{}&%$#_~^]/g, (char) => LATEX_SPECIALS[char] ?? char);

/**
 * The item with its text made safe for BibTeX. Writing UTF-8, citation-js leaves TeX's special
 * characters as they are, so a title with a lone brace or a "%" from an imported page would break
 * the file (or the rest of the entry); they are escaped as TeX reads them, and braces in the URL
 * percent-encoded.
 */
function forBibtex(item: CslItem): CslItem {
  const name = (person: CslName): CslName =>
    'literal' in person
      ? { literal: latex(person.literal) }
      : Object.fromEntries(Object.entries(person).map(([key, value]) => [key, latex(String(value))]));
  return {
    ...item,
    title: latex(item.title),
    ...(item.author && { author: item.author.map(name) }),
    ...(item['container-title'] && { 'container-title': latex(item['container-title']) }),
    ...(item.publisher && { publisher: latex(item.publisher) }),
    ...(item.note && { note: latex(item.note) }),
    ...(item.URL && { URL: item.URL.replace(/[{}\\]/g, encodeURIComponent) }),
  };
}

type RisEntry = Record<string, string | number | (string | number)[]>;

/**
 * RIS lines from citation-js's RIS records. Its own text output breaks values every 70 characters,
 * which its parser (and others) join back with a space: a content hash or a long title would come
 * back changed. RIS has no line length limit a reader needs, so each value stays on one line.
 */
function risText(entries: RisEntry[]): string {
  const line = (tag: string, value: string | number) => `${tag}  - ${String(value).replace(/\s*[\r\n]+\s*/g, ' ')}`;
  return entries
    .map((entry) => {
      const { TY, ...tags } = entry;
      const lines = [line('TY', String(TY))];
      for (const [tag, value] of Object.entries(tags)) {
        for (const one of Array.isArray(value) ? value : [value]) lines.push(line(tag, one));
      }
      lines.push('ER  - ');
      return `${lines.join('\r\n')}\r\n`;
    })
    .join('\r\n');
}

/**
 * Citations of articles: BibTeX, RIS or CSL-JSON entries (each with the archived date and the content
 * hash), or a bibliography formatted in APA or Chicago (author-date) in English or French, one entry
 * per line, in the style's order.
 */
export function formatCitations(articles: CitableArticle[], format: CitationFormat, locale: CitationLocale): string {
  if (articles.length === 0) return '';
  const items = uniqueKeys(
    articles.map((article) => toCslItem(article, format, locale)),
    articles.map((article) => article.id),
  );
  if (format === 'csl-json') return `${JSON.stringify(items, null, 2)}\n`;
  const { Cite } = citationJs();
  const cite = new Cite(format === 'bibtex' ? items.map(forBibtex) : items);
  if (format === 'bibtex') return `${cite.format('bibtex').trim()}\n`;
  if (format === 'ris') return risText(cite.format('ris', { format: 'object' }) as unknown as RisEntry[]);
  return `${cite
    .format('bibliography', { format: 'text', template: CSL_STYLES[format], lang: CSL_LOCALES[locale] })
    .trim()}\n`;
}
