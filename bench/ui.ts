// How responsive the reading app stays on a large archive: builds archives of synthetic articles with
// ArticleStore.addMany (a small baseline, then 100,000 by default), serves each, and records the main
// thread's long tasks (PerformanceObserver, > 50 ms) in Chromium while the library loads, while
// scrolling it, while typing a query and while opening an article. Prints the figures against the
// targets (typing: no long task over 100 ms; scrolling: none over 50 ms), beside the baseline run in
// the same process, so a slow machine shows in both. Asserts nothing.
//
//   npm run bench:ui -- [--articles 100000] [--baseline-articles 1000] [--archive FILE]   (npm run build first)
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { ArticleStore } from '../archive/articles/store.ts';
import { openArchive } from '../archive/db/open.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { startServe } from '../tests/helpers/serve.ts';
import { ROOT, tempDir } from '../tests/helpers/temp.ts';
import { generateArticles, type GeneratedArticle } from './generate-articles.ts';
import { loadVocabularies } from './vocabulary/index.ts';

const USAGE = `Usage: npm run bench:ui -- [--articles N] [--baseline-articles N] [--archive FILE]

Long tasks of the reading app in Chromium (through serve) on N synthetic articles (default 100000),
and on a baseline archive of --baseline-articles (default 1000; 0 skips it). --archive keeps the
large archive in FILE and reuses it when it exists. Run \`npm run build\` first.`;

interface Scenario {
  name: string;
  /** The longest task allowed, in ms, or null when the issue sets none. */
  target: number | null;
  tasks: number[];
  detail: string;
}

async function buildArchive(path: string, count: number): Promise<void> {
  if (existsSync(path)) return;
  const { db } = await openArchive(path);
  const store = new ArticleStore(db);
  const started = performance.now();
  let batch: GeneratedArticle[] = [];
  for (const article of generateArticles({ count, seed: 1, vocabularies: loadVocabularies(ROOT) })) {
    batch.push(article);
    if (batch.length === 500) {
      store.addMany(batch);
      batch = [];
    }
  }
  if (batch.length) store.addMany(batch);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  process.stderr.write(
    `Built ${count.toLocaleString('en-US')} articles in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
  );
}

async function measure(browser: Browser, archivePath: string): Promise<Scenario[]> {
  const server = await startServe(archivePath);
  const scenarios: Scenario[] = [];
  try {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__long.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    const longTasks = async (): Promise<number[]> =>
      page.evaluate(() => {
        const w = window as unknown as { __long: number[] };
        const tasks = w.__long;
        w.__long = [];
        return tasks;
      });

    let started = performance.now();
    await page.goto(server.url);
    await page.getByTestId('library-item').first().waitFor({ timeout: 120_000 });
    const firstRows = performance.now() - started;
    await page.getByTestId('facets').locator('[data-facet="status"]').waitFor({ timeout: 120_000 });
    const counted = await page.getByTestId('library-count').innerText();
    scenarios.push({
      name: 'library: first load',
      target: null,
      tasks: await longTasks(),
      detail: `first rows after ${firstRows.toFixed(0)} ms; ${counted}`,
    });

    // Scrolling with the wheel, as a reader skims.
    await page.mouse.move(700, 500);
    for (let i = 0; i < 80; i++) {
      await page.mouse.wheel(0, 1200);
      await page.waitForTimeout(16);
    }
    await page.waitForTimeout(500);
    scenarios.push({ name: 'library: wheel-scrolling 96,000 px', target: 50, tasks: await longTasks(), detail: '' });

    // Jumps, as when dragging the scroll bar: rows must appear where it stops.
    const jumps: number[] = [];
    for (const fraction of [0.1, 0.5, 0.9, 0.999, 0.3]) {
      started = performance.now();
      await page.evaluate(
        (at) => window.scrollTo(0, at * (document.documentElement.scrollHeight - innerHeight)),
        fraction,
      );
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="library-item"]')].some((row) => {
          const rect = row.getBoundingClientRect();
          return rect.top >= 0 && rect.bottom <= innerHeight;
        }),
      );
      jumps.push(performance.now() - started);
    }
    scenarios.push({
      name: 'library: scroll-bar jumps ×5',
      target: 50,
      tasks: await longTasks(),
      detail: `rows shown after ${jumps.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    });

    // Typing a query, searched as you type.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press('/');
    await longTasks();
    started = performance.now();
    await page.keyboard.type('cooperation militaire', { delay: 90 });
    await page.waitForURL(/q=cooperation\+militaire/);
    await page.getByTestId('result-item').first().waitFor();
    scenarios.push({
      name: 'search: typing "cooperation militaire"',
      target: 100,
      tasks: await longTasks(),
      detail: `${(performance.now() - started).toFixed(0)} ms to results`,
    });

    started = performance.now();
    await page.getByTestId('result-item').first().getByRole('link').first().click();
    await page.getByTestId('reader-body').waitFor();
    scenarios.push({
      name: 'reader: open from results',
      target: null,
      tasks: await longTasks(),
      detail: `${(performance.now() - started).toFixed(0)} ms`,
    });
    await page.close();
  } finally {
    await server.stop();
  }
  return scenarios;
}

const longest = (tasks: number[]) => (tasks.length ? Math.max(...tasks) : 0);

function printRun(label: string, scenarios: Scenario[]): void {
  console.log(`\n${label}`);
  console.log(`${'scenario'.padEnd(40)} ${'long tasks'.padStart(10)} ${'longest'.padStart(9)}  target`);
  for (const { name, target, tasks, detail } of scenarios) {
    const max = longest(tasks);
    const verdict = target === null ? '-' : `≤ ${target} ms ${max <= target ? 'met' : 'MISSED'}`;
    console.log(
      `${name.padEnd(40)} ${String(tasks.length).padStart(10)} ${`${max.toFixed(0)} ms`.padStart(9)}  ${verdict}` +
        (detail ? `   (${detail})` : ''),
    );
  }
}

let values;
try {
  ({ values } = parseArgs({
    strict: true,
    options: {
      articles: { type: 'string', default: '100000' },
      'baseline-articles': { type: 'string', default: '1000' },
      archive: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const count = Number(values.articles);
const baseline = Number(values['baseline-articles']);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(baseline) || baseline < 0) {
  console.error(`--articles must be a whole number from 1 and --baseline-articles from 0.\n\n${USAGE}`);
  process.exit(2);
}

const dir = tempDir('archive-reader-bench-ui-');
const runs = [
  ...(baseline > 0 ? [{ count: baseline, path: join(dir, 'baseline.sqlite') }] : []),
  { count, path: values.archive ?? join(dir, 'archive.sqlite') },
];
for (const run of runs) await buildArchive(run.path, run.count);
console.log(`Archive Reader UI benchmark: long tasks (> 50 ms) of the page in Chromium, through serve`);
console.log(`Load average at the start: ${loadavg()[0]?.toFixed(2)}`);
const browser = await launchChromium();
try {
  for (const run of runs) {
    printRun(`${run.count.toLocaleString('en-US')} articles`, await measure(browser, run.path));
  }
} finally {
  await browser.close();
}
