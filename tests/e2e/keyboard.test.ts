import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { SAMPLE, eventually, selectInReader, startApp, waitForApi, writeArticles, type E2E } from './support.ts';

const focusedTitle = (page: Page) =>
  page.evaluate(
    () =>
      document.activeElement?.closest('[data-row-article]')?.querySelector('[data-nav-item]')?.textContent?.trim() ??
      null,
  );

/** Presses Tab (or Shift+Tab) until an element matching the CSS selector has the focus; fails after `most` presses. */
async function tabTo(page: Page, selector: string, key = 'Tab', most = 60): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) === true, selector)) return;
  }
  assert.fail(`${selector} is not reached with ${most} presses of Tab`);
}

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

  it('highlights the selected text with h, and asks for a selection first', async () => {
    const page = await app.open();
    await page.getByTestId('library-title').filter({ hasText: SAMPLE[1]!.title }).click();
    await page.getByTestId('reader-body').waitFor();
    await page.keyboard.press('h');
    await page.getByText('Select some text first').waitFor();
    assert.equal(await page.getByTestId('highlight').count(), 0);

    await selectInReader(page, 'lend millet and sorghum');
    await page.getByTestId('selection-toolbar').waitFor();
    const added = await waitForApi(page, 'addHighlight', () => page.keyboard.press('h'));
    assert.equal(added.color, 'yellow');
    // h also opens the note of the new highlight; Esc leaves it without one.
    const dialog = page.getByTestId('highlight-dialog');
    await dialog.waitFor();
    assert.equal(await dialog.getByTestId('highlight-quote').innerText(), 'lend millet and sorghum');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const mark = page.getByTestId('highlight');
    assert.equal(await mark.innerText(), 'lend millet and sorghum');
    assert.match((await mark.getAttribute('class')) ?? '', /hl-yellow/);

    await page.reload();
    await page.getByTestId('highlight').filter({ hasText: 'lend millet and sorghum' }).waitFor();
    await page.close();
  });

  it('searches, opens, bookmarks, tags and reaches settings with Tab, Enter and Space only', async () => {
    const page = await app.open();
    await page.getByTestId('library-item').first().waitFor();

    await tabTo(page, '[data-testid="search-input"]');
    await page.keyboard.type('irrigation');
    await page.keyboard.press('Enter');
    await page.getByTestId('result-item').first().waitFor();
    await tabTo(page, '[data-testid="result-item"] a[data-nav-item]');
    await page.keyboard.press('Enter');
    await page.getByTestId('reader-title').filter({ hasText: SAMPLE[2]!.title }).waitFor();

    await tabTo(page, '[data-testid="reader-bookmark"]');
    await waitForApi(page, 'setBookmarked', () => page.keyboard.press('Space'));
    await eventually(() => page.getByTestId('reader-bookmark').getAttribute('aria-pressed'), 'true');

    await tabTo(page, '[data-testid="reader-tags"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('tag-editor').waitFor();
    await page.keyboard.type('solar');
    await waitForApi(page, 'setTags', () => page.keyboard.press('Enter'));
    await page.keyboard.press('Escape');
    await page.getByTestId('tag-editor').waitFor({ state: 'hidden' });
    await page.getByTestId('reader-tag-list').filter({ hasText: 'solar' }).waitFor();

    // The reader keeps the sidebar folded away: the menu button, back before the article, opens it.
    await tabTo(page, '[data-testid="menu-button"]', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-testid="nav-settings"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('archive-stats').waitFor();
    await tabTo(page, '[data-testid="language-select"]');
    await page.close();
  });
});
