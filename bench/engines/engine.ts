import type { GeneratedArticle } from '../generate-articles.ts';
import type { QueryTimings } from '../measure.ts';

export const ENGINES = ['fts', 'lunr'] as const;
export type EngineName = (typeof ENGINES)[number];

/** Results asked for per query: a first page, as the app shows it. */
export const PAGE_SIZE = 20;

export interface EngineOptions {
  articles: Iterable<GeneratedArticle>;
  rounds: number;
  /** Progress for the person waiting, on stderr. */
  log(message: string): void;
}

export interface EngineResult {
  engine: EngineName;
  /** What was measured, in a sentence, for the report. */
  setup: string;
  articles: number;
  indexSeconds: number;
  articlesPerSecond: number;
  queries: QueryTimings;
  /** Whether the timed queries built snippets and highlights. */
  snippets: boolean;
  peakRssMb: number;
  /** Archive file size after a WAL checkpoint; null for an in-memory engine. */
  archiveMb: number | null;
}
