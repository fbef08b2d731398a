import type { ReadabilityScores, SegmentScores } from './quality.ts';
import type { SpeedScores } from './speed.ts';

export interface ImportQualityReport {
  readability: { corpus: string; ours: ReadabilityScores; bare: ReadabilityScores } | null;
  trafilatura: { corpus: string; ours: SegmentScores; bare: SegmentScores } | null;
  speed: SpeedScores | null;
}

const TARGETS = { title: 0.95, textF1: 0.95, segmentF1: 0.93, speed: 0.9 };

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
  const { readability, trafilatura, speed } = report;
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
      '≥ 90% of bare',
      `${percent(speed.ratio)}, ${met(speed.ratio, TARGETS.speed)}`,
    ]);
  }
  const notes = [
    "ours: the importer's pipeline from the file's bytes: decoding, extraction, metadata, sanitising (storing excluded);",
    'bare Readability: linkedom + Readability.parse() with its defaults, given the page already decoded.',
    'Speed: single-threaded, the two run page by page in turn, so that a busy machine slows both alike.',
    "Text compared: our paragraphs (the stored text, without the title); for bare Readability, its content's text.",
  ];
  if (readability?.ours.titleMisses.length) {
    notes.push('', 'Titles that differ from expected-metadata.json:');
    for (const miss of readability.ours.titleMisses)
      notes.push(`  ${miss.name}: "${miss.ours}" (expected "${miss.expected}")`);
  }
  return [table(rows), '', ...notes].join('\n');
}
