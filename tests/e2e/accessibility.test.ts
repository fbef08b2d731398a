import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { SAMPLE, selectInReader, seriousViolations, startApp, waitForApi, writeArticles, type E2E } from './support.ts';

const THEMES = ['light', 'dark'] as const;

function describeViolations(violations: Awaited<ReturnType<typeof seriousViolations>>): string {
  return violations
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n  ')}`,
    )
    .join('\n');
}

async function check(page: Page, view: string): Promise<void> {
  const violations = await seriousViolations(page);
  assert.equal(violations.length, 0, `${view}:\n${describeViolations(violations)}`);
}

describe('accessibility of every view, light and dark (axe-core, serve + Chromium)', () => {
  let app: E2E;

  before(async () => {
    app = await startApp([writeArticles(SAMPLE)]);
    // A highlight with a note, so that the notebook and the reader show one.
    const page = await app.open();
    await page.getByTestId('library-title').filter({ hasText: SAMPLE[0]!.title }).click();
    await page.getByTestId('reader-body').waitFor();
    await selectInReader(page, 'millet harvest would fall short');
    await waitForApi(page, 'addHighlight', () => page.getByTestId('highlight-green').click());
    await page.context().close();
  });

  after(async () => {
    await app?.close();
  });

  for (const colorScheme of THEMES) {
    it(`has no serious or critical violations in the ${colorScheme} theme`, async () => {
      const context = await app.browser.newContext({ locale: 'en-US', colorScheme, bypassCSP: true });
      const page = await context.newPage();

      await page.goto(app.server.url);
      await page.getByTestId('library-item').nth(4).waitFor();
      await page.getByTestId('facets').locator('[data-facet="status"]').waitFor();
      await check(page, 'library');
      await page.getByTestId('export-bundle').click();
      await page.getByTestId('bundle-estimate').waitFor();
      await check(page, 'bundle dialog');
      await page.keyboard.press('Escape');
      await page.getByTestId('library-export').click();
      await page.getByTestId('library-export-dialog').waitFor();
      await check(page, 'library export dialog');
      await page.keyboard.press('Escape');

      await page.getByTestId('search-input').fill('harvest');
      await page.getByTestId('search-input').press('Enter');
      await page.getByTestId('result-item').first().waitFor();
      await page.getByTestId('facets').waitFor();
      await check(page, 'search');

      await page.getByTestId('result-item').filter({ hasText: SAMPLE[0]!.title }).getByRole('link').click();
      await page.getByTestId('highlight').waitFor();
      await page.getByTestId('hit-nav').waitFor();
      await check(page, 'reader');
      await page.getByTestId('reader-settings').click();
      await page.getByTestId('reader-settings-panel').waitFor();
      await check(page, 'reader settings');
      await page.keyboard.press('Escape');
      await page.getByTestId('reader-tags').click();
      await page.getByTestId('tag-editor').waitFor();
      await check(page, 'tag editor');
      await page.keyboard.press('Escape');
      await page.getByTestId('reader-export').click();
      await page.getByTestId('citation-text').waitFor();
      await check(page, 'citation and export dialog');
      await page.keyboard.press('Escape');

      await page.goto(`${app.server.url}#/notebook`);
      await page.getByTestId('notebook-entry').waitFor();
      await check(page, 'notebook');

      await page.goto(`${app.server.url}#/settings`);
      await page.getByTestId('archive-stats').waitFor();
      await page.getByTestId('backup-settings').waitFor();
      await page.getByTestId('import-run').first().waitFor();
      await check(page, 'settings');

      await page.keyboard.press('?');
      await page.getByTestId('shortcuts-dialog').waitFor();
      await check(page, 'shortcuts');
      await page.keyboard.press('Escape');

      await page.getByTestId('import-run-open').first().click();
      await page.getByTestId('import-summary').waitFor();
      await check(page, 'import report');
      await context.close();
    });
  }
});
