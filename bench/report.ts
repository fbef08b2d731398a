import type { ColdOpen } from './cold-open.ts';
import type { ArchiveSize, EngineResult } from './engines/engine.ts';
import type { EngineRun } from './options.ts';
import { QUERY_CLASSES } from './queries.ts';
import type { BenchLanguage } from './vocabulary/index.ts';

export interface BenchConfig {
  articles: number;
  seed: number;
  rounds: number;
  queries: number;
  pageSize: number;
  runs: EngineRun[];
  metadata: { authors: number; sources: number; years: readonly [number, number] };
  vocabulary: Record<BenchLanguage, { words: number; source: string }>;
  notice: string | null;
  machine: string;
  /** 1-minute load averages when the run started and ended: other work on the machine skews the timings. */
  load: { start: number; end: number };
}

/** How many times better our engine does than lunr on the same articles: above 1 is better. */
export interface Ratios {
  articles: number;
  queryP50: number;
  queryP99: number;
  indexing: number;
  memory: number;
}

export interface BenchReport {
  config: BenchConfig;
  results: EngineResult[];
  ratios: Ratios | null;
  /** Opening the largest archive in a fresh process; empty when ours did not run. */
  coldOpen: ColdOpen[];
}

export function buildReport(config: BenchConfig, results: EngineResult[], coldOpen: ColdOpen[]): BenchReport {
  const lunr = results.find((result) => result.engine === 'lunr');
  const fts = results.find((result) => result.engine === 'fts' && result.articles === lunr?.articles);
  const ratios =
    fts && lunr
      ? {
          articles: lunr.articles,
          queryP50: lunr.queries.p50Ms / fts.queries.p50Ms,
          queryP99: lunr.queries.p99Ms / fts.queries.p99Ms,
          indexing: fts.articlesPerSecond / lunr.articlesPerSecond,
          memory: lunr.peakRssMb / fts.peakRssMb,
        }
      : null;
  return { config, results, ratios, coldOpen };
}

const integer = (n: number) => Math.round(n).toLocaleString('en-US');
const fixed = (n: number, digits: number) => n.toFixed(digits);
const ms = (n: number) => fixed(n, n < 10 ? 2 : 1);
const mb = (bytes: number) => fixed(bytes / 1024 / 1024, 1);
const times = (n: number) => `${fixed(n, n < 10 ? 1 : 0)}×`;
const percent = (part: number, whole: number) => `${fixed((100 * part) / whole, 0)}%`;
/** "3.2× faster", or "1.5× slower" for a ratio below 1. */
const compared = (ratio: number, better: string, worse: string) =>
  ratio >= 1 ? `${times(ratio)} ${better}` : `${times(1 / ratio)} ${worse}`;
const runName = (r: { engine: string; articles: number }) => `${r.engine} ${integer(r.articles)}`;

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

function runsLine(runs: readonly EngineRun[]): string {
  const list = runs.map(runName).join(', then ');
  const fts = runs.filter((run) => run.engine === 'fts');
  const again =
    fts.length > 1
      ? ': ours is imported afresh at each size, so that lunr and ours compare on the same articles ' +
        "and each run's import rate and peak RSS are its own"
      : '';
  return `Runs, each in a fresh process, one after the other: ${list}${again}.`;
}

// What each table of the archive holds, for the size breakdown.
const TABLE_CONTENTS: Record<string, string> = {
  articles: 'titles, texts and metadata, with their indexes',
  article_fts_data: 'FTS5 inverted index',
  article_fts_content: "FTS5's copy of the analysed terms, for highlight()",
  article_fts_docsize: 'FTS5 term counts per article, for bm25',
  article_fts_idx: 'FTS5 segment index',
  article_offsets: 'where each term stands in the text, for snippets',
  vocabulary: 'words and their terms, for prefixes and spelling',
};

// Tables below this share of the file are summed on one line.
const SMALL_TABLE_SHARE = 0.005;

function archiveLines(articles: number, archive: ArchiveSize): string[] {
  const lines = [
    `Archive on disk, ${integer(articles)} articles: ${mb(archive.bytes)} MB for ${mb(archive.textBytes)} MB of ` +
      `titles and texts (UTF-8), ${times(archive.bytes / archive.textBytes)} the text`,
  ];
  if (archive.byTable === null) return [...lines, '  (no breakdown by table: this SQLite has no dbstat table)'];
  const large = archive.byTable.filter((t) => t.bytes >= SMALL_TABLE_SHARE * archive.bytes);
  const rest = archive.byTable.filter((t) => !large.includes(t));
  const rows = large.map((t) => [
    `  ${t.name}`,
    `${mb(t.bytes)} MB`,
    percent(t.bytes, archive.bytes),
    TABLE_CONTENTS[t.name] ?? '',
  ]);
  if (rest.length > 0) {
    const bytes = rest.reduce((sum, t) => sum + t.bytes, 0);
    rows.push([`  ${rest.length} other tables`, `${mb(bytes)} MB`, percent(bytes, archive.bytes), '']);
  }
  // The descriptions read better left-aligned after the figures.
  return [
    ...lines,
    ...table(rows.map((row) => row.slice(0, 3)))
      .split('\n')
      .map((line, i) => `${line}  ${rows[i]?.[3] ?? ''}`.trimEnd()),
  ];
}

function coldOpenLines(articles: number, coldOpen: readonly ColdOpen[]): string[] {
  const label = { cached: 'archive in the OS page cache', evicted: 'archive evicted from the page cache' };
  return [
    `Opening the ${integer(articles)}-article archive in a fresh process and answering a first query:`,
    table(
      coldOpen.map((open) => [
        `  ${label[open.pageCache]}`,
        `open ${ms(open.openMs)} ms`,
        `Searcher ${ms(open.searcherMs)} ms`,
        `first query "${open.query}" ${ms(open.firstQueryMs)} ms`,
        `= ${ms(open.openMs + open.searcherMs + open.firstQueryMs)} ms`,
        `(${integer(open.sinceProcessStartMs)} ms since the process started)`,
      ]),
    ),
    '  The first query builds its page with highlights and snippets; "evicted" drops only the archive file, ' +
      'not Node or its modules, from the cache.',
  ];
}

// Other processes kept a core busy part of the time: more than our own run's single busy core.
const busy = (load: BenchConfig['load']) => load.start > 0.5 || load.end > 1.5;

// How many of the slowest queries of the largest run to list.
const SLOWEST = 5;

export function formatReport({ config, results, ratios, coldOpen }: BenchReport): string {
  const { metadata } = config;
  const lines = [
    `Archive Reader search benchmark: ${integer(config.articles)} synthetic articles (half French, half English), seed ${config.seed}`,
    `Metadata: ${metadata.authors} authors, ${metadata.sources} sources, published ${metadata.years[0]}–${metadata.years[1]}`,
    `Vocabulary: fr ${integer(config.vocabulary.fr.words)} words (${config.vocabulary.fr.source}); ` +
      `en ${integer(config.vocabulary.en.words)} words (${config.vocabulary.en.source})`,
    `Queries: ${config.queries} fixed queries in ${QUERY_CLASSES.length} classes × ${config.rounds} timed rounds ` +
      `after a warm-up round; first page of ${config.pageSize} results`,
    runsLine(config.runs),
    `Machine: ${config.machine}; load average ${fixed(config.load.start, 2)} at the start, ` +
      `${fixed(config.load.end, 2)} at the end (this benchmark adds about 1)`,
    ...(busy(config.load)
      ? ['Warning: other work shared the cores: the wall times are inflated; the CPU times are the queries’ own.']
      : []),
    '',
    table([
      [
        'engine',
        'articles',
        'import/index art/s',
        'query p50 ms',
        'query p99 ms',
        'CPU p50 / p99 ms',
        'peak RSS MB',
        'archive MB',
        'archive/text',
      ],
      ...results.map((r) => [
        r.engine,
        integer(r.articles),
        integer(r.articlesPerSecond),
        ms(r.queries.p50Ms),
        ms(r.queries.p99Ms),
        `${ms(r.queries.cpu.p50Ms)} / ${ms(r.queries.cpu.p99Ms)}`,
        integer(r.peakRssMb),
        r.archive === null ? '-' : mb(r.archive.bytes),
        r.archive === null ? '-' : times(r.archive.bytes / r.archive.textBytes),
      ]),
    ]),
  ];
  if (ratios) {
    lines.push(
      '',
      `lunr/fts ratios on the same ${integer(ratios.articles)} articles, how many times better ours does:`,
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
      ['class', ...results.map(runName)],
      ...QUERY_CLASSES.map((queryClass) => [
        queryClass,
        ...results.map(
          (r) => `${ms(r.queries.byClass[queryClass].p50Ms)} / ${ms(r.queries.byClass[queryClass].p99Ms)}`,
        ),
      ]),
    ]),
  );
  const largest = results.filter((r) => r.engine === 'fts').at(-1);
  if (largest) {
    const slowest = largest.queries.perQuery.toSorted((a, b) => b.p99Ms - a.p99Ms).slice(0, SLOWEST);
    lines.push(
      '',
      `Slowest queries of ${runName(largest)}, p50 / p99 ms:`,
      table(
        slowest.map((q) => [`  ${q.class}`, q.query, `${ms(q.p50Ms)} / ${ms(q.p99Ms)}`, `${integer(q.hits)} hits`]),
      ),
    );
    if (largest.archive) lines.push('', ...archiveLines(largest.articles, largest.archive));
    if (coldOpen.length > 0) lines.push('', ...coldOpenLines(largest.articles, coldOpen));
  }
  lines.push('', ...results.map((r) => `${runName(r)}: ${r.setup}`));
  if (config.notice) lines.push('', `Notice: ${config.notice}`);
  return lines.join('\n');
}
