import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { writeSyntheticArticles } from '../archive/safety/synthetic.ts';
import { tempDir } from '../helpers/temp.ts';
import { longFeed } from '../helpers/long-feed.ts';
import { dropFiles, eventually, openAsDesktop, SAMPLE, startApp, writeArticles, type E2E } from './support.ts';

const number = async (page: Page, attribute: string) =>
  Number(await page.getByTestId('import-progressbar').getAttribute(attribute));

describe('import jobs in the UI: progress, cancel and reports (serve + Chromium)', () => {
  let app: E2E;
  let folder: string;

  before(async () => {
    app = await startApp([writeArticles(SAMPLE.slice(0, 2))]);
    folder = tempDir('archive-reader-jobs-');
    const many = writeSyntheticArticles(join(folder, 'many'), 300);
    writeFileSync(join(many, 'zz-empty.txt'), '');
    writeFileSync(join(many, 'zz-slides.odp'), 'not an article');
    writeSyntheticArticles(join(folder, 'more'), 2000, 7);
    writeFileSync(join(folder, 'long.rss'), longFeed(6000));
  });

  after(async () => {
    await app?.close();
  });

  it('shows a dropped folder’s progress, then the report with the failures explained', async () => {
    const page = await openAsDesktop(app, folder);
    await page.getByTestId('library-count').filter({ hasText: '2 articles' }).waitFor();

    await dropFiles(page, ['many']);

    const panel = page.getByTestId('import-panel');
    const bar = panel.getByRole('progressbar');
    await bar.waitFor();
    await page.waitForFunction(
      () => Number(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuemax')) === 302,
    );
    assert.equal(await number(page, 'aria-valuemin'), 0);
    assert.ok((await number(page, 'aria-valuenow')) <= 302);
    assert.match((await bar.getAttribute('aria-valuetext')) ?? '', /^\d+ of 302 files$/);
    assert.match(await panel.getByTestId('import-progress-text').innerText(), /of 302 files/);
    await panel.getByTestId('import-cancel').waitFor();

    await panel.getByTestId('import-summary').waitFor({ timeout: 180_000 });
    assert.deepEqual(await panel.getByTestId('import-summary').locator('li').allInnerTexts(), [
      '300 imported',
      '0 already in the archive',
      '1 skipped (not a supported type)',
      '1 failed',
    ]);
    const failed = panel.locator('[data-testid=import-group][data-status=failed]');
    assert.equal(await failed.getAttribute('open'), '', 'failures are shown opened');
    assert.match(await failed.locator('summary').innerText(), /Failed \(1\)/);
    assert.match(
      await failed.getByTestId('import-problem').innerText(),
      /zz-empty\.txt[\s\S]*Failed — the file is empty/,
    );
    const skipped = panel.locator('[data-testid=import-group][data-status=skipped]');
    assert.match(
      (await skipped.getByTestId('import-problem').textContent()) ?? '',
      /zz-slides\.odp.*Skipped — not a supported/,
    );
    await page.getByTestId('library-count').filter({ hasText: '302 articles' }).waitFor();
    await panel.getByTestId('import-close').click();
    await panel.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('follows an import main started, cancels it, and reopens its report from Settings', async () => {
    const page = await openAsDesktop(app, folder);
    await page.getByTestId('library-count').waitFor();

    // What main does for File → Import…: startImport (allowed from loopback), then tell the page.
    const jobId = await page.evaluate(
      async (path) => {
        const response = await fetch('/api/startImport', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ paths: [path] }),
        });
        const { jobId } = ((await response.json()) as { value: { jobId: number } }).value;
        (window as unknown as { __changed: ((change: object) => void)[] }).__changed.forEach((listener) =>
          listener({ reason: 'import-started', jobId }),
        );
        return jobId;
      },
      join(folder, 'more'),
    );
    assert.equal(jobId, 3, 'the third run of this archive (the set-up import and the first test came first)');

    const panel = page.getByTestId('import-panel');
    await panel.getByRole('progressbar').waitFor();
    await page.waitForFunction(
      () => Number(document.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')) >= 20,
      undefined,
      { timeout: 120_000 },
    );
    await panel
      .getByTestId('import-current')
      .filter({ hasText: /Reading \d+\.txt/ })
      .waitFor();
    // Past the first items, the rate is known and so is the time left.
    assert.match(await panel.getByTestId('import-progress-text').innerText(), /[\d.,]+ items a second/);
    await panel
      .getByTestId('import-eta')
      .filter({ hasText: /^about .+ left$/ })
      .waitFor();
    await panel.getByTestId('import-cancel').click();

    await panel.getByRole('heading', { name: 'Import cancelled' }).waitFor({ timeout: 60_000 });
    const summary = await panel.getByTestId('import-summary').locator('li').allInnerTexts();
    const imported = Number(/^(\d[\d,]*) imported$/.exec(summary[0] ?? '')?.[1]?.replace(/,/g, ''));
    assert.ok(imported >= 20 && imported < 2000, summary.join(' | '));
    const left = summary.find((line) => /not read/.test(line)) ?? '';
    assert.match(left, /^[\d,]+ not read \(the import was cancelled\): import the same files again to finish$/);
    assert.equal(imported + Number(left.split(' ')[0]?.replace(/,/g, '')), 2000);
    const notRead = panel.locator('[data-testid=import-group][data-status=cancelled]');
    await notRead.locator('summary').click();
    await eventually(() => notRead.getByTestId('import-problem').count(), 100);
    await notRead.getByRole('button', { name: 'Show more' }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-status=cancelled] [data-testid=import-problem]').length > 100,
    );
    await panel.getByTestId('import-close').click();

    await page.goto(`${app.server.url}#/settings`);
    const history = page.getByTestId('import-history');
    const runs = history.getByTestId('import-run');
    await runs.first().waitFor();
    assert.equal(await runs.count(), 3);
    assert.equal(await runs.first().getAttribute('data-status'), 'cancelled');
    assert.match(await runs.first().innerText(), /cancelled/);
    await runs.nth(1).getByTestId('import-run-open').click();
    await panel.getByTestId('import-summary').filter({ hasText: '300 imported' }).waitFor();
    await page.context().close();
  });

  it('shows how far into one long file the import is', async () => {
    const page = await openAsDesktop(app, folder);
    await page.getByTestId('library-count').waitFor();
    await dropFiles(page, ['long.rss']);
    const panel = page.getByTestId('import-panel');
    await panel
      .getByTestId('import-current')
      .filter({ hasText: /^Reading long\.rss: \d+% of it, [\d,]+ items so far$/ })
      .waitFor({ timeout: 60_000 });
    await panel.getByTestId('import-summary').waitFor({ timeout: 120_000 });
    await page.context().close();
  });
});
