import type { GeneratedArticle } from '../generate-articles.ts';
import type { QueryTimings } from '../measure.ts';

export const ENGINES = ['fts', 'lunr'] as const;
export type EngineName = (typeof ENGINES)[number];

/** Results asked for per query: a first page, as the app shows it. */
export const PAGE_SIZE = 20;

export interface EngineOptions {
  articles: Iterable<GeneratedArticle>;
  rounds: number;
  /** Where an engine that keeps a file writes it; the parent removes it. */
  archivePath: string;
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
  /** null for an in-memory engine. */
  archive: ArchiveSize | null;
}

export interface ArchiveSize {
  /** The archive file after a WAL checkpoint. */
  bytes: number;
  /** What was imported: titles and texts, in UTF-8. */
  textBytes: number;
  /** Bytes by table, its indexes included, largest first; null when SQLite lacks the dbstat table. */
  byTable: { name: string; bytes: number }[] | null;
}
