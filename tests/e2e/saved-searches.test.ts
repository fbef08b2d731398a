import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SAMPLE, importInto, startApp, waitForApi, writeArticles, type E2E } from './support.ts';

describe('saved and recent searches (serve + Chromium)', () => {
  let app: E2E;

  before(async () => {
    app = await startApp([writeArticles(SAMPLE)]);
  });

  after(async () => {
    await app?.close();
  });

  it('saves a search, counts its new matches after an import, and resets the count when opened', async () => {
    const page = await app.open();
    await page.getByTestId('search-input').fill('harvest');
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('result-item').first().waitFor();
    await page.getByTestId('save-search').click();
    const dialog = page.getByTestId('save-search-dialog');
    assert.equal(await dialog.getByTestId('saved-name-input').inputValue(), 'harvest');
    await dialog.getByTestId('saved-name-input').fill('Harvests');
    await waitForApi(page, 'saveSearch', () => dialog.getByTestId('saved-confirm').click());
    const saved = page.getByTestId('saved-search').filter({ hasText: 'Harvests' });
    await saved.waitFor();
    assert.equal(await saved.getByTestId('saved-new-count').count(), 0);
    await page.getByTestId('search-saved').waitFor();

    // New articles about the harvest arrive from the command line, while the app is open.
    importInto(app.archive, [
      writeArticles([
        {
          file: 'sorghum.txt',
          title: 'Sorghum harvest begins early in Zinder',
          paragraphs: ['The sorghum harvest began two weeks early in Zinder this year.'],
        },
        {
          file: 'onions.txt',
          title: 'Onion prices fall after a good harvest',
          paragraphs: ['A good onion harvest brought prices down in the markets of Galmi.'],
        },
        { file: 'unrelated.txt', title: 'A new bridge over the river', paragraphs: ['The bridge opened on Monday.'] },
      ]),
    ]);
    await page.goto(app.server.url);
    const count = page.getByTestId('saved-search').filter({ hasText: 'Harvests' }).getByTestId('saved-new-count');
    await count.waitFor();
    assert.equal(await count.locator('[aria-hidden="true"]').innerText(), '2');
    assert.equal(await count.locator('.visually-hidden').textContent(), '2 new matches');

    await waitForApi(page, 'openSavedSearch', () =>
      page.getByTestId('saved-search').filter({ hasText: 'Harvests' }).getByTestId('saved-search-open').click(),
    );
    await page.waitForURL(/#\/search\?q=harvest$/);
    await page.getByTestId('result-item').filter({ hasText: 'Sorghum harvest' }).waitFor();
    await count.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('saved-search').first().waitFor();
    assert.equal(await page.getByTestId('saved-new-count').count(), 0);

    // Deleting asks first.
    await page.getByTestId('saved-search-delete').click();
    await waitForApi(page, 'deleteSavedSearch', () =>
      page.getByTestId('confirm-delete-saved').getByTestId('confirm-button').click(),
    );
    await page.getByTestId('saved-search').waitFor({ state: 'detached' });
    await page.close();
  });

  it('saves a filtered library as a search, which opens the library with its filters', async () => {
    const page = await app.open({ hash: '#/?filter=lang%3Afr' });
    await page.getByTestId('library-item').first().waitFor();
    await page.getByTestId('save-search').click();
    await page.getByTestId('saved-name-input').fill('En français');
    await waitForApi(page, 'saveSearch', () => page.getByTestId('saved-confirm').click());
    await page.goto(app.server.url);
    await page.getByTestId('saved-search').filter({ hasText: 'En français' }).getByTestId('saved-search-open').click();
    await page.waitForURL(/#\/\?filter=lang%3Afr$/);
    await page.getByTestId('library-count').filter({ hasText: '2 articles' }).waitFor();
    await page.close();
  });

  it('lists recent searches under the search box', async () => {
    const page = await app.open();
    const input = page.getByTestId('search-input');
    for (const query of ['millet', 'festival']) {
      await input.fill(query);
      await input.press('Enter');
      await page.getByTestId('result-item').first().waitFor();
    }
    await input.fill('');
    await input.blur();
    await input.focus();
    const recent = page.getByTestId('recent-searches');
    await recent.waitFor();
    assert.deepEqual(await recent.getByTestId('recent-search').allInnerTexts(), ['festival', 'millet']);
    // Chosen with the keyboard.
    await input.press('ArrowDown');
    await input.press('ArrowDown');
    await input.press('Enter');
    await page.waitForURL(/q=millet$/);
    await page.reload();
    await input.focus();
    assert.deepEqual(await recent.getByTestId('recent-search').allInnerTexts(), ['millet', 'festival']);
    await page.close();
  });
});
