import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readCisi } from './quality/cisi.ts';
import { meanScores } from './quality/metrics.ts';
import { formatReport, type QualityReport } from './quality/report.ts';
import { runOurs, runPlainFts } from './quality/systems.ts';

const CORPUS = fileURLToPath(new URL('../../shared/corpora/cisi', import.meta.url));

const USAGE = `Usage: npm run bench:quality -- [--json]

Ranks the CISI test collection's queries with our search (every word required, and any word
through OR) and with a plain FTS5 table, and scores each against CISI's relevance judgements.

  --json      print the report as JSON instead of a table
  -h, --help  print this help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!existsSync(CORPUS)) {
    // The collection is test data kept outside the repository; without it there is nothing to measure.
    console.log(`Notice: the CISI collection was not found at ${CORPUS}; skipping the retrieval-quality benchmark.`);
    return;
  }
  const collection = readCisi(CORPUS);
  const queryIds = new Set(collection.queries.map((query) => query.id));
  const judgements = new Map([...collection.relevant].filter(([query]) => queryIds.has(query)));
  const runs = [...(await runOurs(collection)), runPlainFts(collection)];
  const systems = runs.map(({ name, rankings }) => ({ name, scores: meanScores(rankings, judgements) }));
  const report: QualityReport = {
    corpus: CORPUS,
    documents: collection.documents.length,
    queries: collection.queries.length,
    evaluated: systems[0]?.scores.queries ?? 0,
    systems,
  };
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
