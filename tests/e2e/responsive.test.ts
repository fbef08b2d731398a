import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { SAMPLE, longArticle, selectInReader, startApp, waitForApi, writeArticles, type E2E } from './support.ts';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'en-US' };

/** Fails when the page scrolls sideways, naming the elements that stick out on the right. */
async function assertNoSidewaysScroll(page: Page, view: string): Promise<void> {
  const { scrollWidth, clientWidth, wide } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const wide = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className} (${element.getBoundingClientRect().right}px)`,
      );
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
  assert.ok(scrollWidth <= clientWidth, `${view}: ${scrollWidth} px wide in ${clientWidth} px; ${wide.join(', ')}`);
}

/** Fails unless the element comes to rest whole inside the 360 px screen (panels slide in). */
async function assertOnScreen(locator: Locator, what: string): Promise<void> {
  await locator.waitFor();
  const deadline = Date.now() + 5_000;
  for (;;) {
    const box = await locator.boundingBox();
    const fits = box !== null && box.width > 0 && box.height > 0 && box.x >= 0 && box.x + box.width <= 360;
    if (fits || Date.now() > deadline) {
      assert.ok(fits, `${what} fits across the screen (${JSON.stringify(box)})`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An open dialog fits the screen and has nothing to scroll sideways inside it. */
async function assertDialogFits(dialog: Locator, what: string): Promise<void> {
  await assertOnScreen(dialog, what);
  const inside = await dialog.evaluate((element) => element.scrollWidth - element.clientWidth);
  assert.ok(inside <= 0, `${what} scrolls sideways by ${inside} px`);
}

describe('the layout on a 360 px phone screen (serve + Chromium)', () => {
  let app: E2E;

  before(async () => {
    app = await startApp([writeArticles([...SAMPLE, longArticle('report.txt', 'The long river report')])]);
  });

  after(async () => {
    await app?.close();
  });

  it('lists, searches, reads and highlights at 360 px with nothing wider than the screen', async () => {
    const page = await app.open(PHONE);
    await page.getByTestId('library-item').nth(5).waitFor();
    await assertNoSidewaysScroll(page, 'library');
    await assertOnScreen(page.getByTestId('sort-select'), 'the sort');
    await assertOnScreen(page.getByTestId('library-item').first(), 'a row');

    // The sidebar is behind the menu button, and its links are on screen once opened.
    await assertOnScreen(page.getByTestId('menu-button'), 'the menu button');
    await page.getByTestId('menu-button').tap();
    await assertOnScreen(page.getByTestId('nav-notebook'), 'the notebook link');
    await assertNoSidewaysScroll(page, 'library with the menu open');
    await page.getByTestId('new-collection').tap();
    await assertDialogFits(page.getByTestId('collection-dialog'), 'the collection dialog');
    await assertNoSidewaysScroll(page, 'collection dialog');
    await page.keyboard.press('Escape');
    await page.getByTestId('collection-dialog').waitFor({ state: 'hidden' });

    await page.goto(`${app.server.url}#/`);
    const search = page.getByTestId('search-input');
    await assertOnScreen(search, 'the search box');
    await search.tap();
    await page.keyboard.type('harvest');
    await page.keyboard.press('Enter');
    await page.getByTestId('result-item').first().waitFor();
    await assertNoSidewaysScroll(page, 'search results');
    await assertOnScreen(page.getByTestId('result-item').first(), 'a result');
    await page.locator('.facets-toggle').tap();
    await page.locator('.facets[data-expanded="true"]').getByTestId('facet-value').first().waitFor();
    await assertNoSidewaysScroll(page, 'search results with the facets unfolded');
    await page.getByTestId('search-help-button').tap();
    await assertOnScreen(page.getByTestId('search-help'), 'the query help');
    await assertNoSidewaysScroll(page, 'query help');
    await page.getByTestId('search-help-close').tap();

    await page.getByTestId('result-item').filter({ hasText: SAMPLE[0]!.title }).getByRole('link').first().tap();
    await page.getByTestId('reader-body').waitFor();
    await assertNoSidewaysScroll(page, 'reader');
    for (const control of ['back-button', 'reader-bookmark', 'reader-tags', 'reader-settings']) {
      await assertOnScreen(page.getByTestId(control), control);
    }
    await page.getByTestId('reader-settings').tap();
    await assertOnScreen(page.getByTestId('reader-settings-panel'), 'the reader settings');
    await assertNoSidewaysScroll(page, 'reader settings');
    await page.keyboard.press('Escape');
    await page.getByTestId('reader-settings-panel').waitFor({ state: 'hidden' });

    await page.getByTestId('reader-tags').tap();
    await assertDialogFits(page.getByTestId('tag-editor'), 'the tag editor');
    await page.keyboard.press('Escape');
    await page.getByTestId('tag-editor').waitFor({ state: 'hidden' });

    await selectInReader(page, 'the price of millet has doubled');
    await assertOnScreen(page.getByTestId('highlight-yellow'), 'the highlight colours');
    await page.keyboard.press('h');
    const dialog = page.getByTestId('highlight-dialog');
    await assertDialogFits(dialog, 'the highlight dialog');
    await assertNoSidewaysScroll(page, 'highlight dialog');
    await page.getByTestId('highlight-note').fill('Second poor year');
    await waitForApi(page, 'updateHighlight', () => page.getByTestId('highlight-save').tap());
    await dialog.waitFor({ state: 'hidden' });
    await page.context().close();
  });

  it('shows the notebook, settings and shortcuts at 360 px with nothing wider than the screen', async () => {
    const page = await app.open({ ...PHONE, hash: '#/notebook' });
    await page.getByRole('heading', { name: 'Notebook', level: 1 }).waitFor();
    await assertNoSidewaysScroll(page, 'notebook');
    await assertOnScreen(page.getByTestId('notebook-search'), 'the notebook search');

    await page.goto(`${app.server.url}#/settings`);
    await page.getByTestId('archive-stats').waitFor();
    await page.getByTestId('backup-settings').waitFor();
    await assertNoSidewaysScroll(page, 'settings');
    await assertOnScreen(page.getByTestId('language-select'), 'the language choice');

    await page.keyboard.press('?');
    await assertDialogFits(page.getByTestId('shortcuts-dialog'), 'the shortcuts dialog');
    await assertNoSidewaysScroll(page, 'shortcuts dialog');
    await page.context().close();
  });
});
