import type { ArticleSummary } from '../../archive/api/contract.ts';

export { readingMinutes } from '../../archive/articles/reading-time.ts';

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur']);

export function isRtl(lang: string | null): boolean {
  return lang !== null && RTL_LANGUAGES.has(lang.toLowerCase().split('-')[0] ?? '');
}

/** Where an article comes from, as the user knows it: its source, else its file's name. */
export function origin(article: Pick<ArticleSummary, 'source' | 'sourcePath' | 'url'>): string | null {
  if (article.source) return article.source;
  if (article.sourcePath) return article.sourcePath.split(/[\\/]/).pop() || article.sourcePath;
  if (article.url) {
    try {
      return new URL(article.url).hostname;
    } catch {
      return article.url;
    }
  }
  return null;
}

export function formatDate(value: string, uiLanguage: string): string {
  // A bare day would be read as UTC midnight and shown as the day before west of Greenwich.
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(uiLanguage, { dateStyle: 'medium', timeZone: dayOnly ? 'UTC' : undefined }).format(
    date,
  );
}

/** A month of `YYYY-MM` in the UI's language ("décembre 2023"). */
export function formatMonth(value: string, uiLanguage: string): string {
  const date = new Date(`${value}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(uiLanguage, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function languageName(lang: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

export interface Segment {
  text: string;
  highlighted: boolean;
}

/** Cuts text at its [start, end) highlight ranges, which may come unsorted, overlapping or out of bounds. */
export function segments(text: string, highlights: readonly (readonly [number, number])[]): Segment[] {
  const ranges = highlights
    .map(([start, end]) => [Math.min(start, text.length), Math.min(end, text.length)] as const)
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0]);
  const result: Segment[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (end <= cursor) continue;
    const last = result.at(-1);
    if (start <= cursor && last?.highlighted) {
      last.text += text.slice(cursor, end);
    } else {
      if (start > cursor) result.push({ text: text.slice(cursor, start), highlighted: false });
      result.push({ text: text.slice(start, end), highlighted: true });
    }
    cursor = end;
  }
  if (cursor < text.length) result.push({ text: text.slice(cursor), highlighted: false });
  return result;
}

/** "français" → "Français", for a name that starts a label rather than a sentence's middle. */
export function capitalize(text: string, uiLanguage: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const head = String.fromCodePoint(first);
  return head.toLocaleUpperCase(uiLanguage) + text.slice(head.length);
}

export function formatNumber(value: number, uiLanguage: string): string {
  return new Intl.NumberFormat(uiLanguage).format(value);
}

/** A count from the core, which answers 10,001 for "more than 10,000". */
export function formatCount(value: number, uiLanguage: string): string {
  return value > 10_000 ? `${formatNumber(10_000, uiLanguage)}+` : formatNumber(value, uiLanguage);
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A size on disk in the UI's language ("1.4 MB", "1,4 Mo"), in steps of 1,024 as the backups list counts. */
export function formatBytes(bytes: number, uiLanguage: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(uiLanguage, {
    style: 'unit',
    unit: BYTE_UNITS[unit],
    // English's short form of "byte" is "byte" ("512 byte"); the long one reads right in every language.
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
