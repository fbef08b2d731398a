import type { FeedMemoryScores } from './feed-memory.ts';
import type { ReadabilityScores, SegmentScores } from './quality.ts';
import type { ParallelSpeedScores, TextSpeedScores } from './parallel-speed.ts';
import type { SpeedScores } from './speed.ts';

export interface ImportQualityReport {
  readability: { corpus: string; ours: ReadabilityScores; bare: ReadabilityScores } | null;
  trafilatura: { corpus: string; ours: SegmentScores; bare: SegmentScores } | null;
  speed: SpeedScores | null;
  parallelSpeed: ParallelSpeedScores | null;
  textSpeed: TextSpeedScores | null;
  feedMemory: FeedMemoryScores | null;
}

const TARGETS = { title: 0.95, textF1: 0.95, segmentF1: 0.93, speed: 0.9, textPerSecond: 2000 };

const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
const met = (value: number, target: number) => (value >= target ? 'met' : 'missed');
const fixed = (value: number) => value.toFixed(3);
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function table(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
        .join('  '),
    )
    .join('\n');
}

export function formatReport(report: ImportQualityReport): string {
  const rows: string[][] = [['measure', 'ours', 'bare Readability', 'target', '']];
  const { readability, trafilatura, speed, parallelSpeed, textSpeed, feedMemory } = report;
  if (readability) {
    const { ours, bare } = readability;
    rows.push(
      [
        `readability-test-pages (${ours.pages}): title exact match`,
        percent(ours.titleRate),
        percent(bare.titleRate),
        '≥ 95%',
        met(ours.titleRate, TARGETS.title),
      ],
      [
        `readability-test-pages (${ours.pages}): title, site name aside`,
        percent(ours.titleRateSiteNameAside),
        percent(bare.titleRateSiteNameAside),
        '',
        '',
      ],
      [
        `readability-test-pages (${ours.pages}): text F1 (4-word shingles)`,
        fixed(ours.textF1),
        fixed(bare.textF1),
        '≥ 0.95',
        met(ours.textF1, TARGETS.textF1),
      ],
    );
  }
  if (trafilatura) {
    const { ours, bare } = trafilatura;
    const label = `trafilatura-eval (${ours.pages} pages, ${ours.segments} segments)`;
    rows.push(
      [`${label}: precision`, fixed(ours.precision), fixed(bare.precision), '', ''],
      [`${label}: recall`, fixed(ours.recall), fixed(bare.recall), '', ''],
      [`${label}: accuracy`, fixed(ours.accuracy), fixed(bare.accuracy), '', ''],
      [`${label}: F1`, fixed(ours.f1), fixed(bare.f1), '≥ 0.93', met(ours.f1, TARGETS.segmentF1)],
    );
  }
  if (speed) {
    rows.push([
      `speed (${speed.pages} pages, ${speed.megabytes.toFixed(0)} MB, fastest of ${speed.rounds} per page): pages/s`,
      speed.ours.toFixed(1),
      speed.bareReadability.toFixed(1),
      '',
      percent(speed.ratio),
    ]);
  }
  if (parallelSpeed) {
    const { pages, cores, rounds, ours, bareReadability, ratio } = parallelSpeed;
    rows.push([
      `speed on ${cores} cores (${pages} pages, whole import vs bare, fastest of ${rounds}): pages/s`,
      (pages / ours.wallSeconds).toFixed(1),
      (pages / bareReadability.wallSeconds).toFixed(1),
      '≥ 90% of bare',
      `${percent(ratio)}, ${met(ratio, TARGETS.speed)}`,
    ]);
    rows.push([
      `  the same runs: wall s / CPU s (all threads)`,
      `${ours.wallSeconds.toFixed(1)} / ${ours.cpuSeconds.toFixed(1)}`,
      `${bareReadability.wallSeconds.toFixed(1)} / ${bareReadability.cpuSeconds.toFixed(1)}`,
      '',
      '',
    ]);
  }
  if (textSpeed) {
    const { articles, cores, timing, articlesPerSecond } = textSpeed;
    rows.push([
      `plain text on ${cores} cores (${articles} articles, whole import): articles/s, wall s / CPU s`,
      `${articlesPerSecond.toFixed(0)}, ${timing.wallSeconds.toFixed(1)} / ${timing.cpuSeconds.toFixed(1)}`,
      '',
      '≥ 2,000',
      met(articlesPerSecond, TARGETS.textPerSecond),
    ]);
  }
  if (feedMemory) {
    const { heapCapMb, small, large } = feedMemory;
    for (const run of [small, large]) {
      rows.push([
        `one RSS feed (${run.items} items, ${mb(run.feedBytes)} MB, ${run.stored} stored, heaps capped at ${heapCapMb} MB): items/s, peak MB`,
        `${(run.items / run.wallSeconds).toFixed(0)}, ${mb(run.peakResidentBytes)}`,
        '',
        run === large ? '≤ 1.25× the small' : '',
        run === large
          ? run.stored === run.items && run.peakResidentBytes <= 1.25 * small.peakResidentBytes
            ? 'met'
            : 'missed'
          : '',
      ]);
    }
  }
  const notes = [
    "ours: the importer's pipeline from the file's bytes: decoding, extraction, metadata, sanitising (storing excluded);",
    'bare Readability: linkedom + Readability.parse() with its defaults, given the page already decoded.',
    'Speed, single-threaded: extraction alone, the two page by page in turn, so that a busy machine slows both alike.',
    'Speed on all cores: ours imports the pages as files into a fresh archive (storing and indexing included, its',
    'extraction workers started by the import); bare Readability runs in one worker per core (started in the timing',
    'too); rounds alternate which goes first. CPU s counts every thread of the process.',
    "Feed: written as a stream, then imported by archive-reader's pipeline in a child process run with",
    "--max-old-space-size (every heap: the writer's and each extraction worker's); peak MB is its whole resident",
    'memory at its highest (heaps, SQLite and its 256 MB memory map of the archive, code), from getrusage.',
    "Text compared: our paragraphs (the stored text, without the title); for bare Readability, its content's text.",
  ];
  if (readability?.ours.titleMisses.length) {
    notes.push('', 'Titles that differ from expected-metadata.json:');
    for (const miss of readability.ours.titleMisses)
      notes.push(`  ${miss.name}: "${miss.ours}" (expected "${miss.expected}")`);
  }
  const loads = [parallelSpeed, textSpeed].filter((scores) => scores !== null);
  if (loads.length) {
    const load = loads.map(({ loadAverage }) => `${loadAverage.start.toFixed(2)} → ${loadAverage.end.toFixed(2)}`);
    notes.push(`Load average (1 min) during the timings on all cores: ${load.join(', then ')}.`);
  }
  return [table(rows), '', ...notes].join('\n');
}
