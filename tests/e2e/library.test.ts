import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  SAMPLE,
  eventually,
  rowTitles,
  startApp,
  waitForRows,
  writeArticles,
  writeHtmlArticle,
  type E2E,
} from './support.ts';

const MILLET = SAMPLE[0]!.title;
const GRAIN = SAMPLE[1]!.title;
const PUMPS = SAMPLE[2]!.title;
const RECOLTE = SAMPLE[3]!.title;
const FESTIVAL = SAMPLE[4]!.title;
const DUNES = 'Dune walkers of the Aïr';
const MANY = 300;
const WELLS = 'New wells for the herders of Ingall';
const SCHOOL = 'A school term under the acacias';

/** A page saved from a news site, which names itself in og:site_name. */
function writeSitePage(dir: string, file: string, title: string, site: string, date: string, text: string): void {
  writeFileSync(
    join(dir, file),
    `<!doctype html><html lang="en"><head><title>${title}</title><meta property="og:site_name" content="${site}">
<meta property="article:published_time" content="${date}"></head><body><article><h1>${title}</h1>
<p>${text}</p><p>${text.split(' ').reverse().join(' ')}</p></article></body></html>`,
  );
}

describe('the library (serve + Chromium)', () => {
  let app: E2E;
  let empty: E2E;
  let sourced: E2E;

  before(async () => {
    const dir = writeArticles([
      ...SAMPLE,
      // Enough articles that the list cannot all be in the page at once.
      ...Array.from({ length: MANY }, (_, i) => ({
        file: `filler-${String(i).padStart(3, '0')}.txt`,
        title: `Zz filler report ${String(i).padStart(3, '0')}`,
        paragraphs: [`Filler report number ${i} about the weather in the valley.`],
      })),
    ]);
    writeHtmlArticle(dir);
    const sites = writeArticles(SAMPLE.slice(0, 2));
    writeHtmlArticle(sites);
    writeSitePage(
      sites,
      'wells.html',
      WELLS,
      'Agadez Herald',
      '2024-02-10',
      'Herders around Ingall dug six new wells this winter, so that the camels no longer walk two days to drink.',
    );
    writeSitePage(
      sites,
      'school.html',
      SCHOOL,
      'Agadez Herald',
      '2023-11-05',
      'Children of the nomad camps follow lessons under the acacias while their families move with the herds.',
    );
    [app, empty, sourced] = await Promise.all([startApp([dir]), startApp([]), startApp([sites])]);
  });

  after(async () => {
    await app?.close();
    await empty?.close();
    await sourced?.close();
  });

  it('invites to import when the archive is empty, saying where importing happens', async () => {
    const page = await empty.open();
    const state = page.getByTestId('empty-state');
    await state.waitFor();
    assert.match(await state.innerText(), /Your archive is empty/);
    assert.match(await state.innerText(), /desktop app/);
    assert.match(await state.innerText(), /archive-reader import/);
    await page.close();
  });

  it('lists every article in a virtualised list: only the rows on screen are in the page', async () => {
    const page = await app.open();
    await page
      .getByTestId('library-count')
      .filter({ hasText: `${MANY + 6} articles` })
      .waitFor();
    const rendered = await page.getByTestId('library-item').count();
    assert.ok(rendered > 5 && rendered < 60, `${rendered} rows in the page`);
    // The list is as tall as all its rows, and scrolling to its end shows the last ones.
    await page.getByTestId('sort-select').selectOption('title');
    await waitForRows(page, [DUNES]);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page
      .getByTestId('library-title')
      .filter({ hasText: `Zz filler report ${String(MANY - 1).padStart(3, '0')}` })
      .waitFor();
    assert.ok((await page.getByTestId('library-item').count()) < 60);
    await page.close();
  });

  it('sorts by date, title and date added, keeping the order in the address', async () => {
    // Any filter of the query language works in the address; here the filler articles are left out.
    const page = await app.open({ hash: `#/?filter=${encodeURIComponent('lang:en -source:filler')}` });
    await waitForRows(page, [PUMPS, DUNES, GRAIN, MILLET]);

    const select = page.getByTestId('sort-select');
    assert.equal(await select.inputValue(), 'newest');
    await select.selectOption('oldest');
    await waitForRows(page, [MILLET, GRAIN, DUNES, PUMPS]);
    assert.match(page.url(), /sort=oldest/);

    await select.selectOption('title');
    await waitForRows(page, [DUNES, MILLET, PUMPS, GRAIN]);
    await page.reload();
    await waitForRows(page, [DUNES, MILLET, PUMPS, GRAIN]);
    assert.equal(await page.getByTestId('sort-select').inputValue(), 'title');

    // A folder is imported in file-name order, so the last file imported comes first.
    await page.getByTestId('sort-select').selectOption('added');
    await waitForRows(page, [MILLET, PUMPS, GRAIN, DUNES]);
    await page.close();
  });

  it('filters by language, year and reading state from the facets, with counts, and clears a filter from its chip', async () => {
    const page = await app.open();
    const facets = page.getByTestId('facets');
    const french = facets.locator('[data-facet="languages"]').getByTestId('facet-value').filter({ hasText: 'French' });
    assert.match(await french.innerText(), /French\s*2/);
    await french.click();
    await waitForRows(page, [FESTIVAL, RECOLTE]);
    assert.match(page.url(), /filter=lang%3Afr/);
    await page.getByTestId('library-count').filter({ hasText: '2 articles' }).waitFor();
    assert.deepEqual(await rowTitles(page), [FESTIVAL, RECOLTE]);

    // Two filters at once: French and 2023.
    await facets.locator('[data-facet="years"]').getByTestId('facet-value').filter({ hasText: '2023' }).click();
    await waitForRows(page, [RECOLTE]);
    await page.getByTestId('library-count').filter({ hasText: '1 article' }).waitFor();
    assert.deepEqual(await page.getByTestId('filter-chip').allInnerTexts(), ['lang:fr', 'year:2023']);

    await page.getByTestId('filter-chip').filter({ hasText: 'lang:fr' }).getByRole('button').click();
    await page
      .getByTestId('library-count')
      .filter({ hasText: /^\d+ articles$/ })
      .waitFor();
    assert.match(page.url(), /filter=year%3A2023$/);

    // Reading state: every article is unread at first; the status facet counts them all.
    await page.goto(app.server.url);
    const unread = page.locator('[data-facet="status"] [data-value="unread"]');
    await unread.filter({ hasText: String(MANY + 6) }).waitFor();
    await page.close();
  });

  it('marks an article read from the reader, then finds it with the "Read" filter', async () => {
    const page = await app.open({ hash: '#/?filter=lang%3Afr' });
    await page.getByTestId('library-title').filter({ hasText: RECOLTE }).click();
    await page.getByTestId('reader-title').waitFor();
    await page.getByTestId('reader-status').selectOption('read');
    await page.getByTestId('read-state').waitFor();
    await page.getByTestId('back-button').click();
    await page
      .getByTestId('library-item')
      .filter({ hasText: RECOLTE })
      .getByTestId('status-badge')
      .filter({ hasText: 'Read' })
      .waitFor();

    await page.goto(app.server.url);
    const read = page.locator('[data-facet="status"] [data-value="read"]');
    await read.filter({ hasText: '1' }).waitFor();
    await read.click();
    await waitForRows(page, [RECOLTE]);
    assert.match(page.url(), /filter=is%3Aread/);
    // One reading state at a time: "Unread" replaces "Read".
    await page.locator('[data-facet="status"] [data-value="unread"]').click();
    await page.waitForURL(/filter=is%3Aunread$/);
    await page.close();
  });

  it('sorts by source, alphabetically with the articles that name none last, and filters by a source facet', async () => {
    const page = await sourced.open();
    await waitForRows(page, [DUNES, WELLS, SCHOOL, GRAIN, MILLET]);
    await page.getByTestId('sort-select').selectOption('source');
    // Within a source, the newest first.
    await waitForRows(page, [WELLS, SCHOOL, DUNES, GRAIN, MILLET]);
    assert.match(page.url(), /sort=source/);

    const sources = page.getByTestId('facets').locator('[data-facet="sources"]').getByTestId('facet-value');
    await eventually(
      async () => (await sources.allInnerTexts()).map((text) => /^(.+?)\s+(\d+)/.exec(text)?.slice(1).join(' ')),
      // Counted, the most first; the articles without a source are "Unknown".
      ['Agadez Herald 2', 'Unknown 2', 'Sahel Weekly 1'],
    );
    await sources.filter({ hasText: 'Agadez Herald' }).click();
    await page.getByTestId('library-count').filter({ hasText: '2 articles' }).waitFor();
    await waitForRows(page, [WELLS, SCHOOL]);
    assert.deepEqual(await rowTitles(page), [WELLS, SCHOOL]);
    const address = new URLSearchParams(new URL(page.url()).hash.split('?')[1]);
    assert.equal(address.get('filter'), 'source:"Agadez Herald"');
    assert.equal(address.get('sort'), 'source');
    await page.close();
  });
});
