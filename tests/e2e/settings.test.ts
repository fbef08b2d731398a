import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { formatBytes } from '../../renderer/src/format.ts';
import { SAMPLE, startApp, writeArticles, type E2E } from './support.ts';

const sizeOf = (path: string) => statSync(path, { throwIfNoEntry: false })?.size ?? 0;

describe('settings: language, theme, archive (serve + Chromium)', () => {
  let app: E2E;

  before(async () => {
    app = await startApp([writeArticles(SAMPLE)]);
  });

  after(async () => {
    await app?.close();
  });

  it('switches the UI language over the browser’s, keeps it, and formats for it', async () => {
    const page = await app.open({ locale: 'en-US', hash: '#/settings' });
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    assert.equal(await page.getByTestId('stats-articles').innerText(), '5');
    // The archive's place and size, for this machine's own browser: the file and its write-ahead log.
    assert.equal(await page.getByTestId('stats-location').innerText(), app.archive);
    const bytes = sizeOf(app.archive) + sizeOf(`${app.archive}-wal`);
    assert.equal(await page.getByTestId('stats-size').innerText(), formatBytes(bytes, 'en-US'));
    assert.match(await page.getByTestId('stats-size').innerText(), /^\d+(\.\d)? (kB|MB)$/);
    // Every language is named in its own language, after "Automatic".
    assert.deepEqual(await page.getByTestId('language-select').locator('option').allInnerTexts(), [
      'Automatic',
      'English',
      'Français',
    ]);
    await page.getByTestId('language-select').selectOption('fr');
    await page.getByRole('heading', { name: 'Réglages', level: 1 }).waitFor();
    assert.match(await page.getByTestId('stats-size').innerText(), /^\d+(,\d)?\s(ko|Mo)$/);
    assert.equal(await page.getByTestId('language-select').locator('option').first().innerText(), 'Automatique');
    assert.match((await page.locator('html').getAttribute('lang')) ?? '', /^fr/);
    assert.equal(await page.getByTestId('nav-library').innerText(), 'Bibliothèque');

    await page.reload();
    await page.getByRole('heading', { name: 'Réglages', level: 1 }).waitFor();
    await page.getByTestId('nav-library').click();
    await page.getByTestId('library-count').filter({ hasText: '5 articles' }).waitFor();
    // Dates in French.
    assert.ok(
      (await page.getByTestId('library-item').allInnerTexts()).some((text) => /vers le 9 sept\. 2022/.test(text)),
      'a French date',
    );

    await page.goto(`${app.server.url}#/settings`);
    await page.getByTestId('language-select').selectOption('auto');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();

    // A French browser gets French by default, and English when asked for.
    const french = await app.open({ locale: 'fr-FR', hash: '#/settings' });
    await french.getByRole('heading', { name: 'Réglages', level: 1 }).waitFor();
    await french.getByTestId('language-select').selectOption('en');
    await french.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.close();
    await french.close();
  });

  it('chooses the theme, following the system until another is chosen', async () => {
    const page = await app.open({ colorScheme: 'dark', hash: '#/settings' });
    const theme = () => page.locator('html').getAttribute('data-theme');
    await page.getByTestId('setting-theme').waitFor();
    assert.equal(await theme(), 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    await page.getByTestId('setting-theme').getByText('Sepia').click();
    assert.equal(await theme(), 'sepia');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(241, 232, 214)');
    await page.reload();
    await page.getByTestId('setting-theme').waitFor();
    assert.equal(await theme(), 'sepia');
    assert.ok(await page.getByTestId('setting-theme').getByRole('radio', { name: 'Sepia' }).isChecked());
    await page.close();
  });
});
