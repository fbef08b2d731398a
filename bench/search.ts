import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ENGINES, PAGE_SIZE, type EngineName, type EngineOptions, type EngineResult } from './engines/engine.ts';
import { generateArticles } from './generate-articles.ts';
import { childArguments, parseOptions, UsageError, USAGE, type BenchOptions } from './options.ts';
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

/** In a child: measures one engine and prints its result as one JSON line. */
async function runChild(options: BenchOptions, engine: EngineName): Promise<void> {
  const { en, fr } = loadVocabularies(PROJECT_ROOT);
  const articles = generateArticles({ count: options.articles, seed: options.seed, vocabularies: { en, fr } });
  const run = await ENGINE_MODULES[engine]();
  const result = await run({ articles, rounds: options.rounds, log });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Runs one engine in a fresh Node process, so its peak RSS is its own. */
function spawnEngine(options: BenchOptions, engine: EngineName): Promise<EngineResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, SCRIPT, ...childArguments(options, engine)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) {
        reject(new ChildFailure(`the ${engine} benchmark process failed (${signal ?? `exit code ${code}`}).`));
        return;
      }
      try {
        resolve(JSON.parse(output.trim().split('\n').at(-1) ?? '') as EngineResult);
      } catch {
        reject(new ChildFailure(`the ${engine} benchmark process printed no result.`));
      }
    });
  });
}

async function runParent(options: BenchOptions): Promise<void> {
  const vocabularies = loadVocabularies(PROJECT_ROOT);
  if (vocabularies.notice) log(`Notice: ${vocabularies.notice}`);
  const results: EngineResult[] = [];
  // One after the other: on a 2-core machine, running them together would skew both.
  for (const engine of ENGINES.filter((name) => options.engines.includes(name))) {
    results.push(await spawnEngine(options, engine));
  }
  const cpu = cpus();
  const report = buildReport(
    {
      articles: options.articles,
      seed: options.seed,
      rounds: options.rounds,
      queries: QUERIES.length,
      pageSize: PAGE_SIZE,
      vocabulary: {
        en: { words: vocabularies.en.words.length, source: vocabularies.en.source },
        fr: { words: vocabularies.fr.words.length, source: vocabularies.fr.source },
      },
      notice: vocabularies.notice,
      machine: `Node ${process.version}, ${process.platform}/${process.arch}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
    },
    results,
  );
  process.stdout.write(`${options.json ? JSON.stringify(report, null, 2) : formatReport(report)}\n`);
}

try {
  const options = parseOptions(process.argv.slice(2));
  if (options === null) console.log(USAGE);
  else if (options.child) await runChild(options, options.child);
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
