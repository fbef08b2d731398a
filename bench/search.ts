import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ColdOpen } from './cold-open.ts';
import { PAGE_SIZE, type EngineName, type EngineOptions, type EngineResult } from './engines/engine.ts';
import { generateArticles } from './generate-articles.ts';
import { AUTHORS, PUBLISHED_YEARS, SOURCES } from './metadata.ts';
import {
  childArguments,
  parseOptions,
  planRuns,
  UsageError,
  USAGE,
  type BenchOptions,
  type ChildTask,
} from './options.ts';
import { evictFromPageCache } from './page-cache.ts';
import { QUERIES } from './queries.ts';
import { buildReport, formatReport } from './report.ts';
import { loadVocabularies } from './vocabulary/index.ts';

const SCRIPT = fileURLToPath(import.meta.url);
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

// Each engine is loaded only in its own child, so neither's modules count in the other's memory.
const ENGINE_MODULES: Record<EngineName, () => Promise<(options: EngineOptions) => Promise<EngineResult>>> = {
  fts: async () => (await import('./engines/fts.ts')).runFts,
  lunr: async () => (await import('./engines/lunr.ts')).runLunr,
};

/** A child process that failed; it has printed its own error on the shared stderr. */
class ChildFailure extends Error {}

const log = (message: string) => process.stderr.write(`${message}\n`);

/** In a child: measures one engine, or opening an archive, and prints the result as one JSON line. */
async function runChild(options: BenchOptions, task: ChildTask, archivePath: string): Promise<void> {
  let result;
  if (task === 'open') {
    result = await (await import('./cold-open.ts')).timeColdOpen(archivePath);
  } else {
    const { en, fr } = loadVocabularies(PROJECT_ROOT);
    const articles = generateArticles({ count: options.articles, seed: options.seed, vocabularies: { en, fr } });
    const run = await ENGINE_MODULES[task]();
    result = await run({ articles, rounds: options.rounds, archivePath, log });
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Runs a task in a fresh Node process, so its peak RSS and its start are its own. */
function spawnChild<T>(options: BenchOptions, task: ChildTask, articles: number, archive: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, SCRIPT, ...childArguments(options, task, articles, archive)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) {
        reject(new ChildFailure(`the ${task} benchmark process failed (${signal ?? `exit code ${code}`}).`));
        return;
      }
      try {
        resolve(JSON.parse(output.trim().split('\n').at(-1) ?? '') as T);
      } catch {
        reject(new ChildFailure(`the ${task} benchmark process printed no result.`));
      }
    });
  });
}

/** Opens the archive in a fresh process as it is, then again once evicted from the page cache. */
async function timeColdOpens(options: BenchOptions, archive: string): Promise<ColdOpen[]> {
  const open = async (pageCache: ColdOpen['pageCache']): Promise<ColdOpen> => ({
    pageCache,
    ...(await spawnChild<Omit<ColdOpen, 'pageCache'>>(options, 'open', options.articles, archive)),
  });
  log('open: timing a fresh process opening the archive…');
  const opens = [await open('cached')];
  if (evictFromPageCache(archive)) opens.push(await open('evicted'));
  return opens;
}

async function runParent(options: BenchOptions): Promise<void> {
  const loadAtStart = loadavg()[0] ?? 0;
  const vocabularies = loadVocabularies(PROJECT_ROOT);
  if (vocabularies.notice) log(`Notice: ${vocabularies.notice}`);
  const runs = planRuns(options);
  const dir = mkdtempSync(join(tmpdir(), 'archive-reader-bench-'));
  const archiveOf = (articles: number) => join(dir, `archive-${articles}.sqlite`);
  const results: EngineResult[] = [];
  let coldOpen: ColdOpen[] = [];
  try {
    // One after the other: on a 2-core machine, running them together would skew both.
    for (const run of runs) {
      results.push(await spawnChild<EngineResult>(options, run.engine, run.articles, archiveOf(run.articles)));
    }
    if (runs.some((run) => run.engine === 'fts')) coldOpen = await timeColdOpens(options, archiveOf(options.articles));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const cpu = cpus();
  const report = buildReport(
    {
      articles: options.articles,
      seed: options.seed,
      rounds: options.rounds,
      queries: QUERIES.length,
      pageSize: PAGE_SIZE,
      runs,
      metadata: {
        authors: AUTHORS.en.length + AUTHORS.fr.length,
        sources: SOURCES.en.length + SOURCES.fr.length,
        years: PUBLISHED_YEARS,
      },
      vocabulary: {
        en: { words: vocabularies.en.words.length, source: vocabularies.en.source },
        fr: { words: vocabularies.fr.words.length, source: vocabularies.fr.source },
      },
      notice: vocabularies.notice,
      machine: `Node ${process.version}, ${process.platform}/${process.arch}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
      load: { start: loadAtStart, end: loadavg()[0] ?? 0 },
    },
    results,
    coldOpen,
  );
  process.stdout.write(`${options.json ? JSON.stringify(report, null, 2) : formatReport(report)}\n`);
}

try {
  const options = parseOptions(process.argv.slice(2));
  if (options === null) console.log(USAGE);
  else if (options.child) await runChild(options, options.child.task, options.child.archive);
  else await runParent(options);
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`bench: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof ChildFailure) {
    console.error(`bench: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
