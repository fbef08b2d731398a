import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  SAMPLE,
  eventually,
  longArticle,
  selectInReader,
  startApp,
  waitForApi,
  writeArticles,
  type E2E,
} from './support.ts';

const LONG = longArticle('report.txt', 'The long river report');
const PASSAGE = 'Paragraph 31 of the long report';

describe('highlights, notes and the notebook (serve + Chromium)', () => {
  let app: E2E;

  before(async () => {
    app = await startApp([writeArticles([...SAMPLE, LONG])]);
  });

  after(async () => {
    await app?.close();
  });

  it('highlights a selection with a note, keeps it, and leads back to it from the notebook', async () => {
    const page = await app.open();
    await page.getByTestId('library-title').filter({ hasText: LONG.title }).click();
    await page.getByTestId('reader-body').waitFor();

    // Select a passage deep in the article: the toolbar offers colours and a note.
    await page.locator('p[data-start]').nth(30).scrollIntoViewIfNeeded();
    await selectInReader(page, PASSAGE);
    const toolbar = page.getByTestId('selection-toolbar');
    await toolbar.waitFor();
    const added = await waitForApi(page, 'addHighlight', () => toolbar.getByTestId('highlight-with-note').click());
    // The offsets are the passage's in the article's text.
    const text = `${LONG.paragraphs.join('\n\n')}`;
    assert.equal(added.start, text.indexOf(PASSAGE));
    assert.equal(added.end, text.indexOf(PASSAGE) + PASSAGE.length);

    const dialog = page.getByTestId('highlight-dialog');
    await dialog.waitFor();
    assert.equal(await dialog.getByTestId('highlight-quote').innerText(), PASSAGE);
    await dialog.getByTestId('highlight-note').fill('The August flood, again');
    await dialog.getByRole('radio', { name: 'green' }).check();
    await waitForApi(page, 'updateHighlight', () => dialog.getByTestId('highlight-save').click());
    const mark = page.getByTestId('highlight');
    assert.equal(await mark.innerText(), PASSAGE);
    await eventually(async () => /hl-green/.test((await mark.getAttribute('class')) ?? ''), true);

    // A second highlight, yellow, from the colour buttons.
    await selectInReader(page, 'Paragraph 2 of the long report');
    await waitForApi(page, 'addHighlight', () => toolbar.getByTestId('highlight-yellow').click());
    await page.getByTestId('highlight').nth(1).waitFor();

    // Both are kept: after a reload they are still there.
    await page.reload();
    await page.getByTestId('highlight').nth(1).waitFor();

    // The notebook lists them, newest first, and finds one by its note.
    await page.goto(`${app.server.url}#/notebook`);
    await page.getByTestId('notebook-entry').nth(1).waitFor();
    assert.deepEqual(await page.getByTestId('notebook-quote').allInnerTexts(), [
      'Paragraph 2 of the long report',
      PASSAGE,
    ]);
    await page.getByTestId('notebook-search').fill('august flood');
    await page.getByTestId('notebook-count').filter({ hasText: '1 highlight' }).waitFor();
    const entry = page.getByTestId('notebook-entry');
    assert.match(await entry.getByTestId('notebook-note').innerText(), /The August flood, again$/);
    assert.equal(await entry.getByTestId('notebook-link').innerText(), LONG.title);

    // Its link opens the article at the highlight.
    await entry.getByTestId('notebook-link').click();
    const target = page.locator(`[data-highlight-id="${String(added.id ?? '')}"], .hl.flash`).first();
    await page.locator('.hl.flash').waitFor();
    assert.equal(await page.locator('.hl.flash').innerText(), PASSAGE);
    const box = await target.boundingBox();
    const viewport = page.viewportSize()!;
    assert.ok(
      box && box.y > 0 && box.y + box.height < viewport.height,
      `the highlight is on screen (${JSON.stringify(box)})`,
    );
    assert.match(page.url(), /#\/article\/\d+\?hl=\d+$/);

    // Back goes to the notebook.
    await page.getByTestId('back-button').click();
    await page.getByTestId('notebook-entry').first().waitFor();
    await page.close();
  });

  it('edits and deletes a highlight by clicking it, and keeps a note on the whole article', async () => {
    const page = await app.open();
    await page.getByTestId('library-title').filter({ hasText: SAMPLE[0]!.title }).click();
    await page.getByTestId('reader-body').waitFor();
    await selectInReader(page, 'millet harvest would fall short');
    await waitForApi(page, 'addHighlight', () => page.getByTestId('highlight-blue').click());
    await page.getByTestId('highlight').click();
    const dialog = page.getByTestId('highlight-dialog');
    await waitForApi(page, 'deleteHighlight', () => dialog.getByTestId('highlight-delete').click());
    await page.getByTestId('highlight').waitFor({ state: 'detached' });

    await page.getByTestId('reader-note').click();
    await page.getByTestId('note-input').fill('Compare with the 2023 figures.');
    await waitForApi(page, 'setArticleNote', () => page.getByTestId('note-save').click());
    await page.getByTestId('article-note').filter({ hasText: 'Compare with the 2023 figures.' }).waitFor();
    await page.reload();
    await page.getByTestId('article-note').filter({ hasText: 'Compare with the 2023 figures.' }).waitFor();
    await page.close();
  });
});
