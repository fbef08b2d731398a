// How responsive the reading app stays on a large archive: builds an archive of synthetic articles
// (100,000 by default) with ArticleStore.addMany, serves it, and records the main thread's long
// tasks (PerformanceObserver, > 50 ms) in Chromium while scrolling the library and while typing a
// query. Prints the figures; asserts nothing. Not part of `npm test`.
//
//   node scripts/ui-perf.ts [--articles 100000] [--archive FILE]   (npm run build first)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { ArticleStore } from '../archive/articles/store.ts';
import { openArchive } from '../archive/db/open.ts';
import { generateArticles, type GeneratedArticle } from '../bench/generate-articles.ts';
import { loadVocabularies } from '../bench/vocabulary/index.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { startServe } from '../tests/helpers/serve.ts';
import { ROOT, tempDir } from '../tests/helpers/temp.ts';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '100000' }, archive: { type: 'string' } },
});
const count = Number(values.articles);
const archivePath = values.archive ?? join(tempDir('archive-reader-ui-perf-'), 'archive.sqlite');

if (!existsSync(archivePath)) {
  const { db } = await openArchive(archivePath);
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
  console.log(
    `Built ${count.toLocaleString('en-US')} articles in ${((performance.now() - started) / 1000).toFixed(0)} s: ${archivePath}`,
  );
}

const server = await startServe(archivePath);
const browser = await launchChromium();
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
  const report = (name: string, tasks: number[], extra = '') => {
    const max = tasks.length ? Math.max(...tasks) : 0;
    console.log(
      `${name.padEnd(34)} long tasks: ${String(tasks.length).padStart(3)}  max: ${max.toFixed(0).padStart(4)} ms${extra}`,
    );
  };

  let started = performance.now();
  await page.goto(server.url);
  await page.getByTestId('library-item').first().waitFor({ timeout: 120_000 });
  const firstRows = performance.now() - started;
  await page.getByTestId('facets').locator('[data-facet="status"]').waitFor({ timeout: 120_000 });
  const counted = await page.getByTestId('library-count').innerText();
  report('library: first load', await longTasks(), `  (first rows after ${firstRows.toFixed(0)} ms; ${counted})`);

  // Scrolling with the wheel, as a reader skims.
  await page.mouse.move(700, 500);
  for (let i = 0; i < 80; i++) {
    await page.mouse.wheel(0, 1200);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(500);
  report('library: wheel-scrolling 96,000 px', await longTasks());

  // Jumps, as when dragging the scroll bar: rows must appear where it stops.
  const jumps: number[] = [];
  for (const fraction of [0.1, 0.5, 0.9, 0.999, 0.3]) {
    started = performance.now();
    await page.evaluate(
      (at) => window.scrollTo(0, at * (document.documentElement.scrollHeight - innerHeight)),
      fraction,
    );
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="library-item"]')];
      return rows.some((row) => {
        const rect = row.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= innerHeight;
      });
    });
    jumps.push(performance.now() - started);
  }
  report(
    'library: scroll-bar jumps ×5',
    await longTasks(),
    `  (rows shown after ${jumps.map((ms) => ms.toFixed(0)).join(', ')} ms)`,
  );

  // Typing a query, searched as you type.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press('/');
  await longTasks();
  started = performance.now();
  await page.keyboard.type('cooperation militaire', { delay: 90 });
  await page.waitForURL(/q=cooperation\+militaire/);
  await page.getByTestId('result-item').first().waitFor();
  report(
    'search: typing "cooperation militaire"',
    await longTasks(),
    `  (${(performance.now() - started).toFixed(0)} ms to results)`,
  );

  // Opening an article from the results.
  started = performance.now();
  await page.getByTestId('result-item').first().getByRole('link').first().click();
  await page.getByTestId('reader-body').waitFor();
  report('reader: open from results', await longTasks(), `  (${(performance.now() - started).toFixed(0)} ms)`);
} finally {
  await browser.close();
  await server.stop();
}
