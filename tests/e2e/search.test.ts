import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page, Request } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { startServe, type ServeProcess } from '../helpers/serve.ts';
import { ROOT, fixture, tempArchivePath } from '../helpers/temp.ts';

// Articles with a full date in their text (2022, 2023, 2024), in English and French. They live apart
// from tests/fixtures/articles, which other tests import whole and count.
const DATED = join(ROOT, 'tests', 'e2e', 'fixtures');

const MILLET = 'Millet harvest falls short across the Niger valley'; // 9 September 2022
const GRAIN = 'Village grain stores help families through the lean season'; // 3 March 2023
const PUMPS = 'Solar pumps bring irrigation to market gardens'; // 14 June 2024
const BAMAKO = 'À Bamako, le festival des musiques du fleuve rassemble des artistes de toute la région';
const SOLAR = 'Regional cooperation brings solar power to rural clinics';

type ApiCall = { method: string; args: Record<string, unknown> };

/** Every archive call the page makes, in order. */
function recordApiCalls(page: Page): ApiCall[] {
  const calls: ApiCall[] = [];
  page.on('request', (request) => {
    const call = apiCall(request);
    if (call) calls.push(call);
  });
  return calls;
}

/** Waits until the page has made a call like this (perhaps already). */
async function waitForCall(page: Page, calls: ApiCall[], like: (call: ApiCall) => boolean): Promise<void> {
  while (!calls.some(like)) await page.waitForEvent('request');
}

function apiCall(request: Request): ApiCall | null {
  const method = /\/api\/(\w+)$/.exec(request.url())?.[1];
  return method ? { method, args: (request.postDataJSON() ?? {}) as Record<string, unknown> } : null;
}

const isSearch = (query: string, asYouType: boolean) => (request: Request) => {
  const call = apiCall(request);
  return call?.method === 'search' && call.args.query === query && call.args.asYouType === asYouType;
};

/** Waits until the result titles are exactly these, in this order. */
async function waitForTitles(page: Page, titles: string[]): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      JSON.stringify(
        [...document.querySelectorAll('[data-testid="result-title"]')].map((title) => title.textContent?.trim()),
      ) === expected,
    JSON.stringify(titles),
  );
}

async function searchFor(page: Page, query: string): Promise<void> {
  await page.getByTestId('search-input').fill(query);
  await page.getByTestId('search-input').press('Enter');
}

describe('searching in the app (serve + Chromium)', () => {
  let browser: Browser;
  let server: ServeProcess;

  before(async () => {
    const archive = tempArchivePath();
    const paths = [
      fixture('bamako-festival.txt'),
      fixture('solar-cooperation.txt'),
      fixture('arabic-cooperation.txt'),
      fixture('sahel-water.md'),
      DATED,
    ];
    const imported = runCli(['import', ...paths, '--archive', archive]);
    assert.equal(imported.status, 0, imported.stderr);
    server = await startServe(archive);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows results while the query is typed, its last word read as a prefix, and searches whole words on Enter', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    const calls = recordApiCalls(page);
    await page.goto(server.url);
    await page.getByTestId('library-item').first().waitFor();

    // "clini" is no word of the archive: only as the start of "clinics" does it find anything.
    await page.getByTestId('search-input').pressSequentially('clini', { delay: 20 });
    await page.waitForURL(/#\/search\?q=clini$/);
    await page.getByTestId('result-item').filter({ hasText: SOLAR }).waitFor();
    const typed = calls.filter((call) => call.method === 'search');
    assert.ok(typed.length > 0 && typed.every((call) => call.args.asYouType === true), JSON.stringify(typed));
    // The facets come after the results, and count the same articles: the word as a prefix.
    await waitForCall(page, calls, (call) => call.method === 'searchFacets' && call.args.query === 'clini*');
    const searched = calls.findIndex((call) => call.method === 'search' && call.args.query === 'clini');
    const counted = calls.findIndex((call) => call.method === 'searchFacets' && call.args.query === 'clini*');
    assert.ok(searched !== -1 && searched < counted, 'facets are asked for after the results');

    const whole = page.waitForRequest(isSearch('clini', false));
    await page.getByTestId('search-input').press('Enter');
    await whole;
    await page.close();
  });

  it('sorts the results by date, newest or oldest first, and keeps the order in the address', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(`${server.url}#/search?q=harvest`);
    await page.getByTestId('result-item').first().waitFor();
    const select = page.getByTestId('sort-select');
    assert.equal(await select.inputValue(), 'relevance');
    // The title and three mentions put the 2022 article first by relevance.
    assert.equal(await page.getByTestId('result-title').first().innerText(), MILLET);

    await select.selectOption('newest');
    await waitForTitles(page, [PUMPS, GRAIN, MILLET]);
    assert.match(page.url(), /#\/search\?q=harvest&sort=newest$/);

    await select.selectOption('oldest');
    await waitForTitles(page, [MILLET, GRAIN, PUMPS]);
    assert.match(page.url(), /&sort=oldest$/);

    await page.reload();
    await waitForTitles(page, [MILLET, GRAIN, PUMPS]);
    assert.equal(await page.getByTestId('sort-select').inputValue(), 'oldest');

    // A new query keeps the order chosen.
    await searchFor(page, 'harvest OR grain');
    await page.waitForURL(/q=harvest\+OR\+grain&sort=oldest$/);
    await page.close();
  });

  it('narrows the results to a language from its facet, and widens them again', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(server.url);
    await searchFor(page, 'cooperation');
    const count = page.getByTestId('result-count');
    await count.filter({ hasText: '4 results' }).waitFor();

    const facets = (query: string) => page.locator(`[data-testid="facets"][data-query="${query}"]`);
    const languages = facets('cooperation').locator('[data-testid="facet-group"][data-facet="languages"]');
    const french = languages.getByTestId('facet-value').filter({ hasText: 'French' });
    assert.match(await french.innerText(), /French\s*2/);
    assert.equal(await french.getAttribute('aria-pressed'), 'false');
    await french.click();

    await count.filter({ hasText: '2 results' }).waitFor();
    assert.equal(await page.getByTestId('search-input').inputValue(), 'cooperation lang:fr');
    assert.match(page.url(), /q=cooperation\+lang%3Afr$/);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="result-title"]')].every(
        (title) => title.getAttribute('lang') === 'fr',
      ),
    );
    // The facets of the narrowed query show French as active, and clicking it takes its filter out again.
    const active = facets('cooperation lang:fr')
      .locator('[data-testid="facet-group"][data-facet="languages"]')
      .getByTestId('facet-value')
      .filter({ hasText: 'French' });
    assert.equal(await active.getAttribute('aria-pressed'), 'true');
    await active.click();
    await count.filter({ hasText: '4 results' }).waitFor();
    assert.equal(await page.getByTestId('search-input').inputValue(), 'cooperation');
    await page.close();
  });

  it('goes on with articles that have only some of the words, after a separator', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(server.url);
    // "festival" is in one article; "xylophone" in none.
    await searchFor(page, 'festival xylophone');
    const notice = page.getByTestId('relaxed-notice');
    await notice.waitFor();
    assert.equal(await notice.innerText(), 'No article has every word — these have some of them');
    assert.equal(await page.getByTestId('result-list').count(), 0);
    const partial = page.getByTestId('result-list-partial').getByTestId('result-item');
    assert.equal(await partial.count(), 1);
    assert.equal(await partial.getByTestId('result-title').innerText(), BAMAKO);
    assert.equal(await partial.getByTestId('partial-match').innerText(), 'Some words');

    // With one article having both words, the separator comes after it.
    await searchFor(page, 'cooperation festival');
    await notice.filter({ hasText: 'No more articles have every word — these have some of them' }).waitFor();
    const full = page.getByTestId('result-list').getByTestId('result-item');
    assert.equal(await full.count(), 1);
    assert.equal(await full.getByTestId('result-title').innerText(), BAMAKO);
    assert.equal(await full.getByTestId('partial-match').count(), 0);
    const rest = page.getByTestId('result-list-partial').getByTestId('result-item');
    assert.equal(await rest.count(), 3);
    assert.equal(await rest.getByTestId('partial-match').count(), 3);
    // In the page, the separator stands between the two lists.
    assert.ok(
      await notice.evaluate(
        (element) =>
          element.previousElementSibling?.getAttribute('data-testid') === 'result-list' &&
          element.nextElementSibling?.getAttribute('data-testid') === 'result-list-partial',
      ),
    );
    await page.close();
  });

  it('offers the corrected spelling of a query that finds nothing, and searches it when clicked', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(server.url);
    await searchFor(page, 'festivl');
    const suggestion = page.getByTestId('suggestion');
    await suggestion.waitFor();
    assert.equal(await suggestion.innerText(), 'Did you mean festival?');
    await page.getByTestId('empty-state').waitFor();

    await suggestion.getByRole('link', { name: 'festival' }).click();
    await page.getByTestId('result-item').filter({ hasText: BAMAKO }).waitFor();
    assert.equal(await page.getByTestId('search-input').inputValue(), 'festival');
    assert.match(page.url(), /q=festival$/);
    assert.equal(await suggestion.count(), 0);
    await page.close();
  });

  it('opens the query help from its button, closes it with Esc, and focuses the search box on / and Ctrl+K', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(server.url);
    await page.getByTestId('library-item').first().waitFor();
    const help = page.getByTestId('search-help');
    const opener = page.getByRole('button', { name: 'Search help' });
    assert.equal(await help.isVisible(), false);

    await opener.click();
    await page.getByRole('dialog', { name: 'Searching the archive' }).waitFor();
    assert.ok(await help.evaluate((dialog) => dialog.contains(document.activeElement)), 'focus is in the dialog');
    assert.match(await help.innerText(), /lang:fr/);
    assert.match(await help.innerText(), /after:2024-03/);

    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    assert.ok(await opener.evaluate((button) => button === document.activeElement), 'focus is back on the button');

    // Its close button works too, in French.
    const french = await browser.newPage({ locale: 'fr-FR' });
    await french.goto(server.url);
    await french.getByRole('button', { name: 'Aide à la recherche' }).click();
    await french.getByRole('dialog', { name: 'Rechercher dans l’archive' }).waitFor();
    await french.getByRole('button', { name: 'Fermer' }).click();
    await french.getByTestId('search-help').waitFor({ state: 'hidden' });
    await french.close();

    const input = page.getByTestId('search-input');
    const inputFocused = () => input.evaluate((element) => element === document.activeElement);
    await page.keyboard.press('Control+k');
    assert.ok(await inputFocused(), 'Ctrl+K focuses the search box');
    await input.blur();
    assert.equal(await inputFocused(), false);
    await page.keyboard.press('/');
    assert.ok(await inputFocused(), '/ focuses the search box');
    assert.equal(await input.inputValue(), '', 'the slash is not typed');
    await page.close();
  });

  it('drops the answer to a query the user has already typed past', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    // Answers for "festival" are held back until "solar" has been answered and shown.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const held: Promise<unknown>[] = [];
    await page.route('**/api/search', async (route) => {
      if ((route.request().postDataJSON() as { query?: string }).query === 'festival') {
        held.push(page.waitForEvent('requestfinished', (request) => request === route.request()));
        await released;
      }
      await route.continue();
    });
    await page.goto(server.url);
    await searchFor(page, 'festival');
    await searchFor(page, 'solar');
    await waitForTitles(page, [PUMPS, SOLAR]);
    assert.ok(held.length > 0, 'the "festival" search was sent');
    release();
    await Promise.all(held);
    // Both late answers have arrived; the list still shows the last query's results.
    await waitForTitles(page, [PUMPS, SOLAR]);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Results for “solar”');
    await page.close();
  });

  it('says "10,000+" when the archive has more matches than it counts', async () => {
    for (const [locale, expected] of [
      ['en-US', '10,000+ results'],
      ['fr-FR', '10\u202f000+ résultats'],
    ] as const) {
      const page = await browser.newPage({ locale });
      // The core answers 10,001 for "more than 10,000"; no test archive is that big.
      await page.route('**/api/search', async (route) => {
        const response = await route.fetch();
        const envelope = (await response.json()) as { ok: boolean; value: { total: number } };
        envelope.value.total = 10_001;
        await route.fulfill({ response, json: envelope });
      });
      await page.goto(`${server.url}#/search?q=cooperation`);
      await page.getByTestId('result-count').filter({ hasText: expected }).waitFor();
      await page.close();
    }
  });

  it('marks a publication date read from the text as estimated, in either language', async () => {
    const english = await browser.newPage({ locale: 'en-GB' });
    await english.goto(`${server.url}#/search?q=festival`);
    const date = english.getByTestId('result-item').filter({ hasText: BAMAKO }).getByTestId('estimated-date');
    await date.waitFor();
    assert.equal(await date.innerText(), 'c. 12 Jan 2024');
    assert.equal(await date.getAttribute('datetime'), '2024-01-12');
    assert.match((await date.getAttribute('title')) ?? '', /read from the article’s text/);
    await english.getByTestId('result-item').getByRole('link').first().click();
    await english.getByTestId('reader-meta').waitFor();
    assert.match(await english.getByTestId('reader-meta').innerText(), /Published c\. 12 Jan 2024/);
    await english.close();

    const french = await browser.newPage({ locale: 'fr-FR' });
    await french.goto(`${server.url}#/search?q=festival`);
    const frenchDate = french.getByTestId('result-item').getByTestId('estimated-date');
    await frenchDate.waitFor();
    assert.equal(await frenchDate.innerText(), 'vers le 12 janv. 2024');
    await french.close();
  });
});
