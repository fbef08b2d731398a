import * as chrono from 'chrono-node';
import type { MentionedDate } from '../api/contract.ts';

type Parser = { parse: (text: string, reference: Date) => chrono.ParsedResult[] };

export interface TextDates {
  /** Every distinct date the text writes out with its year, in the order of first mention. */
  mentioned: MentionedDate[];
  /** The latest full date (day, month and year written) not after the import, or null. */
  estimatedPublished: string | null;
}

const FRENCH_MONTHS: Record<string, number> = {
  janvier: 1,
  février: 2,
  fevrier: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  decembre: 12,
};

/**
 * chrono's French parsers read "26 mars 2024" but not a month alone with its year ("en décembre
 * 2023"), which French news writes as often; English's read both.
 */
function withFrenchMonths(base: chrono.Chrono): Parser {
  const french = base.clone();
  const names = Object.keys(FRENCH_MONTHS).join('|');
  french.parsers.push({
    pattern: () => new RegExp(`(?<![\\p{L}\\p{N}])(${names})\\s+(\\d{4})(?![\\p{L}\\p{N}])`, 'iu'),
    extract: (_context, match) => ({
      month: FRENCH_MONTHS[(match[1] ?? '').toLowerCase()] ?? 0,
      year: Number(match[2]),
    }),
  });
  return french;
}

const PARSERS: Record<string, Parser | undefined> = {
  ...(chrono as unknown as Record<string, Parser | undefined>),
  fr: withFrenchMonths(chrono.fr.casual),
};

const pad = (value: number | null) => String(value ?? 0).padStart(2, '0');

/**
 * The dates an article's text writes out, and the publication date they imply: scraped articles lose
 * their metadata, but the text usually dates the events it reports. Only dates whose year is
 * written count: "today", "last Tuesday" or "12 March" date the reading, not the article.
 */
export function readTextDates(text: string, lang: string | null, importedAt: Date = new Date()): TextDates {
  const parser = (lang && lang !== 'en' ? PARSERS[lang] : undefined) ?? chrono.en;
  const latestAllowed = importedAt.toISOString().slice(0, 10);
  const mentioned = new Map<string, MentionedDate>();
  let estimatedPublished: string | null = null;
  // Only a line that writes a year can hold a date that counts: chrono, the slow part, reads those alone.
  const withYears = text
    .split('\n')
    .filter((line) => /\d{4}/.test(line))
    .join('\n');
  if (!withYears) return { mentioned: [], estimatedPublished };
  for (const result of parser.parse(withYears, importedAt)) {
    const start = result.start;
    if (!/\d{4}/.test(result.text) || !start.isCertain('year') || !start.isCertain('month')) continue;
    const year = start.get('year') ?? 0;
    if (year < 1800) continue;
    const month = `${year}-${pad(start.get('month'))}`;
    const day = start.isCertain('day') ? `${month}-${pad(start.get('day'))}` : null;
    const date = day ?? month;
    if (!mentioned.has(date)) {
      mentioned.set(date, { date, precision: day ? 'day' : 'month', phrase: result.text.trim() });
    }
    if (day && day <= latestAllowed && (estimatedPublished === null || day > estimatedPublished)) {
      estimatedPublished = day;
    }
  }
  return { mentioned: [...mentioned.values()], estimatedPublished };
}

/** The publication date an article's text implies (see readTextDates), ISO `YYYY-MM-DD`, or null. */
export function estimatePublishedDate(text: string, lang: string | null, importedAt: Date = new Date()): string | null {
  return readTextDates(text, lang, importedAt).estimatedPublished;
}
