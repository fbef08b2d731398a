import { parse as parseName } from '@citation-js/name';
import type { StoredArticle } from '../articles/store.ts';

/** What a citation needs of an article. */
export type CitableArticle = Pick<
  StoredArticle,
  'id' | 'title' | 'author' | 'source' | 'url' | 'lang' | 'publishedAt' | 'publishedEstimated' | 'importedAt'
> & {
  contentHash: string;
  /** When the page was captured (a WARC record's date), if the archive knows it. */
  capturedAt?: string | null;
};

export type CitationLocale = 'en' | 'fr';

/** A CSL-JSON item, as citation-js reads and writes it. */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'webpage' | 'document';
  title: string;
  author?: CslName[];
  'container-title'?: string;
  publisher?: string;
  URL?: string;
  language?: string;
  issued?: { 'date-parts': number[][]; circa?: boolean };
  accessed?: { 'date-parts': number[][] };
  note?: string;
}

export type CslName = { literal: string } | ReturnType<typeof parseName>;

export const CITATION_FORMATS = ['bibtex', 'ris', 'csl-json', 'apa', 'chicago'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

/** Data for other tools keeps only what the archive knows; a formatted style gets its stand-ins. */
const isStyle = (format: CitationFormat) => format === 'apa' || format === 'chicago';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

function dateParts(value: string | null | undefined): number[] | null {
  const match = value ? DATE.exec(value) : null;
  if (!match) return null;
  return match.slice(1).flatMap((part) => (part === undefined ? [] : [Number(part)]));
}

// One word in capitals (AFP, Reuters) or a long byline is an organisation, not a person to split into given and family names.
function nameOf(text: string): CslName {
  const words = text.split(/\s+/);
  if (words.length === 1 || words.length > 4) return { literal: text };
  const parsed = parseName(text);
  return parsed.family ? parsed : { literal: text };
}

/** "A. Diallo; F. Sow", "Amadou Diallo and Fatou Sow", "Amadou Diallo, Fatou Sow" (but not "Diallo, Amadou"). */
export function authorsOf(byline: string | null): CslName[] {
  const text = byline?.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  const pieces = text.split(/\s*;\s*|\s+(?:and|et|&)\s+/i).flatMap((piece) => {
    const parts = piece.split(/\s*,\s*/);
    return parts.length > 1 && parts.every((part) => part.includes(' ')) ? parts : [piece];
  });
  return pieces.filter((piece) => piece !== '').map(nameOf);
}

/** The site or publication: its name, else the host of its address. */
export function siteOf(article: Pick<CitableArticle, 'source' | 'url'>): string | null {
  if (article.source?.trim()) return article.source.trim();
  try {
    return article.url ? new URL(article.url).hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]/g, '');
const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A BibTeX-style key: first author's family name (or the site), year, first long word of the title. */
export function citationKey(article: CitableArticle, authors: CslName[]): string {
  const first = authors[0];
  const who = fold((first && ('literal' in first ? first.literal : first.family)) ?? siteOf(article) ?? '');
  const year = article.publishedAt ? (DATE.exec(article.publishedAt)?.[1] ?? '') : '';
  const word =
    article.title
      .split(/\s+/)
      .map(fold)
      .find((candidate) => candidate.length >= 3) ?? '';
  const key = `${capitalised(who.slice(0, 30))}${year}${capitalised(word.slice(0, 20))}`;
  return /[A-Za-z]/.test(key) ? key : `article${article.id}`;
}

const NOTES = {
  en: {
    archived: (date: string, hash: string) => `Archived ${date} (Archive Reader). Content SHA-256: ${hash}.`,
    estimated: 'Publication date estimated from the text.',
  },
  fr: {
    archived: (date: string, hash: string) =>
      `Archivé le ${date} (Archive Reader). Empreinte SHA-256 du contenu\u00a0: ${hash}.`,
    estimated: 'Date de publication estimée d’après le texte.',
  },
};

/**
 * An article as a CSL item. `accessed` is the day it was archived (captured, else imported); the note
 * carries that day and the content hash. An estimated publication date is marked `circa` for data;
 * APA prints it as "ca." and Chicago, whose style has no such mark, leaves it out ("n.d.", with the
 * access date) rather than show a guess as fact. Without an author, the styles cite the site as the
 * group author (APA 7 §9.8, CMOS 15.37), and it is then not repeated as the site name.
 */
export function toCslItem(article: CitableArticle, format: CitationFormat, locale: CitationLocale): CslItem {
  const authors = authorsOf(article.author);
  const key = citationKey(article, authors);
  const site = siteOf(article);
  const archived = article.capturedAt ?? article.importedAt;
  const accessed = dateParts(archived);
  const issued = dateParts(article.publishedAt);
  const notes = NOTES[locale];
  const item: CslItem = {
    id: key,
    'citation-key': key,
    type: article.url ? 'webpage' : 'document',
    title: article.title,
  };
  const siteAsAuthor = authors.length === 0 && isStyle(format) && site !== null;
  if (authors.length > 0) item.author = authors;
  else if (siteAsAuthor) item.author = [{ literal: site }];
  if (site && !siteAsAuthor) item['container-title'] = site;
  // BibTeX's @misc and RIS have no field for a website's name; its publisher is the nearest.
  if (site && (format === 'bibtex' || format === 'ris')) item.publisher = site;
  if (article.url) item.URL = article.url;
  if (article.lang) item.language = article.lang;
  if (issued && !(article.publishedEstimated && format === 'chicago')) {
    item.issued = article.publishedEstimated ? { 'date-parts': [issued], circa: true } : { 'date-parts': [issued] };
  }
  if (accessed) item.accessed = { 'date-parts': [accessed] };
  const archivedDay = archived.slice(0, 10);
  item.note = [notes.archived(archivedDay, article.contentHash), article.publishedEstimated ? notes.estimated : '']
    .filter(Boolean)
    .join(' ');
  return item;
}
