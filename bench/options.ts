import { parseArgs } from 'node:util';
import { ENGINES, type EngineName } from './engines/engine.ts';

/** What a child process measures: one engine, or opening an archive the fts engine left. */
export const CHILD_TASKS = [...ENGINES, 'open'] as const;
export type ChildTask = (typeof CHILD_TASKS)[number];

export interface BenchOptions {
  articles: number;
  /** Articles for lunr, and for ours beside it so the ratios compare the same articles. */
  lunrArticles: number;
  rounds: number;
  seed: number;
  engines: EngineName[];
  json: boolean;
  /** Set in a child process: what it measures, and the archive file it writes or opens. */
  child: { task: ChildTask; archive: string } | null;
}

// In-memory lunr needs about 2.5 GB for 20,000 articles: more would not fit on the CI machine.
export const LUNR_DEFAULT_CAP = 20_000;

export const USAGE = `Usage: npm run bench -- [options]

Imports synthetic French and English articles into our SQLite FTS5 archive and into an in-memory
lunr index, each in its own process, then times the same queries on both, and opening the archive.

  --articles N         articles to generate and import into ours (default 20000)
  --lunr-articles N    articles for lunr, and for ours again beside it for the ratios
                       (default: --articles, at most ${LUNR_DEFAULT_CAP})
  --queries-rounds R   timed rounds over the query set, after one warm-up round (default 5)
  --seed S             seed of the article generator, 0 to 4294967295 (default 1)
  --engines LIST       comma-separated engines to run: fts, lunr (default fts,lunr)
  --json               print the whole result as JSON instead of tables
  -h, --help           print this help`;

/** A bad command line, reported with the usage rather than a stack trace. */
export class UsageError extends Error {}

const MAX_ARTICLES = 1_000_000;

function integer(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= min && number <= max)) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max} (got "${value}").`);
  }
  return number;
}

function oneOf<T extends string>(what: string, known: readonly T[], value: string): T {
  const name = known.find((candidate) => candidate === value);
  if (!name) throw new UsageError(`unknown ${what} "${value}": choose from ${known.join(', ')}.`);
  return name;
}

/** The options, or null when help was asked for. */
export function parseOptions(argv: string[]): BenchOptions | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        articles: { type: 'string' },
        'lunr-articles': { type: 'string' },
        'queries-rounds': { type: 'string' },
        seed: { type: 'string' },
        engines: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        child: { type: 'string' },
        archive: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return null;
  if ((values.child === undefined) !== (values.archive === undefined))
    throw new UsageError('--child and --archive go together.');

  const engines =
    values.engines === undefined
      ? [...ENGINES]
      : values.engines.split(',').map((name) => oneOf('engine', ENGINES, name.trim()));
  if (new Set(engines).size !== engines.length) throw new UsageError('--engines lists an engine twice.');
  if (values['lunr-articles'] !== undefined && !engines.includes('lunr'))
    throw new UsageError('--lunr-articles needs the lunr engine.');
  const articles = integer('articles', values.articles, 20_000, 1, MAX_ARTICLES);
  return {
    articles,
    lunrArticles: integer(
      'lunr-articles',
      values['lunr-articles'],
      Math.min(articles, LUNR_DEFAULT_CAP),
      1,
      MAX_ARTICLES,
    ),
    rounds: integer('queries-rounds', values['queries-rounds'], 5, 1, 1_000),
    seed: integer('seed', values.seed, 1, 0, 2 ** 32 - 1),
    engines,
    json: values.json ?? false,
    child:
      values.child === undefined || values.archive === undefined
        ? null
        : { task: oneOf('child task', CHILD_TASKS, values.child), archive: values.archive },
  };
}

/** The flags that make a child process do `task` on `articles` of the same seed, with the same rounds. */
export function childArguments(options: BenchOptions, task: ChildTask, articles: number, archive: string): string[] {
  return [
    '--child',
    task,
    '--archive',
    archive,
    '--articles',
    String(articles),
    '--queries-rounds',
    String(options.rounds),
    '--seed',
    String(options.seed),
  ];
}

export interface EngineRun {
  engine: EngineName;
  articles: number;
}

/**
 * The engine runs, one after the other: ours on lunr's articles and lunr for the ratios, then ours
 * on all the articles when that is more. Ours is imported afresh at each size rather than measured
 * halfway through one import, so each run's peak RSS and import rate are its own, and the articles
 * compared are exactly those a run of that size generates.
 */
export function planRuns({ engines, articles, lunrArticles }: BenchOptions): EngineRun[] {
  const fts = engines.includes('fts');
  const lunr = engines.includes('lunr');
  const runs: EngineRun[] = [];
  if (fts && lunr) runs.push({ engine: 'fts', articles: lunrArticles });
  if (lunr) runs.push({ engine: 'lunr', articles: lunrArticles });
  if (fts && !(lunr && lunrArticles === articles)) runs.push({ engine: 'fts', articles });
  return runs;
}
