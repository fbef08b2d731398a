import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ArticleStore } from '../../archive/articles/store.ts';
import { openArchive } from '../../archive/db/open.ts';
import { importPaths } from '../../archive/importers/import-paths.ts';
import { generateArticles } from '../generate-articles.ts';
import { loadVocabularies } from '../vocabulary/index.ts';
import type { Page } from './corpora.ts';
import { decoded } from './quality.ts';

/** A timed run: wall-clock seconds and CPU seconds of the whole process (every thread). */
export interface Timing {
  wallSeconds: number;
  cpuSeconds: number;
}

export interface ParallelSpeedScores {
  pages: number;
  cores: number;
  rounds: number;
  /** The whole import of the pages as files: decode, extract, metadata, sanitise, store, index; fastest round. */
  ours: Timing;
  /** Bare Readability on linkedom over the decoded pages, the pages split over one worker per core; fastest round. */
  bareReadability: Timing;
  /** Pages per second, ours over bare, by wall-clock time. */
  ratio: number;
  loadAverage: { start: number; end: number };
}

export interface TextSpeedScores {
  articles: number;
  cores: number;
  /** The whole import of plain-text files: read, decode, parse, language, dates, store, index. */
  timing: Timing;
  articlesPerSecond: number;
  loadAverage: { start: number; end: number };
}

async function timed(run: () => Promise<void>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wallSeconds: (performance.now() - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** A fresh archive file in a temp folder, imported into and removed. */
async function importIntoFreshArchive(paths: string[]): Promise<Timing> {
  const dir = mkdtempSync(join(tmpdir(), 'archive-reader-bench-'));
  try {
    const { db } = await openArchive(join(dir, 'archive.sqlite'));
    try {
      return await timed(async () => {
        await importPaths(new ArticleStore(db), paths);
      });
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bare Readability with the pages dealt round-robin to one worker per core, starting the workers included. */
function bareOnAllCores(strings: readonly string[], cores: number): Promise<Timing> {
  return timed(async () => {
    const shares = Array.from({ length: cores }, (_, core) => strings.filter((_, index) => index % cores === core));
    await Promise.all(
      shares.map(
        (share) =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(new URL('./bare-worker.ts', import.meta.url), { workerData: share });
            worker.once('message', () => void worker.terminate().then(() => resolve()));
            worker.once('error', reject);
          }),
      ),
    );
  });
}

const fastest = (timings: Timing[]) =>
  timings.reduce((best, timing) => (timing.wallSeconds < best.wallSeconds ? timing : best));

/**
 * Both systems on all the cores, in the same run, each round one after the other (which goes first
 * alternating), each counting with its fastest round: ours imports the pages as files into a fresh
 * archive (its extraction workers started by the import), bare Readability runs in one worker per
 * core (started in the timing too).
 */
export async function measureParallelSpeed(pages: readonly Page[], rounds: number): Promise<ParallelSpeedScores> {
  const cores = availableParallelism();
  const strings = pages.map(decoded);
  const dir = mkdtempSync(join(tmpdir(), 'archive-reader-bench-pages-'));
  const start = loadavg()[0] ?? 0;
  try {
    pages.forEach((page, index) => writeFileSync(join(dir, `${String(index).padStart(5, '0')}.html`), page.bytes));
    const ours: Timing[] = [];
    const bare: Timing[] = [];
    for (let round = 0; round < rounds; round++) {
      if (round % 2 === 0) {
        ours.push(await importIntoFreshArchive([dir]));
        bare.push(await bareOnAllCores(strings, cores));
      } else {
        bare.push(await bareOnAllCores(strings, cores));
        ours.push(await importIntoFreshArchive([dir]));
      }
    }
    const bestOurs = fastest(ours);
    const bestBare = fastest(bare);
    return {
      pages: pages.length,
      cores,
      rounds,
      ours: bestOurs,
      bareReadability: bestBare,
      ratio: bestBare.wallSeconds / bestOurs.wallSeconds,
      loadAverage: { start, end: loadavg()[0] ?? 0 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Imports `count` synthetic plain-text articles (400 to 1,000 words, French and English) written as files. */
export async function measureTextSpeed(count: number, projectRoot: string): Promise<TextSpeedScores> {
  const dir = mkdtempSync(join(tmpdir(), 'archive-reader-bench-texts-'));
  try {
    const folder = join(dir, 'articles');
    mkdirSync(folder);
    let index = 0;
    for (const article of generateArticles({ count, seed: 1, vocabularies: loadVocabularies(projectRoot) })) {
      const name = `${String(index++).padStart(7, '0')}.txt`;
      writeFileSync(join(folder, name), `${article.title}\n\n${article.paragraphs.join('\n\n')}\n`);
    }
    const start = loadavg()[0] ?? 0;
    const timing = await importIntoFreshArchive([folder]);
    return {
      articles: count,
      cores: availableParallelism(),
      timing,
      articlesPerSecond: count / timing.wallSeconds,
      loadAverage: { start, end: loadavg()[0] ?? 0 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
