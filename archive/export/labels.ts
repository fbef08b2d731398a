import type { HighlightColor } from '../api/contract.ts';

export const EXPORT_LOCALES = ['en', 'fr'] as const;
export type ExportLocale = (typeof EXPORT_LOCALES)[number];

/** The words exported files are written with, in the UI's languages. */
export const LABELS: Record<
  ExportLocale,
  {
    by: string;
    published: string;
    estimated: string;
    archived: string;
    captured: string;
    source: string;
    tags: string;
    note: string;
    highlights: string;
    contentHash: string;
    untitled: string;
    /** French sets a no-break space before a colon. */
    colon: string;
    colors: Record<HighlightColor, string>;
  }
> = {
  en: {
    by: 'By',
    published: 'Published',
    estimated: 'estimated from the text',
    archived: 'Archived',
    captured: 'Captured',
    source: 'Original',
    tags: 'Tags',
    note: 'Note',
    highlights: 'Highlights and notes',
    contentHash: 'Content SHA-256',
    untitled: 'Untitled',
    colon: ': ',
    colors: { yellow: 'yellow', green: 'green', blue: 'blue', pink: 'pink', purple: 'purple' },
  },
  fr: {
    by: 'Par',
    published: 'Publié',
    estimated: 'date estimée d’après le texte',
    archived: 'Archivé',
    captured: 'Capturé',
    source: 'Original',
    tags: 'Étiquettes',
    note: 'Note',
    highlights: 'Surlignages et notes',
    contentHash: 'Empreinte SHA-256 du contenu',
    untitled: 'Sans titre',
    colon: '\u00a0: ',
    colors: { yellow: 'jaune', green: 'vert', blue: 'bleu', pink: 'rose', purple: 'violet' },
  },
};

/** A stored date (ISO 8601, possibly only a year or a month) written out in the locale, in UTC as stored. */
export function longDate(value: string, locale: ExportLocale): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month ?? 1) - 1, Number(day ?? 1)));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (month) options.month = 'long';
  if (day) options.day = 'numeric';
  return new Intl.DateTimeFormat(locale, options).format(date);
}
