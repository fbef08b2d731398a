import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runFuzzInWorker } from './fuzz-harness.ts';

const LONG = process.env.ARCHIVE_READER_LONG === '1';
const RUNS = LONG ? 5_000 : 1_000;
const SEED = Number(process.env.ARCHIVE_READER_SEED ?? Date.now() % 100_000);

describe(`fuzzing the text importer (${RUNS} runs, seed ${SEED})`, () => {
  it(
    'reports every bad file, never crashes or hangs, and still imports the good files',
    { timeout: 900_000 },
    async () => {
      const stats = await runFuzzInWorker(new URL('./fuzz-text-target.ts', import.meta.url), 'textImporterTarget', {
        runs: RUNS,
        seed: SEED,
        maxMsPerRun: 15_000,
        deadlineMs: LONG ? 1_800_000 : 600_000,
      });
      assert.equal(stats.runs, RUNS);
      assert.ok(stats.files >= RUNS * 2, 'a good file and at least one generated file per run');
      assert.ok(stats.statuses.imported >= RUNS, 'every good file was imported');
      assert.ok(stats.statuses.failed > RUNS / 4, 'bad inputs were generated and reported as failed');
      console.log(
        `text importer fuzzing: ${stats.runs} runs, ${stats.files} files (${(stats.bytes / 1048576).toFixed(1)} MB): ` +
          `${stats.statuses.imported} imported, ${stats.statuses.duplicate} duplicates, ${stats.statuses.failed} failed, ` +
          `${stats.statuses.skipped} skipped; slowest run ${Math.round(stats.slowestMs)} ms. Reasons: ${stats.reasons.join(' | ')}`,
      );
    },
  );
});
