import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { startServe, type ServeProcess } from '../helpers/serve.ts';
import { SHARED, fixture, tempArchivePath } from '../helpers/temp.ts';

const SEED = join(SHARED, 'seed');
const hasSeed = existsSync(SEED) && readdirSync(SEED).some((name) => name.endsWith('.txt'));
const BOILERPLATE = ['Articles similaires', 'Bouton retour en haut de la page', 'Partager'];

/** Types a query as a user would, opens the result with the given title, and returns the reader's text. */
async function searchAndOpen(page: Page, query: string, title: string) {
  await page.getByTestId('search-input').fill(query);
  await page.getByTestId('search-input').press('Enter');
  const result = page.getByTestId('result-item').filter({ hasText: title });
  await result.first().waitFor();
  await result.getByRole('link').first().click();
  await page.getByTestId('reader-title').waitFor();
  return {
    title: await page.getByTestId('reader-title').innerText(),
    body: await page.getByTestId('reader-body').innerText(),
    meta: await page.getByTestId('reader-meta').innerText(),
  };
}

describe('reading an imported article in the app (serve + Chromium)', () => {
  let browser: Browser;
  let server: ServeProcess;

  before(async () => {
    const archive = tempArchivePath();
    const paths = [fixture('bamako-festival.txt'), fixture('solar-cooperation.txt'), ...(hasSeed ? [SEED] : [])];
    const imported = runCli(['import', ...paths, '--archive', archive]);
    assert.equal(imported.status, 0, imported.stderr);
    server = await startServe(archive);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds a French article from "cooperation" and shows it without the site chrome', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(server.url);
    const results = page.getByTestId('result-item');
    const reader = await searchAndOpen(page, 'cooperation', 'À Bamako');
    assert.equal(
      reader.title,
      'À Bamako, le festival des musiques du fleuve rassemble des artistes de toute la région',
    );
    assert.match(reader.body, /la coopération culturelle entre les villes du fleuve Niger/);
    assert.match(reader.body, /L’armée a assuré la sécurité des concerts/);
    for (const line of BOILERPLATE) assert.ok(!reader.body.includes(line), `"${line}" is gone`);
    assert.match(reader.meta, /French/);
    assert.equal(await page.getByTestId('reader').getAttribute('lang'), 'fr');

    await page.getByTestId('back-button').click();
    await results.first().waitFor();
    assert.equal(await page.getByTestId('search-input').inputValue(), 'cooperation');
    await page.close();
  });

  it('highlights every matched word form in the snippets', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(server.url);
    await page.getByTestId('search-input').fill('coopérations');
    await page.getByTestId('search-input').press('Enter');
    const snippet = page.getByTestId('result-item').filter({ hasText: 'À Bamako' }).getByTestId('result-snippet');
    await snippet.waitFor();
    assert.deepEqual(await snippet.locator('mark').allInnerTexts(), ['coopération']);
    await page.close();
  });

  it('speaks French to a French browser', async () => {
    const page = await browser.newPage({ locale: 'fr-FR' });
    await page.goto(server.url);
    await page.getByTestId('library-item').first().waitFor();
    assert.match((await page.locator('html').getAttribute('lang')) ?? '', /^fr/);
    const reader = await searchAndOpen(page, 'solaire OR solar', 'Regional cooperation');
    assert.match(reader.meta, /anglais/);
    await page.close();
  });

  it(
    'opens the seed article from "cooperation militaire" and leaves out its boilerplate',
    { skip: !hasSeed && 'needs ../shared/seed' },
    async () => {
      const page = await browser.newPage({ locale: 'fr-FR' });
      await page.goto(server.url);
      await page.getByTestId('search-input').fill('cooperation militaire');
      await page.getByTestId('search-input').press('Enter');
      const first = page.getByTestId('result-item').first();
      await first.waitFor();
      assert.equal(
        await first.getByTestId('result-title').innerText(),
        'Le Niger et la Russie renforcent leur coopération militaire',
      );
      assert.deepEqual(
        [
          ...new Set(
            (await first.getByTestId('result-snippet').locator('mark').allInnerTexts()).map((w) => w.toLowerCase()),
          ),
        ].sort(),
        ['coopération', 'militaire'],
      );
      await first.getByRole('link').first().click();
      await page.getByTestId('reader-title').waitFor();
      assert.equal(
        await page.getByTestId('reader-title').innerText(),
        'Le Niger et la Russie renforcent leur coopération militaire',
      );
      const body = await page.getByTestId('reader-body').innerText();
      assert.match(body, /Télé Sahel a annoncé que la Russie déploiera un système de défense antiaérienne/);
      assert.match(body, /anciennes puissances coloniales\.$/);
      for (const line of BOILERPLATE) assert.ok(!body.includes(line), `"${line}" is gone`);
      // The dates the story writes out, in French as the page speaks it.
      const dates = page.getByTestId('reader-dates');
      assert.equal(await dates.locator('summary').innerText(), '5 dates dans le texte');
      await dates.locator('summary').click();
      assert.deepEqual(await dates.getByTestId('reader-date').allInnerTexts(), [
        '10 avr. 2024',
        '26 mars 2024',
        'mars 2024',
        'janvier 2024',
        'décembre 2023',
      ]);
      await page.close();
    },
  );
});
