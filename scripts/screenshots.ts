// Regenerates the README's screenshots from the real UI: imports the sample articles into a
// temporary archive, annotates a few through the API (tags, a bookmark, highlights with notes),
// starts `archive-reader serve`, and photographs the library, a search, the reader and the notebook
// in Chromium, in French (light) and English (dark), at 1200×800.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tests/helpers/browser.ts';
import { runCli } from '../tests/helpers/cli.ts';
import { startServe } from '../tests/helpers/serve.ts';
import { FIXTURES, ROOT, SHARED, tempArchivePath } from '../tests/helpers/temp.ts';

const OUT = join(ROOT, 'docs', 'screenshots');
const seed = join(SHARED, 'seed');
const archive = tempArchivePath();
const sources = [FIXTURES, join(ROOT, 'tests', 'e2e', 'fixtures'), ...(existsSync(seed) ? [seed] : [])];
const imported = runCli(['import', ...sources, '--archive', archive]);
if (imported.status !== 0) throw new Error(imported.stderr);

const server = await startServe(archive);

async function call<T>(method: string, args: object): Promise<T> {
  const response = await fetch(`${server.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
  });
  const envelope = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error?.message}`);
  return envelope.value;
}

// A library that has been read in: tags, a bookmark, a status, highlights with notes.
const QUERY = 'coopération militaire';
const found = await call<{ results: { id: number }[] }>('search', { query: QUERY, limit: 5 });
const all = await call<{ articles: { id: number; title: string }[] }>('listArticles', { limit: 50 });
for (const [index, article] of all.articles.entries()) {
  const tags = [['sahel'], ['agriculture', 'sahel'], ['culture'], ['énergie'], [], ['agriculture']][index % 6] ?? [];
  if (tags.length) await call('setTags', { id: article.id, tags });
  if (index % 4 === 1) await call('setReadStatus', { id: article.id, status: index % 8 === 1 ? 'read' : 'reading' });
}
const main = found.results[0]?.id ?? all.articles[0]?.id ?? 1;
await call('setBookmarked', { id: main, bookmarked: true });
const article = await call<{ text: string }>('getArticle', { id: main });
const sentences = [...article.text.matchAll(/[^.!?\n]{40,200}[.!?]/g)].slice(1, 4);
const colors = ['yellow', 'green', 'blue'];
const notes = ['Chiffres à vérifier avec le communiqué officiel.', null, 'Comparer avec les accords de 2023.'];
for (const [index, sentence] of sentences.entries()) {
  await call('addHighlight', {
    articleId: main,
    start: sentence.index,
    end: sentence.index + sentence[0].length,
    color: colors[index],
    note: notes[index],
  });
}

const browser = await launchChromium();
try {
  for (const [locale, colorScheme] of [
    ['fr-FR', 'light'],
    ['en-GB', 'dark'],
  ] as const) {
    const page = await browser.newPage({ locale, colorScheme, viewport: { width: 1200, height: 800 } });
    const suffix = `${locale.slice(0, 2)}-${colorScheme}`;

    await page.goto(server.url);
    await page.getByTestId('library-item').nth(3).waitFor();
    await page.getByTestId('facets').locator('[data-facet="status"]').waitFor();
    await page.screenshot({ path: join(OUT, `library-${suffix}.png`) });

    await page.goto(`${server.url}#/search?q=${encodeURIComponent(QUERY)}`);
    await page.getByTestId('result-item').first().waitFor();
    await page.getByTestId('facets').waitFor();
    await page.screenshot({ path: join(OUT, `search-${suffix}.png`) });

    await page.getByTestId('result-item').first().getByRole('link').first().click();
    await page.getByTestId('reader-body').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(OUT, `reader-${suffix}.png`) });

    await page.goto(`${server.url}#/notebook`);
    await page.getByTestId('notebook-entry').first().waitFor();
    await page.screenshot({ path: join(OUT, `notebook-${suffix}.png`) });
    await page.close();
  }
  console.log(`Screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await server.stop();
}
