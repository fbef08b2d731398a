import { parseArgs } from 'node:util';
import { ENGINES, type EngineName } from './engines/engine.ts';

export interface BenchOptions {
  articles: number;
  rounds: number;
  seed: number;
  engines: EngineName[];
  json: boolean;
  /** Set in a child process: the one engine it measures. */
  child: EngineName | null;
}

export const USAGE = `Usage: npm run bench -- [options]

Imports synthetic French and English articles into our SQLite FTS5 archive and into an in-memory
lunr index, each in its own process, then times the same queries on both.

  --articles N         articles to generate (default 20000)
  --queries-rounds R   timed rounds over the query set, after one warm-up round (default 5)
  --seed S             seed of the article generator, 0 to 4294967295 (default 1)
  --engines LIST       comma-separated engines to run: fts, lunr (default fts,lunr)
  --json               print the whole result as JSON instead of tables
  -h, --help           print this help`;

/** A bad command line, reported with the usage rather than a stack trace. */
export class UsageError extends Error {}

function integer(flag: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= min && number <= max)) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max} (got "${value}").`);
  }
  return number;
}

function engine(value: string): EngineName {
  const name = ENGINES.find((known) => known === value);
  if (!name) throw new UsageError(`unknown engine "${value}": choose from ${ENGINES.join(', ')}.`);
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
        'queries-rounds': { type: 'string' },
        seed: { type: 'string' },
        engines: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        child: { type: 'boolean' },
        engine: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return null;
  if ((values.child ?? false) !== (values.engine !== undefined))
    throw new UsageError('--child and --engine go together.');

  const engines =
    values.engines === undefined ? [...ENGINES] : values.engines.split(',').map((name) => engine(name.trim()));
  if (new Set(engines).size !== engines.length) throw new UsageError('--engines lists an engine twice.');
  return {
    articles: integer('articles', values.articles, 20_000, 1, 1_000_000),
    rounds: integer('queries-rounds', values['queries-rounds'], 5, 1, 1_000),
    seed: integer('seed', values.seed, 1, 0, 2 ** 32 - 1),
    engines,
    json: values.json ?? false,
    child: values.engine === undefined ? null : engine(values.engine),
  };
}

/** The flags that make a child process measure `name` on the same articles and queries. */
export function childArguments(options: BenchOptions, name: EngineName): string[] {
  return [
    '--child',
    '--engine',
    name,
    '--articles',
    String(options.articles),
    '--queries-rounds',
    String(options.rounds),
    '--seed',
    String(options.seed),
  ];
}
