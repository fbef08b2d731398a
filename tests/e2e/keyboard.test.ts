import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SAMPLE, eventually, startApp, waitForApi, writeArticles, type E2E } from './support.ts';

const focusedTitle = (page: import('playwright-core').Page) =>
  page.evaluate(
    () =>
      document.activeElement?.closest('[data-row-article]')?.querySelector('[data-nav-item]')?.textContent?.trim() ??
      null,
  );

describe('the keyboard alone (serve + Chromium)', () => {
  let app: E2E;

  before(async () => {
    app = await startApp([writeArticles(SAMPLE)]);
  });

  after(async () => {
    await app?.close();
  });

  it('moves with j and k, opens with Enter, bookmarks with b, tags with t, goes back with Esc', async () => {
    const page = await app.open();
    await page.getByTestId('library-item').nth(4).waitFor();
    // Newest first: 2024-06, 2024-01, 2023-10, 2023-03, 2022-09.
    await page.keyboard.press('j');
    assert.equal(await focusedTitle(page), SAMPLE[2]!.title);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    assert.equal(await focusedTitle(page), SAMPLE[3]!.title);
    await page.keyboard.press('k');
    assert.equal(await focusedTitle(page), SAMPLE[4]!.title);

    await waitForApi(page, 'setBookmarked', () => page.keyboard.press('b'));
    const row = page.getByTestId('library-item').filter({ hasText: SAMPLE[4]!.title });
    await eventually(() => row.getByTestId('bookmark-toggle').getAttribute('aria-pressed'), 'true');

    await page.keyboard.press('Enter');
    await page.getByTestId('reader-title').filter({ hasText: SAMPLE[4]!.title }).waitFor();
    await eventually(() => page.getByTestId('reader-bookmark').getAttribute('aria-pressed'), 'true');
    await waitForApi(page, 'setBookmarked', () => page.keyboard.press('b'));
    await eventually(() => page.getByTestId('reader-bookmark').getAttribute('aria-pressed'), 'false');

    await page.keyboard.press('t');
    await page.getByTestId('tag-editor').waitFor();
    await page.keyboard.type('culture');
    await waitForApi(page, 'setTags', () => page.keyboard.press('Enter'));
    await page.keyboard.press('Escape');
    await page.getByTestId('tag-editor').waitFor({ state: 'hidden' });
    await page.getByTestId('reader-tag-list').filter({ hasText: 'culture' }).waitFor();

    // Esc: back to the list, on the row of the article just read.
    await page.keyboard.press('Escape');
    await page.getByTestId('library-item').first().waitFor();
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-nav-item'));
    assert.equal(await focusedTitle(page), SAMPLE[4]!.title);
    await eventually(() => row.getByTestId('bookmark-toggle').getAttribute('aria-pressed'), 'false');
    await eventually(() => row.getByTestId('item-tag').allInnerTexts(), ['culture']);
    await page.close();
  });

  it('shows every shortcut with ?, and reaches the search box with /', async () => {
    const page = await app.open();
    await page.getByTestId('library-item').first().waitFor();
    await page.keyboard.press('?');
    const dialog = page.getByTestId('shortcuts-dialog');
    await dialog.waitFor();
    const text = await dialog.innerText();
    for (const part of ['Next article', 'Bookmark', 'Edit tags', 'Highlight the selected text', 'Back to the list']) {
      assert.ok(text.includes(part), part);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.keyboard.press('/');
    await page.keyboard.type('festival');
    await page.keyboard.press('Enter');
    await page.getByTestId('result-item').first().waitFor();
    // Out of the box (Esc), j and Enter open the first result.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByTestId('reader-title').waitFor();
    assert.match(page.url(), /#\/article\/\d+\?q=festival$/);
    await page.close();
  });

  it('reaches the notebook and settings from the sidebar with Tab alone', async () => {
    const page = await app.open();
    await page.getByTestId('library-item').first().waitFor();
    let found = false;
    for (let i = 0; i < 15 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'nav-notebook');
    }
    assert.ok(found, 'the notebook link is reached with Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Notebook', level: 1 }).waitFor();
    await page.close();
  });
});
