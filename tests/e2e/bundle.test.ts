import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../helpers/cli.ts';
import { tempArchivePath, tempDir } from '../helpers/temp.ts';
import { SAMPLE, startApp, waitForApi, writeArticles, type E2E } from './support.ts';

describe('exporting a bundle from the sidebar (serve on loopback + Chromium)', () => {
  let app: E2E;

  before(async () => {
    app = await startApp([writeArticles(SAMPLE)]);
  });

  after(async () => {
    await app?.close();
  });

  it('shows the estimated size as the options change, writes the bundle to the path typed, and it imports', async () => {
    const page = await app.open();
    await page.getByTestId('export-bundle').click();
    const dialog = page.getByTestId('bundle-dialog');
    await dialog
      .getByTestId('bundle-estimate')
      .filter({ hasText: /About [\d.,]+ KB: 5 articles, 0 images/ })
      .waitFor();

    // Only what changed since tomorrow: nothing.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await waitForApi(
      page,
      'estimateBundle',
      () => dialog.getByTestId('bundle-since').fill(tomorrow),
      (args) => args.since === tomorrow,
    );
    await dialog.getByTestId('bundle-estimate').filter({ hasText: ': 0 articles' }).waitFor();
    await dialog.getByTestId('bundle-since').fill('');
    await dialog.getByTestId('bundle-estimate').filter({ hasText: ': 5 articles' }).waitFor();

    const path = join(tempDir(), 'library.bundle');
    await dialog.getByTestId('bundle-path').fill(path);
    await waitForApi(page, 'exportBundle', () => dialog.getByTestId('bundle-export').click());
    await dialog.getByTestId('bundle-written').filter({ hasText: path }).waitFor();
    assert.ok(existsSync(path) && statSync(path).size > 0);

    const other = tempArchivePath();
    const imported = runCli(['import', path, '--archive', other]);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /5 imported/);
  });
});
