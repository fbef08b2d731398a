import * as chrono from 'chrono-node';

type Parser = { parse: (text: string, reference: Date) => chrono.ParsedResult[] };

const PARSERS = chrono as unknown as Record<string, Parser | undefined>;

/**
 * The publication date an article's text implies: the latest full date (day, month and year all
 * written) that is not after the import. Scraped articles lose their metadata, but the text
 * usually dates the events it reports. ISO `YYYY-MM-DD`, or null when the text has no full date.
 */
export function estimatePublishedDate(text: string, lang: string | null, importedAt: Date = new Date()): string | null {
  const parser = (lang && lang !== 'en' ? PARSERS[lang] : undefined) ?? chrono.en;
  const latestAllowed = importedAt.toISOString().slice(0, 10);
  let latest: string | null = null;
  for (const result of parser.parse(text, importedAt)) {
    const start = result.start;
    // "now" or "today" are certain too, but they date the reading, not the article: the year must be written.
    if (!/\d{4}/.test(result.text)) continue;
    if (!start.isCertain('day') || !start.isCertain('month') || !start.isCertain('year')) continue;
    const year = start.get('year') ?? 0;
    if (year < 1800) continue;
    const date = `${year}-${String(start.get('month')).padStart(2, '0')}-${String(start.get('day')).padStart(2, '0')}`;
    if (date <= latestAllowed && (latest === null || date > latest)) latest = date;
  }
  return latest;
}
