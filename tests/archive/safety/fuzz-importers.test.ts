import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runReadFuzzInWorker, type ReadStats } from './fuzz-read-harness.ts';

const LONG = process.env.ARCHIVE_READER_LONG === '1';
const SEED = Number(process.env.ARCHIVE_READER_SEED ?? Date.now() % 100_000);
/** Where an input that broke a property is written, to be kept as a regression fixture once fixed. */
const FOUND = join(tmpdir(), 'archive-reader-fuzz-found');

/** Each format's target: the module, its export, and its runs in CI (npm test) and in npm run test:long. */
const ONLY = process.env.ARCHIVE_READER_FUZZ_ONLY;
const TARGETS: { name: string; module: string; exportName: string; runs: number; longRuns: number }[] = [
  {
    name: 'WARC and WARC.gz',
    module: './fuzz-formats/warc.ts',
    exportName: 'warcTarget',
    runs: 1000,
    longRuns: 10_000,
  },
  { name: 'feeds', module: './fuzz-formats/feeds.ts', exportName: 'feedTarget', runs: 1000, longRuns: 10_000 },
  { name: 'zip', module: './fuzz-formats/zip.ts', exportName: 'zipTarget', runs: 1000, longRuns: 10_000 },
  { name: 'exports', module: './fuzz-formats/exports.ts', exportName: 'exportsTarget', runs: 1000, longRuns: 10_000 },
  {
    name: 'HTML, MHTML, SingleFile',
    module: './fuzz-formats/html.ts',
    exportName: 'htmlTarget',
    runs: 1000,
    longRuns: 10_000,
  },
  {
    name: 'PDF and EPUB',
    module: './fuzz-formats/documents.ts',
    exportName: 'documentsTarget',
    runs: 1000,
    longRuns: 5_000,
  },
];

const figures: ReadStats[] = [];

describe(`fuzzing every importer (seed ${SEED}${LONG ? ', long' : ''})`, () => {
  after(() => {
    const line = (s: ReadStats) =>
      `${s.target.padEnd(28)} ${String(s.runs).padStart(6)} ${(s.bytes / 1048576).toFixed(1).padStart(7)} ${String(s.articles).padStart(8)} ${String(s.failed).padStart(7)} ${String(s.skipped).padStart(7)} ${String(s.refused).padStart(7)} ${String(Math.round(s.cpuMs / 1000)).padStart(6)} ${String(Math.round(s.slowestMs)).padStart(9)}`;
    console.log(
      [
        `${'importer'.padEnd(28)} ${'runs'.padStart(6)} ${'MB'.padStart(7)} ${'articles'.padStart(8)} ${'failed'.padStart(7)} ${'skipped'.padStart(7)} ${'refused'.padStart(7)} ${'CPU s'.padStart(6)} ${'slowest ms'.padStart(9)}`,
        ...figures.map(line),
      ].join('\n'),
    );
  });

  for (const target of TARGETS.filter((t) => !ONLY || t.exportName === ONLY)) {
    const runs = LONG ? target.longRuns : target.runs;
    it(
      `${target.name}: ${runs} inputs, only reported items or a file-level error, no crash or hang, good items kept`,
      { timeout: 1_800_000 },
      async () => {
        const stats = await runReadFuzzInWorker(new URL(target.module, import.meta.url), target.exportName, {
          runs,
          seed: SEED,
          inputTimeoutMs: 30_000,
          keepHungInputIn: FOUND,
          keepFailingIn: FOUND,
        });
        assert.equal(stats.runs, runs);
        figures.push(stats);
        const labels = Object.entries(stats.labels)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 6)
          .map(([label, count]) => `${label} ×${count}`);
        console.log(
          `${target.name}: ${stats.runs} inputs; most common cases: ${labels.join('; ')}; failure reasons: ${stats.reasons.join(' | ')}`,
        );
      },
    );
  }
});
