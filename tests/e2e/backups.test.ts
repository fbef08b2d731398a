import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { startServe, type ServeProcess } from '../helpers/serve.ts';
import { tempArchivePath, tempDir } from '../helpers/temp.ts';
import { leaveStaleMarker } from '../archive/safety/damage.ts';
import { importInto, SAMPLE, startApp, writeArticles, type E2E } from './support.ts';

describe('settings: backups, restore and check (serve + Chromium)', () => {
  let app: E2E;

  before(async () => {
    app = await startApp([writeArticles(SAMPLE)]);
  });

  after(async () => {
    await app?.close();
  });

  it('backs up, restores after a confirmation that says what happens, and checks the archive', async () => {
    const page = await app.open({ hash: '#/settings' });
    const section = page.getByTestId('backup-settings');
    await section.getByRole('heading', { name: 'Backups' }).waitFor();
    // serve takes a daily backup when it starts on an archive that has none.
    await section.getByTestId('backup-row').first().waitFor();
    const before = await section.getByTestId('backup-row').count();

    await section.getByTestId('backup-now').click();
    await section.getByTestId('backup-outcome').filter({ hasText: 'Backed up' }).waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="backup-row"]').length === n + 1, before);
    const manual = section.getByTestId('backup-row').filter({ hasText: 'made by hand' });
    assert.equal(await manual.count(), 1);
    assert.match(await manual.innerText(), /\d+(\.\d)? MB/);

    // After the backup: a new article. The restore takes it away again.
    const later = join(tempDir('archive-reader-e2e-later-'), 'later.txt');
    writeFileSync(
      later,
      'Un article importé après la sauvegarde\n\nLe texte de cet article arrive après la sauvegarde.\n',
    );
    const imported = await page.evaluate(async (path) => {
      const response = await fetch('/api/importPaths', { method: 'POST', body: JSON.stringify({ paths: [path] }) });
      return ((await response.json()) as { value: { imported: number } }).value.imported;
    }, later);
    assert.equal(imported, 1);

    await manual.getByTestId('restore-backup').click();
    const dialog = page.getByTestId('restore-dialog');
    await dialog.waitFor();
    const explanation = await dialog.innerText();
    assert.match(explanation, /will no longer be in it/);
    assert.match(explanation, /kept aside/);
    await dialog.getByTestId('confirm-button').click();
    const outcome = section.getByTestId('backup-outcome');
    await outcome.filter({ hasText: 'is restored' }).waitFor();
    assert.match(await outcome.innerText(), /\(5 articles\)/);
    const kept = readdirSync(dirname(app.archive)).filter((name) =>
      name.startsWith(`${basename(app.archive)}.replaced-`),
    );
    assert.equal(kept.length, 1, 'the replaced archive is kept beside it');
    assert.match(await outcome.innerText(), new RegExp(kept[0] as string));

    await section.getByTestId('check-archive').click();
    const result = section.getByTestId('check-result');
    await result.waitFor();
    assert.equal(await result.getAttribute('data-ok'), 'true');
    assert.match(await result.innerText(), /sound.*5 articles/);

    // The rest of the app answers from the restored archive.
    await page.getByTestId('stats-articles').filter({ hasText: '5' }).waitFor();
    await page.close();
  });

  it('is in French for a French browser', async () => {
    const page = await app.open({ locale: 'fr-FR', hash: '#/settings' });
    const section = page.getByTestId('backup-settings');
    await section.getByRole('heading', { name: 'Sauvegardes' }).waitFor();
    await section.getByTestId('restore-backup').first().click();
    assert.match(await page.getByTestId('restore-dialog').innerText(), /mise de côté/);
    await page.getByRole('button', { name: 'Annuler' }).click();
    await page.close();
  });
});

describe('the startup banner (serve + Chromium)', () => {
  let server: ServeProcess;
  let browser: Browser;

  before(async () => {
    const archive = tempArchivePath();
    importInto(archive, [writeArticles(SAMPLE)]);
    // As if the last session had been killed with the archive open.
    leaveStaleMarker(archive);
    server = await startServe(archive);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says once what opening the archive found after an unclean exit', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(server.url);
    const banner = page.getByTestId('startup-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /not closed properly[\s\S]*checked/);
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('library-count').waitFor();
    assert.equal(await banner.count(), 0, 'a dismissed report is not shown again');
    await context.close();
  });
});
