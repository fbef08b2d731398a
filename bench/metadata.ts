import type { Random } from './random.ts';
import type { BenchLanguage } from './vocabulary/index.ts';

// Invented names and sites, so the benchmark attributes nothing to a real person or paper. Each
// language has its own: a French article comes from a French site and is signed by its writers.

/** About twenty news sites, half of them per language. */
export const SOURCES: Record<BenchLanguage, readonly string[]> = {
  fr: [
    'quotidien-libre.fr',
    'courrier-du-sud.fr',
    'nouvelles-du-nord.fr',
    'gazette-de-lest.fr',
    'journal-des-alpes.fr',
    'echo-atlantique.fr',
    'voix-du-centre.fr',
    'tribune-citoyenne.fr',
    'matin-de-lyon.fr',
    'presse-du-littoral.fr',
  ],
  en: [
    'daily-ledger.co.uk',
    'northern-courier.com',
    'harbour-gazette.com',
    'valley-observer.com',
    'capital-tribune.com',
    'midland-herald.co.uk',
    'coastal-times.com',
    'river-city-news.com',
    'pacific-dispatch.com',
    'highland-chronicle.co.uk',
  ],
};

/** A small newsroom per language. */
export const AUTHORS: Record<BenchLanguage, readonly string[]> = {
  fr: [
    'Camille Durand',
    'Julien Moreau',
    'Élodie Lefèvre',
    'Nicolas Garnier',
    'Sophie Bertrand',
    'Antoine Mercier',
    'Claire Fontaine',
    'Mathieu Roussel',
    'Inès Benali',
    'Thomas Chevalier',
    'Léa Marchand',
    'Hugo Lambert',
  ],
  en: [
    'Sarah Mitchell',
    'James Whitaker',
    'Emily Carter',
    'Daniel Hughes',
    'Rachel Foster',
    'Michael Brennan',
    'Laura Bennett',
    'David Okafor',
    'Hannah Price',
    'Oliver Grant',
    'Grace Thompson',
    'Samuel Reid',
  ],
};

/** Publication years, both included: every day of them is as likely. */
export const PUBLISHED_YEARS = [2015, 2025] as const;

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(PUBLISHED_YEARS[0], 0, 1);
const DAYS = (Date.UTC(PUBLISHED_YEARS[1] + 1, 0, 1) - FIRST_DAY) / DAY_MS;

export interface ArticleMetadata {
  author: string;
  source: string;
  /** ISO YYYY-MM-DD, as the archive stores it. */
  publishedAt: string;
}

const pick = <T>(items: readonly T[], random: Random): T => items[random.int(0, items.length - 1)] as T;

export function drawMetadata(lang: BenchLanguage, random: Random): ArticleMetadata {
  return {
    author: pick(AUTHORS[lang], random),
    source: pick(SOURCES[lang], random),
    publishedAt: new Date(FIRST_DAY + random.int(0, DAYS - 1) * DAY_MS).toISOString().slice(0, 10),
  };
}
