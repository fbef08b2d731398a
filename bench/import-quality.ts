import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  READABILITY_PAGES,
  TRAFILATURA_EVAL,
  readReadabilityCases,
  readTrafilaturaCases,
} from './import-quality/corpora.ts';
import { decoded, scoreReadabilityCases, scoreTrafilaturaCases } from './import-quality/quality.ts';
import { formatReport, type ImportQualityReport } from './import-quality/report.ts';
import { measureParallelSpeed, measureTextSpeed } from './import-quality/parallel-speed.ts';
import { measureFeedMemory } from './import-quality/feed-memory.ts';
import { measureSpeed } from './import-quality/speed.ts';
import { bareReadabilityText, ours } from './import-quality/systems.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const USAGE = `Usage: npm run bench:import -- [--json] [--speed-rounds N] [--no-speed] [--only-speed] [--text-articles N]
                             [--feed-items N] [--only-feed]

Scores the HTML importer against bare Readability on Mozilla's Readability test pages (title exact
match, text F1 of 4-word shingles against expected.html) and on trafilatura's evaluation set
(precision, recall, accuracy and F1 of its "with"/"without" segments), then times both on all
those pages: single-threaded (extraction alone), then on every core (our whole import, storing and
indexing included, against bare Readability in one worker per core). Then imports synthetic plain-text
articles and gives their rate, and a large synthetic RSS feed (and one a tenth its size) with the
peak memory of a process that imports it with its JavaScript heaps capped.

  --speed-rounds N  timed rounds over all pages, each page's fastest counting (default 2)
  --no-speed        skip the timing
  --only-speed      skip the quality scores: only the timings
  --text-articles N plain-text articles imported for the text rate (default 5000; 0 skips it)
  --feed-items N    items of the feed imported for its memory (default 100000; 0 skips it)
  --only-feed       only the feed's import
  --json            print the report as JSON instead of a table
  -h, --help        print this help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean' },
      'speed-rounds': { type: 'string' },
      'no-speed': { type: 'boolean' },
      'only-speed': { type: 'boolean' },
      'text-articles': { type: 'string' },
      'feed-items': { type: 'string' },
      'only-feed': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const rounds = Number(values['speed-rounds'] ?? 2);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--speed-rounds must be a whole number from 1.');
  const textArticles = Number(values['text-articles'] ?? 5000);
  if (!Number.isInteger(textArticles) || textArticles < 0) throw new Error('--text-articles must be a whole number.');
  const feedItems = Number(values['feed-items'] ?? 100_000);
  if (!Number.isInteger(feedItems) || feedItems < 0) throw new Error('--feed-items must be a whole number.');
  const feedOnly = values['only-feed'] === true;
  const speedOnly = values['only-speed'] === true || feedOnly;
  const timed = !values['no-speed'] && !feedOnly;

  const readabilityCases = readReadabilityCases();
  const trafilaturaCases = readTrafilaturaCases();
  // The corpora are test data kept outside the repository; what is missing is said, not failed on.
  for (const [cases, dir] of [
    [readabilityCases, READABILITY_PAGES],
    [trafilaturaCases, TRAFILATURA_EVAL],
  ] as const) {
    if (cases.length === 0) console.error(`Notice: no pages found at ${dir}; that part of the benchmark is skipped.`);
  }
  const bare = (page: Parameters<typeof ours>[0]) => bareReadabilityText(decoded(page));
  const allPages = [...readabilityCases, ...trafilaturaCases];
  const report: ImportQualityReport = {
    readability:
      !speedOnly && readabilityCases.length
        ? {
            corpus: READABILITY_PAGES,
            ours: scoreReadabilityCases(readabilityCases, ours),
            bare: scoreReadabilityCases(readabilityCases, bare),
          }
        : null,
    trafilatura:
      !speedOnly && trafilaturaCases.length
        ? {
            corpus: TRAFILATURA_EVAL,
            ours: scoreTrafilaturaCases(trafilaturaCases, ours),
            bare: scoreTrafilaturaCases(trafilaturaCases, bare),
          }
        : null,
    speed: timed && allPages.length ? measureSpeed(allPages, rounds) : null,
    parallelSpeed: timed && allPages.length ? await measureParallelSpeed(allPages, rounds) : null,
    textSpeed: timed && textArticles > 0 ? await measureTextSpeed(textArticles, PROJECT_ROOT) : null,
    feedMemory: (timed || feedOnly) && feedItems > 0 ? await measureFeedMemory(feedItems, PROJECT_ROOT) : null,
  };
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
