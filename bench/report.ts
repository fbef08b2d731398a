import type { EngineResult } from './engines/engine.ts';
import { QUERY_CLASSES } from './queries.ts';
import type { BenchLanguage } from './vocabulary/index.ts';

export interface BenchConfig {
  articles: number;
  seed: number;
  rounds: number;
  queries: number;
  pageSize: number;
  vocabulary: Record<BenchLanguage, { words: number; source: string }>;
  notice: string | null;
  machine: string;
}

/** How many times better our engine does than lunr: above 1 is better. */
export interface Ratios {
  queryP50: number;
  queryP99: number;
  indexing: number;
  memory: number;
}

export interface BenchReport {
  config: BenchConfig;
  results: EngineResult[];
  ratios: Ratios | null;
}

export function buildReport(config: BenchConfig, results: EngineResult[]): BenchReport {
  const fts = results.find((result) => result.engine === 'fts');
  const lunr = results.find((result) => result.engine === 'lunr');
  const ratios =
    fts && lunr
      ? {
          queryP50: lunr.queries.p50Ms / fts.queries.p50Ms,
          queryP99: lunr.queries.p99Ms / fts.queries.p99Ms,
          indexing: fts.articlesPerSecond / lunr.articlesPerSecond,
          memory: lunr.peakRssMb / fts.peakRssMb,
        }
      : null;
  return { config, results, ratios };
}

const integer = (n: number) => Math.round(n).toLocaleString('en-US');
const fixed = (n: number, digits: number) => n.toFixed(digits);
const ms = (n: number) => fixed(n, n < 10 ? 2 : 1);
const times = (n: number) => `${fixed(n, n < 10 ? 1 : 0)}×`;
/** "3.2× faster", or "1.5× slower" for a ratio below 1. */
const compared = (ratio: number, better: string, worse: string) =>
  ratio >= 1 ? `${times(ratio)} ${better}` : `${times(1 / ratio)} ${worse}`;

/** Rows as aligned columns: the first column left-aligned, the others right-aligned. */
function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
        .join('  '),
    )
    .join('\n');
}

export function formatReport({ config, results, ratios }: BenchReport): string {
  const lines = [
    `Archive Reader search benchmark: ${integer(config.articles)} synthetic articles (half French, half English), seed ${config.seed}`,
    `Vocabulary: fr ${integer(config.vocabulary.fr.words)} words (${config.vocabulary.fr.source}); ` +
      `en ${integer(config.vocabulary.en.words)} words (${config.vocabulary.en.source})`,
    `Queries: ${config.queries} fixed queries × ${config.rounds} timed rounds after a warm-up round; first page of ${config.pageSize} results`,
    `Machine: ${config.machine}`,
    '',
    table([
      ['engine', 'articles', 'import/index art/s', 'query p50 ms', 'query p99 ms', 'peak RSS MB', 'archive MB'],
      ...results.map((r) => [
        r.engine,
        integer(r.articles),
        integer(r.articlesPerSecond),
        ms(r.queries.p50Ms),
        ms(r.queries.p99Ms),
        integer(r.peakRssMb),
        r.archiveMb === null ? '-' : fixed(r.archiveMb, 1),
      ]),
    ]),
  ];
  if (ratios) {
    lines.push(
      '',
      'lunr/fts ratios, how many times better ours does:',
      `  queries   ${compared(ratios.queryP50, 'faster', 'slower')} at p50, ` +
        `${compared(ratios.queryP99, 'faster', 'slower')} at p99 (ours with snippets, lunr's without)`,
      `  indexing  ${compared(ratios.indexing, 'faster', 'slower')} (our import vs lunr's index build)`,
      `  memory    ${compared(ratios.memory, 'less', 'more')} peak RSS`,
    );
  }
  lines.push(
    '',
    'Latency by query class, p50 / p99 ms:',
    table([
      ['class', ...results.map((r) => r.engine)],
      ...QUERY_CLASSES.map((queryClass) => [
        queryClass,
        ...results.map(
          (r) => `${ms(r.queries.byClass[queryClass].p50Ms)} / ${ms(r.queries.byClass[queryClass].p99Ms)}`,
        ),
      ]),
    ]),
    '',
    ...results.map((r) => `${r.engine}: ${r.setup}`),
  );
  if (config.notice) lines.push('', `Notice: ${config.notice}`);
  return lines.join('\n');
}
