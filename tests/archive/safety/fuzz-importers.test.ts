import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runReadFuzzInWorker, type ReadStats } from './fuzz-read-harness.ts';

const LONG = process.env.ARCHIVE_READER_LONG === '1';
const SEED = Number(process.env.ARCHIVE_READER_SEED ?? Date.now() % 100_000);
/** Where an input that broke a property is written, to be kept as a regression fixture once fixed. */
const FOUND = join(tmpdir(), 'archive-reader-fuzz-found');

/** Each format's target: its module and export; every one gets RUNS inputs (LONG_RUNS in npm run test:long). */
const RUNS = 1000;
const LONG_RUNS = 3000;
const ONLY = process.env.ARCHIVE_READER_FUZZ_ONLY;
const TARGETS: { module: string; exportName: string }[] = [
  { module: './fuzz-formats/warc.ts', exportName: 'warcTarget' },
  { module: './fuzz-formats/warc.ts', exportName: 'warcGzTarget' },
  { module: './fuzz-formats/feeds.ts', exportName: 'rssTarget' },
  { module: './fuzz-formats/feeds.ts', exportName: 'atomTarget' },
  { module: './fuzz-formats/feeds.ts', exportName: 'jsonFeedTarget' },
  { module: './fuzz-formats/feeds.ts', exportName: 'opmlTarget' },
  { module: './fuzz-formats/zip.ts', exportName: 'zipTarget' },
  { module: './fuzz-formats/bundle.ts', exportName: 'bundleTarget' },
  { module: './fuzz-formats/exports.ts', exportName: 'wallabagTarget' },
  { module: './fuzz-formats/exports.ts', exportName: 'omnivoreTarget' },
  { module: './fuzz-formats/exports.ts', exportName: 'readwiseTarget' },
  { module: './fuzz-formats/exports.ts', exportName: 'pocketHtmlTarget' },
  { module: './fuzz-formats/exports.ts', exportName: 'pocketCsvTarget' },
  { module: './fuzz-formats/html.ts', exportName: 'htmlTarget' },
  { module: './fuzz-formats/html.ts', exportName: 'mhtmlTarget' },
  { module: './fuzz-formats/html.ts', exportName: 'singleFileTarget' },
  { module: './fuzz-formats/documents.ts', exportName: 'pdfTarget' },
  { module: './fuzz-formats/documents.ts', exportName: 'epubTarget' },
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
        `${figures.length} format${figures.length === 1 ? '' : 's'}, ${figures.reduce((sum, s) => sum + s.runs, 0)} inputs`,
      ].join('\n'),
    );
  });

  for (const target of TARGETS.filter((t) => !ONLY || t.exportName === ONLY)) {
    const runs = LONG ? LONG_RUNS : RUNS;
    it(
      `${target.exportName.replace(/Target$/, '')}: ${runs} inputs, only reported items or a file-level error, no crash or hang, good items kept`,
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
          `${stats.target}: ${stats.runs} inputs; most common cases: ${labels.join('; ')}; failure reasons: ${stats.reasons.join(' | ')}`,
        );
      },
    );
  }
});
