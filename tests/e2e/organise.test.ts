import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SAMPLE, eventually, startApp, waitForApi, waitForRows, writeArticles, type E2E } from './support.ts';

const MILLET = SAMPLE[0]!.title;
const GRAIN = SAMPLE[1]!.title;
const PUMPS = SAMPLE[2]!.title;

describe('organising articles: bookmarks, tags, collections (serve + Chromium)', () => {
  let app: E2E;

  before(async () => {
    app = await startApp([writeArticles(SAMPLE)]);
  });

  after(async () => {
    await app?.close();
  });

  it('bookmarks from the list and from the reader, and lists the bookmarks', async () => {
    const page = await app.open();
    const row = page.getByTestId('library-item').filter({ hasText: MILLET });
    await waitForApi(page, 'setBookmarked', () => row.getByTestId('bookmark-toggle').click());
    await eventually(() => row.getByTestId('bookmark-toggle').getAttribute('aria-pressed'), 'true');

    await page.getByTestId('library-title').filter({ hasText: GRAIN }).click();
    const toggle = page.getByTestId('reader-bookmark');
    await toggle.waitFor();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await waitForApi(page, 'setBookmarked', () => toggle.click());
    await eventually(() => toggle.getAttribute('aria-pressed'), 'true');

    await page.getByTestId('menu-button').click();
    await page.getByTestId('nav-bookmarks').click();
    await waitForRows(page, [GRAIN, MILLET]);
    assert.equal(await page.getByTestId('library-item').count(), 2);
    assert.match(page.url(), /filter=is%3Abookmarked/);

    // Taken off again from the list, it stays off after a reload.
    await waitForApi(page, 'setBookmarked', () =>
      page.getByTestId('library-item').filter({ hasText: MILLET }).getByTestId('bookmark-toggle').click(),
    );
    await page.reload();
    await waitForRows(page, [GRAIN]);
    assert.equal(await page.getByTestId('library-item').count(), 1);
    await page.close();
  });

  it('tags articles with suggestions from the archive’s tags, and filters by two tags at once', async () => {
    const page = await app.open();
    // The first article gets two new tags, typed.
    await page.getByTestId('library-title').filter({ hasText: MILLET }).click();
    await page.getByTestId('reader-tags').click();
    const editor = page.getByTestId('tag-editor');
    await editor.waitFor();
    const input = editor.getByTestId('tag-input');
    await waitForApi(page, 'setTags', async () => {
      await input.fill('sahel');
      await input.press('Enter');
    });
    await waitForApi(page, 'setTags', async () => {
      await input.fill('food security');
      await input.press('Enter');
    });
    // The archive keeps an article's tags in alphabetical order.
    await eventually(() => editor.getByTestId('tag-chip').allInnerTexts(), ['food security', 'sahel']);
    await editor.getByTestId('tag-done').click();
    await page.getByTestId('reader-tag-list').filter({ hasText: 'food security' }).waitFor();
    await page.getByTestId('back-button').click();

    // The second gets one of them, chosen from the suggestions.
    await page.getByTestId('library-title').filter({ hasText: GRAIN }).click();
    await page.getByTestId('reader-tags').click();
    await editor.waitFor();
    await editor.getByTestId('tag-input').fill('sa');
    const suggestion = editor.getByTestId('tag-suggestion').filter({ hasText: 'sahel' });
    await suggestion.waitFor();
    await editor.getByTestId('tag-input').press('ArrowDown');
    await waitForApi(page, 'setTags', () => editor.getByTestId('tag-input').press('Enter'));
    await eventually(() => editor.getByTestId('tag-chip').allInnerTexts(), ['sahel']);
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'hidden' });

    // The third gets "sahel" too, with the t key.
    await page.getByTestId('back-button').click();
    await page.getByTestId('library-title').filter({ hasText: PUMPS }).click();
    await page.getByTestId('reader-title').waitFor();
    await page.keyboard.press('t');
    await editor.waitFor();
    await waitForApi(page, 'setTags', async () => {
      await editor.getByTestId('tag-input').fill('Sahel');
      await editor.getByTestId('tag-input').press('Enter');
    });
    await page.keyboard.press('Escape');
    await page.getByTestId('back-button').click();

    // The tag facet counts them; two tags together keep only the article that has both.
    const tags = page.getByTestId('facets').locator('[data-facet="tags"]');
    const sahel = tags.getByTestId('facet-value').filter({ hasText: /^sahel/i });
    await sahel.filter({ hasText: '3' }).waitFor();
    await sahel.click();
    await page.getByTestId('library-count').filter({ hasText: '3 articles' }).waitFor();
    await tags.getByTestId('facet-value').filter({ hasText: 'food security' }).click();
    await page.getByTestId('library-count').filter({ hasText: '1 article' }).waitFor();
    await waitForRows(page, [MILLET]);
    assert.deepEqual(await page.getByTestId('filter-chip').allInnerTexts(), ['tag:sahel', 'tag:"food security"']);
    assert.deepEqual(await page.getByTestId('library-item').getByTestId('item-tag').allInnerTexts(), [
      'food security',
      'sahel',
    ]);
    await page.close();
  });

  it('makes nested collections in the sidebar, puts an article in several, and lists a collection', async () => {
    const page = await app.open();
    await page.getByTestId('library-item').first().waitFor();
    await page.getByTestId('new-collection').click();
    const dialog = page.getByTestId('collection-dialog');
    await dialog.getByTestId('collection-name').fill('Agriculture');
    await waitForApi(page, 'createCollection', () => dialog.getByTestId('collection-save').click());
    await page.getByTestId('collection-link').filter({ hasText: 'Agriculture' }).waitFor();

    await page.getByTestId('new-collection').click();
    await dialog.getByTestId('collection-name').fill('Harvests');
    await dialog.getByTestId('collection-parent').selectOption({ label: 'Agriculture' });
    await waitForApi(page, 'createCollection', () => dialog.getByTestId('collection-save').click());
    await page.getByTestId('collection-link').filter({ hasText: 'Harvests' }).waitFor();
    assert.deepEqual(await page.getByTestId('collection-link').locator('.nav-label').allInnerTexts(), [
      'Agriculture',
      'Harvests',
    ]);

    // An article in both collections, from the reader's picker.
    await page.getByTestId('library-title').filter({ hasText: MILLET }).click();
    await page.getByTestId('reader-collections').click();
    const picker = page.getByTestId('collection-picker');
    await waitForApi(page, 'setArticleCollections', () => picker.getByRole('checkbox', { name: 'Harvests' }).check());
    await waitForApi(page, 'setArticleCollections', () =>
      picker.getByRole('checkbox', { name: 'Agriculture' }).check(),
    );
    await picker.getByRole('button', { name: 'Done' }).click();
    await page.getByTestId('reader-collection-list').filter({ hasText: 'Harvests' }).waitFor();
    await page.getByTestId('back-button').click();

    // A collection lists what it and its sub-collections hold.
    await page.getByTestId('collection-link').filter({ hasText: 'Harvests' }).click();
    await waitForRows(page, [MILLET]);
    assert.match(page.url(), /filter=collection%3AHarvests/);
    await page.getByTestId('collection-link').filter({ hasText: 'Agriculture' }).click();
    await page.getByTestId('library-count').filter({ hasText: '1 article' }).waitFor();
    await page.close();
  });
});
