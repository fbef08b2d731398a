import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixture, tempDir } from '../helpers/temp.ts';
import { dropFiles, openAsDesktop, SAMPLE, startApp, writeArticles, type E2E } from './support.ts';

describe('importing from the desktop UI (serve + Chromium, with the preload’s globals stood in)', () => {
  let app: E2E;
  let folder: string;

  before(async () => {
    app = await startApp([writeArticles(SAMPLE.slice(0, 2))]);
    folder = tempDir('archive-reader-drop-');
    writeFileSync(
      join(folder, 'new.txt'),
      'Fishermen return to Lake Chad\n\nThe fishermen came back to the lake in May.\n',
    );
    writeFileSync(join(folder, 'empty.txt'), '');
    writeFileSync(join(folder, 'notes.xyz'), 'not an article');
    copyFileSync(fixture('latin1.txt'), join(folder, 'latin1.txt'));
  });

  after(async () => {
    await app?.close();
  });

  it('without the desktop app, offers no drop import and says where importing happens', async () => {
    const page = await app.open({ hash: '#/settings' });
    await page.getByText('Importing happens in the desktop app or with the command line').waitFor();
    await page.close();
  });

  it('imports dropped files and reports what was imported, skipped and why some failed', async () => {
    const page = await openAsDesktop(app, folder);
    await page.getByTestId('library-count').filter({ hasText: '2 articles' }).waitFor();

    await dropFiles(page, ['new.txt', 'empty.txt', 'notes.xyz', 'latin1.txt']);

    const panel = page.getByTestId('import-panel');
    await panel.getByTestId('import-summary').waitFor();
    assert.deepEqual(await panel.getByTestId('import-summary').locator('li').allInnerTexts(), [
      '2 imported',
      '0 already in the archive',
      '1 skipped (not a supported type)',
      '1 failed',
    ]);
    const problems = panel.getByTestId('import-problem');
    assert.match(await problems.filter({ hasText: 'empty.txt' }).innerText(), /Failed — the file is empty/);
    assert.match(await problems.filter({ hasText: 'notes.xyz' }).innerText(), /Skipped/);
    // A file that was not UTF-8 is listed with the encoding it was read in.
    const decoded = panel.locator('[data-testid=import-group][data-status=decoded]');
    await decoded.getByTestId('import-problem').waitFor();
    assert.equal(await decoded.locator('summary').innerText(), 'Read from another encoding than UTF-8 (1)');
    assert.match(
      await decoded.getByTestId('import-problem').innerText(),
      /latin1\.txt[\s\S]*Imported — decoded as windows-1252 \(detected\)/,
    );
    // The library shows the new articles at once.
    await page.getByTestId('library-count').filter({ hasText: '4 articles' }).waitFor();
    await page.getByTestId('library-title').filter({ hasText: 'Fishermen return to Lake Chad' }).waitFor();
    await panel.getByTestId('import-close').click();
    await panel.waitFor({ state: 'detached' });

    // An import made by the menu: main says so, and the lists reload.
    writeFileSync(join(folder, 'later.txt'), 'Herders reach the southern pastures\n\nThe herders arrived in June.\n');
    const report = await page.evaluate(
      async (path) => {
        const response = await fetch('/api/importPaths', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ paths: [path] }),
        });
        return ((await response.json()) as { value: { imported: number } }).value;
      },
      join(folder, 'later.txt'),
    );
    assert.equal(report.imported, 1);
    await page.evaluate(() =>
      (window as unknown as { __changed: ((change: object) => void)[] }).__changed.forEach((listener) =>
        listener({ reason: 'import', imported: 1 }),
      ),
    );
    await page.getByTestId('import-notice').filter({ hasText: '1 new article imported' }).waitFor();
    await page.getByTestId('library-count').filter({ hasText: '5 articles' }).waitFor();
    await page.context().close();
  });
});
