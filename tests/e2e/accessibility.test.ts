import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { writeSyntheticArticles } from '../archive/safety/synthetic.ts';
import { tempDir } from '../helpers/temp.ts';
import {
  SAMPLE,
  dropFiles,
  openAsDesktop,
  selectInReader,
  seriousViolations,
  startApp,
  waitForApi,
  writeArticles,
  writeHtmlArticle,
  type E2E,
} from './support.ts';

const THEMES = ['light', 'dark'] as const;
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

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
  let empty: E2E;
  let folder: string;

  before(async () => {
    const articles = writeArticles(SAMPLE);
    writeHtmlArticle(articles);
    [app, empty] = await Promise.all([startApp([articles]), startApp([])]);
    // Enough files that an import is still running while it is checked; new ones for each theme.
    folder = tempDir('archive-reader-a11y-');
    THEMES.forEach((theme, seed) => writeSyntheticArticles(join(folder, theme), 2000, seed + 1));
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
    await empty?.close();
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
      await page.getByTestId('new-collection').click();
      await page.getByTestId('collection-dialog').waitFor();
      await check(page, 'collection dialog');
      await page.getByTestId('collection-name').fill(`Checked in ${colorScheme}`);
      await waitForApi(page, 'createCollection', () => page.getByTestId('collection-save').click());
      await page.getByRole('button', { name: `Edit the collection Checked in ${colorScheme}` }).click();
      await page.getByTestId('collection-dialog').getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('dialog').getByTestId('confirm-button').waitFor();
      await check(page, 'confirmation to delete a collection');
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      // Cancelling goes back to the collection's dialog.
      await page.getByTestId('collection-dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId('collection-dialog').waitFor({ state: 'hidden' });

      await page.getByTestId('search-input').fill('harvest');
      await page.getByTestId('search-input').press('Enter');
      await page.getByTestId('result-item').first().waitFor();
      await page.getByTestId('facets').waitFor();
      await check(page, 'search');

      await page.getByTestId('result-item').filter({ hasText: SAMPLE[0]!.title }).getByRole('link').click();
      await page.getByTestId('highlight').first().waitFor();
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
      // A passage of its own in each theme, not yet highlighted.
      await selectInReader(page, colorScheme === 'light' ? 'Families are storing' : 'before the lean season begins');
      await page.getByTestId('selection-toolbar').waitFor();
      await check(page, 'selection toolbar');
      await waitForApi(page, 'addHighlight', () => page.getByTestId('highlight-with-note').click());
      await page.getByTestId('highlight-dialog').waitFor();
      await check(page, 'highlight dialog');
      await page.keyboard.press('Escape');
      await page.getByTestId('highlight-dialog').waitFor({ state: 'hidden' });

      await page.goto(app.server.url);
      await page.getByTestId('library-title').filter({ hasText: 'Dune walkers' }).click();
      await page.getByTestId('open-original').click();
      await page.getByTestId('confirm-original').waitFor();
      await check(page, 'confirmation to open the original page');
      await page.keyboard.press('Escape');

      await page.goto(`${app.server.url}#/notebook`);
      await page.getByTestId('notebook-entry').first().waitFor();
      await check(page, 'notebook');

      await page.goto(`${app.server.url}#/settings`);
      await page.getByTestId('archive-stats').waitFor();
      await page.getByTestId('backup-settings').waitFor();
      await page.getByTestId('import-run').first().waitFor();
      await check(page, 'settings');
      await waitForApi(page, 'backupNow', () => page.getByTestId('backup-now').click());
      await page.getByTestId('restore-backup').first().click();
      await page.getByTestId('restore-dialog').waitFor();
      await check(page, 'confirmation to restore a backup');
      await page.keyboard.press('Escape');
      await page.getByTestId('restore-dialog').waitFor({ state: 'hidden' });

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

  for (const colorScheme of THEMES) {
    it(`has none on a 360 px phone screen in the ${colorScheme} theme`, async () => {
      const context = await app.browser.newContext({ locale: 'en-US', colorScheme, bypassCSP: true, ...PHONE });
      const page = await context.newPage();
      await page.goto(app.server.url);
      await page.getByTestId('library-item').nth(4).waitFor();
      await check(page, 'library at 360 px');
      await page.getByTestId('menu-button').tap();
      await page.getByTestId('nav-notebook').waitFor();
      await check(page, 'sidebar at 360 px');
      await page.keyboard.press('Escape');

      await page.getByTestId('search-input').fill('harvest');
      await page.getByTestId('search-input').press('Enter');
      await page.getByTestId('result-item').first().waitFor();
      await check(page, 'search at 360 px');
      await page.locator('.facets-toggle').tap();
      await page.locator('.facets[data-expanded="true"]').waitFor();
      await check(page, 'search facets at 360 px');

      await page.getByTestId('result-item').filter({ hasText: SAMPLE[0]!.title }).getByRole('link').first().tap();
      await page.getByTestId('reader-body').waitFor();
      await check(page, 'reader at 360 px');
      await page.getByTestId('reader-settings').tap();
      await page.getByTestId('reader-settings-panel').waitFor();
      await check(page, 'reader settings at 360 px');
      await page.keyboard.press('Escape');

      await page.goto(`${app.server.url}#/notebook`);
      await page.getByTestId('notebook-entry').first().waitFor();
      await check(page, 'notebook at 360 px');
      await page.goto(`${app.server.url}#/settings`);
      await page.getByTestId('archive-stats').waitFor();
      await page.getByTestId('backup-settings').waitFor();
      await check(page, 'settings at 360 px');
      await page.keyboard.press('?');
      await page.getByTestId('shortcuts-dialog').waitFor();
      await check(page, 'shortcuts at 360 px');
      await context.close();
    });
  }

  it('has none on the empty library, nor on an import running and its report, in either theme', async () => {
    for (const colorScheme of THEMES) {
      const context = await empty.browser.newContext({ locale: 'en-US', colorScheme, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(empty.server.url);
      await page.getByTestId('empty-state').waitFor();
      await check(page, `empty library (${colorScheme})`);
      await context.close();
    }
    for (const colorScheme of THEMES) {
      const page = await openAsDesktop(empty, folder, { colorScheme, bypassCSP: true });
      await page.getByTestId('empty-state').or(page.getByTestId('library-count')).first().waitFor();
      await dropFiles(page, [colorScheme]);
      const panel = page.getByTestId('import-panel');
      await panel.getByTestId('import-progressbar').waitFor();
      await panel.getByTestId('import-cancel').waitFor();
      await check(page, `import in progress (${colorScheme})`);
      await panel.getByTestId('import-cancel').click();
      await panel.getByTestId('import-summary').waitFor({ timeout: 60_000 });
      await check(page, `import report after a cancel (${colorScheme})`);
      await page.context().close();
    }
  });
});
