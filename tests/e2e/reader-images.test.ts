import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { tempDir } from '../helpers/temp.ts';
import { eventually, selectInReader, seriousViolations, startApp, waitForApi, type E2E } from './support.ts';

// A 4 × 3 PNG, orange.
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGM4YSMCRww4OQAIlg0hfKYJdwAAAABJRU5ErkJggg==';
const TITLE = 'The harbour at dawn';
const FIRST = 'The fishing boats come back to the harbour before sunrise, heavy with the night’s catch of sardines.';
const CAPTION = 'Boats unloading at the north quay.';
const SECOND =
  'Traders wait on the quay with ice and crates, and the auction starts as soon as the first boat is tied up.';
const THIRD = 'By noon the quay is washed down and the nets are spread out to dry in the sun.';
// The article's text as the importer keeps it: the caption is a paragraph of it.
const TEXT = [FIRST, CAPTION, SECOND, THIRD].join('\n\n');
const REMOTE = 'http://127.0.0.1:1/x.png';

/** A page as SingleFile saves it: its image inlined, and one it could not inline still pointing at the network. */
function writeSingleFilePage(): string {
  const dir = tempDir('archive-reader-images-');
  writeFileSync(
    join(dir, 'harbour.html'),
    `<!DOCTYPE html> <html lang="en"><!--
 Page saved with SingleFile
 url: https://news.example.org/harbour
 saved date: Wed Nov 25 2026 10:00:00 GMT+0100 (Central European Standard Time)
--><head><meta charset="utf-8"><title>${TITLE}</title></head>
<body><article><h1>${TITLE}</h1>
<p>${FIRST}</p>
<figure><img src="${PNG}" alt="Boats at the quay" width="240" height="180"><figcaption>${CAPTION}</figcaption></figure>
<p>${SECOND}</p>
<p><img src="${REMOTE}" alt="remote"> ${THIRD}</p>
</article></body></html>`,
  );
  return dir;
}

/** Every request the page makes that is not to the app's own origin (data: URLs are not requests). */
function foreignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}

async function openArticle(page: Page): Promise<void> {
  await page.getByTestId('library-title').filter({ hasText: TITLE }).click();
  await page.getByTestId('reader-body').locator('p[data-start]').first().waitFor();
}

describe('images in the reader, from the archive only (serve + Chromium)', () => {
  let app: E2E;
  let origin: string;

  before(async () => {
    app = await startApp([writeSingleFilePage()]);
    origin = new URL(app.server.url).origin;
  });

  after(async () => {
    await app?.close();
  });

  it('shows the inlined image after its paragraph, with its caption, and nothing from the network', async () => {
    const context = await app.browser.newContext({ locale: 'en-US', viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const foreign = foreignRequests(page, origin);
    await page.goto(app.server.url);
    await openArticle(page);

    const figure = page.getByTestId('reader-figure');
    await figure.waitFor();
    assert.equal(await figure.count(), 1, 'one image: the remote one is not shown');
    const image = figure.locator('img');
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="reader-figure"] img') as HTMLImageElement | null)?.naturalWidth === 4,
    );
    assert.equal(await image.getAttribute('alt'), 'Boats at the quay');
    assert.equal(await image.getAttribute('src'), PNG);
    assert.ok((await image.boundingBox())!.height > 0, 'the image takes its place on the page');
    assert.equal((await page.getByTestId('reader-figure-caption').innerText()).trim(), CAPTION);

    // In reading order: the first paragraph, the figure, then the rest of the text.
    const order = await page
      .getByTestId('reader-body')
      .evaluate((body) =>
        [...body.children].map((child) => (child.localName === 'figure' ? '[figure]' : (child.textContent ?? ''))),
      );
    assert.deepEqual(order, [FIRST, '[figure]', SECOND, THIRD]);
    assert.equal(await page.locator(`img[src="${REMOTE}"]`).count(), 0);

    // Highlights after the image still land on their text, and so does one on the caption.
    const phrase = 'the auction starts';
    await selectInReader(page, phrase);
    const toolbar = page.getByTestId('selection-toolbar');
    await toolbar.waitFor();
    const added = await waitForApi(page, 'addHighlight', () => toolbar.getByTestId('highlight-yellow').click());
    assert.deepEqual([added.start, added.end], [TEXT.indexOf(phrase), TEXT.indexOf(phrase) + phrase.length]);
    await eventually(() => page.getByTestId('highlight').first().innerText(), phrase);

    await selectInReader(page, 'north quay');
    await toolbar.waitFor();
    const onCaption = await waitForApi(page, 'addHighlight', () => toolbar.getByTestId('highlight-green').click());
    assert.deepEqual(
      [onCaption.start, onCaption.end],
      [TEXT.indexOf('north quay'), TEXT.indexOf('north quay') + 'north quay'.length],
    );
    await eventually(() => figure.getByTestId('highlight').innerText(), 'north quay');

    // After a reload the highlights come back in the same places, around the same image.
    await page.reload();
    await page.getByTestId('highlight').nth(1).waitFor();
    assert.deepEqual(await page.getByTestId('highlight').allInnerTexts(), ['north quay', phrase]);
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="reader-figure"] img') as HTMLImageElement | null)?.naturalWidth === 4,
    );

    assert.deepEqual(foreign, [], 'no request left the app’s origin');
    await context.close();
  });

  it('has no serious or critical accessibility violation with its image, in either theme', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      // axe is injected as a script, which the page's CSP would refuse.
      const context = await app.browser.newContext({ locale: 'en-US', colorScheme, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(app.server.url);
      await openArticle(page);
      await page.getByTestId('reader-figure').waitFor();
      const violations = await seriousViolations(page);
      assert.deepEqual(
        violations.map((violation) => `${violation.id}: ${violation.help}`),
        [],
        colorScheme,
      );
      await context.close();
    }
  });

  it('in text-only mode (?lite) shows no image and loads none', async () => {
    const context = await app.browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const foreign = foreignRequests(page, origin);
    const images: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'image') images.push(request.url());
    });
    await page.goto(`${app.server.url}?lite`);
    await openArticle(page);
    assert.equal(await page.getByTestId('reader-body').locator('p[data-start]').count(), 4);
    assert.equal(await page.getByTestId('reader-figure').count(), 0);
    assert.equal(await page.locator('[data-testid="reader-body"] img').count(), 0);
    // The caption is still read, as the paragraph of the text it is.
    assert.equal(await page.getByTestId('reader-body').locator('p', { hasText: CAPTION }).count(), 1);
    assert.deepEqual(images, []);
    assert.deepEqual(foreign, []);
    await context.close();
  });
});
