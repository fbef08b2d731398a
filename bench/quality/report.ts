import type { Scores } from './metrics.ts';

export interface QualityReport {
  corpus: string;
  documents: number;
  queries: number;
  /** Queries with at least one relevant document: the ones every mean is over. */
  evaluated: number;
  systems: { name: string; scores: Scores }[];
}

const COLUMNS: { header: string; value: (scores: Scores) => string }[] = [
  { header: 'MAP', value: (scores) => scores.averagePrecision.toFixed(4) },
  { header: 'nDCG@10', value: (scores) => scores.ndcgAt10.toFixed(4) },
  { header: 'P@10', value: (scores) => scores.precisionAt10.toFixed(4) },
  { header: 'Recall@100', value: (scores) => scores.recallAt100.toFixed(4) },
  { header: 'no results', value: (scores) => String(scores.empty) },
];

export function formatReport(report: QualityReport): string {
  const header = ['system', ...COLUMNS.map((column) => column.header)];
  const rows = report.systems.map(({ name, scores }) => [name, ...COLUMNS.map((column) => column.value(scores))]);
  const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => row[index]?.length ?? 0)));
  // The system names read left-aligned, the numbers right-aligned so their decimals line up.
  const line = (row: string[]) =>
    row
      .map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0)))
      .join('  ');
  return [
    `CISI (${report.corpus}): ${report.documents} documents, ${report.queries} queries, ` +
      `${report.evaluated} evaluated (those with relevance judgements); rankings cut at 100.`,
    '',
    line(header),
    ...rows.map(line),
  ].join('\n');
}
