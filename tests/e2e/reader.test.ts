import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/temp.ts';
import {
  SAMPLE,
  eventually,
  longArticle,
  startApp,
  waitForApi,
  writeArticles,
  writeHtmlArticle,
  type E2E,
} from './support.ts';

const LONG = longArticle('report.txt', 'The long river report');
const ARABIC = {
  file: 'arabic.txt',
  title: 'النيجر وروسيا تعززان التعاون العسكري',
  paragraphs: ['أعلنت النيجر وروسيا عن تعزيز التعاون العسكري بين البلدين في مجال الدفاع الجوي والتدريب.'],
};

describe('reading an article (serve + Chromium)', () => {
  let app: E2E;

  before(async () => {
    const dir = writeArticles([...SAMPLE, LONG, ARABIC]);
    const page = readFileSync(writeHtmlArticle(dir), 'utf8');
    // The same story republished by another site under its own title: linked to it, not stored again.
    writeFileSync(
      join(dir, 'zz-syndicated-dunes.html'),
      page
        .replaceAll('Dune walkers of the Aïr', 'The salt caravans still cross the Aïr')
        .replace('https://news.example.org/dunes', 'https://desert-wire.example/caravans')
        .replace('Sahel Weekly', 'Desert Wire'),
    );
    // A page saved by Chrome as MHTML: its Date header says when it was captured.
    copyFileSync(join(ROOT, 'tests/fixtures/html/tahoua-kiosks.mhtml'), join(dir, 'tahoua-kiosks.mhtml'));
    app = await startApp([dir]);
  });

  after(async () => {
    await app?.close();
  });

  it('remembers where the reader stopped and goes back there after a reload', async () => {
    const page = await app.open({ viewport: { width: 1000, height: 700 } });
    await page.getByTestId('library-title').filter({ hasText: LONG.title }).click();
    await page.getByTestId('reader-body').waitFor();
    const paragraph = page.locator('p[data-start]').nth(24);
    const saved = await waitForApi(page, 'setReadingPosition', async () => {
      await paragraph.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await page.mouse.wheel(0, 1);
    });
    assert.ok(Number(saved.position) > 0);
    // Scrolling into an unread article makes it "reading".
    await page.getByTestId('reader-status').and(page.locator('select')).filter({ hasText: 'Reading' }).waitFor();
    await page.waitForFunction(
      () => (document.getElementById('reader-status') as HTMLSelectElement).value === 'reading',
    );

    await page.reload();
    await page.getByTestId('reader-body').waitFor();
    await page.waitForFunction(() => window.scrollY > 500);
    const top = await paragraph.evaluate((element) => element.getBoundingClientRect().top);
    const inset = await page
      .getByTestId('reader-toolbar')
      .evaluate((element) => element.getBoundingClientRect().bottom);
    assert.ok(Math.abs(top - inset) < 40, `paragraph 25 is back at the top (${top} vs ${inset})`);
    await page.close();
  });

  it('marks an article read when the reader reaches its end, and shows the progress', async () => {
    const page = await app.open({ viewport: { width: 1000, height: 700 } });
    await page.getByTestId('library-title').filter({ hasText: LONG.title }).click();
    await page.getByTestId('reader-body').waitFor();
    await waitForApi(
      page,
      'setReadStatus',
      async () => {
        await page.mouse.move(500, 400);
        for (let i = 0; i < 40 && !(await page.getByTestId('read-state').count()); i++) await page.mouse.wheel(0, 2000);
      },
      (args) => args.status === 'read',
    );
    await page.getByTestId('read-state').waitFor();
    assert.equal(await page.getByTestId('reading-progress').getAttribute('aria-valuenow'), '100');
    await page.close();
  });

  it('shows the metadata, and opens the original page only after confirming', async () => {
    const page = await app.open({ locale: 'en-GB' });
    // The original page is "on the web": here its address answers from the test, not the network.
    await page.context().route('https://news.example.org/**', (route) => route.fulfill({ body: 'original' }));
    await page.getByTestId('library-title').filter({ hasText: 'Dune walkers' }).click();
    const meta = page.getByTestId('reader-meta');
    await meta.waitFor();
    const text = await meta.innerText();
    for (const part of ['Sahel Weekly', 'By Amina Diallo', 'Published 2 May 2024', 'Imported', 'English']) {
      assert.ok(text.includes(part), `${part} in "${text}"`);
    }

    await page.getByTestId('open-original').click();
    const confirm = page.getByTestId('confirm-original');
    await confirm.waitFor();
    assert.equal(await confirm.getByTestId('original-url').innerText(), 'https://news.example.org/dunes');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });

    await page.getByTestId('open-original').click();
    const [popup] = await Promise.all([page.waitForEvent('popup'), confirm.getByTestId('confirm-button').click()]);
    await popup.waitForLoadState();
    assert.equal(popup.url(), 'https://news.example.org/dunes');
    // No way back to the archive from the opened page.
    assert.equal(await popup.evaluate(() => window.opener), null);
    await page.close();
  });

  it('shows when a saved page was captured, and no capture date for a plain text file', async () => {
    const page = await app.open({ locale: 'en-GB' });
    await page.getByTestId('library-title').filter({ hasText: 'Solar kiosks bring light to Tahoua markets' }).click();
    const captured = page.getByTestId('captured-date');
    await captured.waitFor();
    assert.equal(await captured.innerText(), 'Captured 4 Jun 2024');
    await page.goBack();
    await page.getByTestId('library-title').filter({ hasText: SAMPLE[0]!.title }).click();
    await page.getByTestId('reader-meta').waitFor();
    assert.equal(await page.getByTestId('captured-date').count(), 0);
    await page.close();
  });

  it('lists the other copies of a story an import linked to it, folded away until asked for', async () => {
    const page = await app.open();
    await page.getByTestId('library-title').filter({ hasText: 'Dune walkers' }).click();
    const copies = page.getByTestId('reader-copies');
    await copies.waitFor();
    assert.equal(await copies.locator('summary').innerText(), '1 other copy');
    assert.equal(await copies.getByTestId('reader-copy').isVisible(), false, 'folded');
    await copies.locator('summary').click();
    const copy = copies.getByTestId('reader-copy');
    await copy.waitFor();
    const text = await copy.innerText();
    for (const part of [
      'The salt caravans still cross the Aïr',
      'Desert Wire',
      'https://desert-wire.example/caravans',
    ]) {
      assert.ok(text.includes(part), `${part} in "${text}"`);
    }
    assert.match(text, /zz-syndicated-dunes\.html/);
    // An article nobody copied shows no such list.
    await page.goBack();
    await page.getByTestId('library-title').filter({ hasText: 'Millet harvest' }).click();
    await page.getByTestId('reader-meta').waitFor();
    assert.equal(await page.getByTestId('reader-copies').count(), 0);
    await page.close();
  });

  it('marks the search’s word forms and moves between them', async () => {
    const page = await app.open();
    await page.getByTestId('search-input').fill('irrigation');
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('result-item').first().getByRole('link').first().click();
    await page.getByTestId('hit-nav').waitFor();
    // The title has the word too; the body has it twice, in two forms.
    assert.equal(await page.getByTestId('hit-count').innerText(), '1 of 2');
    assert.deepEqual(await page.locator('mark.hit').allInnerTexts(), ['Irrigation', 'irrigation']);
    assert.equal(await page.locator('mark.hit-current').innerText(), 'Irrigation');
    await page.getByTestId('hit-next').click();
    assert.equal(await page.getByTestId('hit-count').innerText(), '2 of 2');
    assert.equal(await page.locator('mark.hit-current').innerText(), 'irrigation');
    // n goes on (round to the first), Shift+N goes back.
    await page.keyboard.press('n');
    assert.equal(await page.getByTestId('hit-count').innerText(), '1 of 2');
    await page.keyboard.press('Shift+N');
    assert.equal(await page.getByTestId('hit-count').innerText(), '2 of 2');
    await page.close();
  });

  it('spaces the lines as chosen, and keeps the spacing after a reload', async () => {
    const page = await app.open();
    await page.getByTestId('library-title').filter({ hasText: SAMPLE[0]!.title }).click();
    const leading = () =>
      page.getByTestId('reader-body').evaluate((body) => {
        const style = getComputedStyle(body);
        return Math.round((parseFloat(style.lineHeight) / parseFloat(style.fontSize)) * 100) / 100;
      });
    assert.equal(await leading(), 1.7);
    await page.getByTestId('reader-settings').click();
    const spacing = page.getByTestId('reader-settings-panel').getByTestId('setting-lineHeight');
    await spacing.getByText('Loose').click();
    await eventually(leading, 1.95);
    await spacing.getByText('Compact').click();
    await eventually(leading, 1.45);
    const lines = await page.getByTestId('reader-body').evaluate((body) => body.getBoundingClientRect().height);

    await page.reload();
    await page.getByTestId('reader-body').waitFor();
    assert.equal(await leading(), 1.45);
    assert.equal(await page.getByTestId('reader-body').evaluate((body) => body.getBoundingClientRect().height), lines);
    await page.close();
  });

  it('sets the text and theme, keeps them, and writes Arabic right to left', async () => {
    const page = await app.open({ colorScheme: 'light' });
    await page.getByTestId('library-title').filter({ hasText: SAMPLE[0]!.title }).click();
    await page.getByTestId('reader-settings').click();
    const panel = page.getByTestId('reader-settings-panel');
    const size = () => page.getByTestId('reader-body').evaluate((body) => getComputedStyle(body).fontSize);
    assert.equal(await size(), '19px');
    await panel.getByTestId('font-larger').click();
    assert.equal(await size(), '20px');
    await panel.getByText('Sans serif').click();
    await panel.getByTestId('setting-lineWidth').getByText('Wide').click();
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'light');
    await panel.getByTestId('setting-theme').getByText('Sepia').click();
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'sepia');
    await panel.getByTestId('setting-theme').getByText('Dark').click();
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(await background(), 'rgb(24, 25, 27)');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });

    await page.reload();
    await page.getByTestId('reader-body').waitFor();
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
    assert.equal(await size(), '20px');
    assert.match((await page.getByTestId('reader').getAttribute('class')) ?? '', /reader-font-sans/);

    await page.goto(app.server.url);
    await page.getByTestId('library-title').filter({ hasText: ARABIC.title }).click();
    const reader = page.getByTestId('reader');
    await reader.waitFor();
    assert.equal(await reader.getAttribute('dir'), 'rtl');
    assert.equal(await reader.getAttribute('lang'), 'ar');
    assert.equal(await page.getByTestId('reader-body').evaluate((body) => getComputedStyle(body).direction), 'rtl');
    await page.close();
  });
});
