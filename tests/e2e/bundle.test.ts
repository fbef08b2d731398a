import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { LIBRARY_MEMBER, libraryMemberSchema, type BundleManifest } from '../../archive/bundle/format.ts';
import { NOTE_SEPARATOR } from '../../archive/bundle/merge.ts';
import { openBundle } from '../../archive/bundle/read.ts';
import { launchChromium } from '../helpers/browser.ts';
import { createTestArchive } from '../helpers/archive.ts';
import { runCli } from '../helpers/cli.ts';
import { startServe } from '../helpers/serve.ts';
import { tempArchivePath, tempDir } from '../helpers/temp.ts';
import {
  dropFiles,
  importInto,
  openAsDesktop,
  SAMPLE,
  startApp,
  waitForApi,
  writeArticles,
  type E2E,
} from './support.ts';

/** Calls the archive API from the page, as its serve transport does: set-up, not what is tested. */
async function api<T>(page: Page, method: string, args: object = {}): Promise<T> {
  return page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const envelope = (await response.json()) as { ok: boolean; value: unknown; error?: { message: string } };
      if (!envelope.ok) throw new Error(envelope.error?.message);
      return envelope.value;
    },
    [method, args] as const,
  ) as Promise<T>;
}

async function articleIds(page: Page): Promise<Map<string, number>> {
  const { articles } = await api<{ articles: { id: number; title: string }[] }>(page, 'listArticles', { limit: 500 });
  return new Map(articles.map((article) => [article.title, article.id]));
}

/** What a written bundle holds: its manifest, its articles' titles and its library entries. */
async function contents(path: string) {
  const bundle = await openBundle(path);
  const titles: string[] = [];
  for (const name of Object.keys(bundle.manifest.members).filter((member) => member.startsWith('articles/'))) {
    titles.push((JSON.parse((await bundle.read(name)).toString('utf8')) as { title: string }).title);
  }
  const library = bundle.manifest.withLibrary
    ? libraryMemberSchema.parse(JSON.parse((await bundle.read(LIBRARY_MEMBER)).toString('utf8'))).entries
    : [];
  const manifest: BundleManifest = bundle.manifest;
  bundle.close();
  return { manifest, titles: titles.sort(), library };
}

/** Fills the dialog's path, exports, and waits for the dialog to say it was written. */
async function exportTo(page: Page, path: string): Promise<void> {
  const dialog = page.getByTestId('bundle-dialog');
  await dialog.getByTestId('bundle-path').fill(path);
  await waitForApi(page, 'startBundleExport', () => dialog.getByTestId('bundle-export').click());
  await dialog.getByTestId('bundle-written').filter({ hasText: path }).waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.waitFor({ state: 'detached' });
}

const [MILLET, GRAIN, SOLAR] = SAMPLE.map((article) => article.title) as [string, string, string];

describe('exporting a bundle from the sidebar (serve on loopback + Chromium)', () => {
  let app: E2E;
  const dir = tempDir();
  const harvests = join(dir, 'harvests.bundle');

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
    await waitForApi(page, 'startBundleExport', () => dialog.getByTestId('bundle-export').click());
    await dialog.getByTestId('bundle-written').filter({ hasText: path }).waitFor();
    assert.ok(existsSync(path) && statSync(path).size > 0);

    const other = tempArchivePath();
    const imported = runCli(['import', path, '--archive', other]);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /5 imported/);
  });

  it('exports a collection and a saved search from their buttons in the sidebar', async () => {
    const page = await app.open();
    const ids = await articleIds(page);
    const collection = await api<{ id: number }>(page, 'createCollection', { name: 'Harvests' });
    for (const title of [MILLET, GRAIN]) {
      await api(page, 'setArticleCollections', { id: ids.get(title), collectionIds: [collection.id] });
    }
    await api(page, 'setArticleNote', { id: ids.get(MILLET), note: 'From the field notes of 2022.' });
    await api(page, 'setTags', { id: ids.get(MILLET), tags: ['mil'] });
    await api(page, 'saveSearch', { name: 'Solar', query: 'solar' });
    await page.reload();

    await page.getByRole('button', { name: 'Export “Harvests” as a bundle…' }).click();
    const dialog = page.getByTestId('bundle-dialog');
    await dialog.getByText('What goes in: Harvests.').waitFor();
    await dialog
      .getByTestId('bundle-estimate')
      .filter({ hasText: ': 2 articles, 0 images, 2 with tags or notes' })
      .waitFor();
    await exportTo(page, harvests);
    const collected = await contents(harvests);
    assert.deepEqual(collected.manifest.scope, { kind: 'collection', label: 'Harvests' });
    assert.deepEqual(collected.titles, [MILLET, GRAIN].sort());
    assert.equal(collected.library.find((entry) => entry.note)?.note, 'From the field notes of 2022.');

    await page.getByRole('button', { name: 'Export “Solar” as a bundle…' }).click();
    await dialog.getByText('What goes in: Solar.').waitFor();
    await dialog.getByTestId('bundle-estimate').filter({ hasText: ': 1 articles' }).waitFor();
    const solar = join(dir, 'solar.bundle');
    await exportTo(page, solar);
    const searched = await contents(solar);
    assert.deepEqual(searched.manifest.scope, { kind: 'savedSearch', label: 'Solar' });
    assert.deepEqual(searched.titles, [SOLAR]);
  });

  it('imports a bundle dropped on the desktop app: reports what was added, and keeps the reader’s own note', async () => {
    // Another reader's archive, which already has the millet article with a note of its own.
    const other = await startApp([writeArticles(SAMPLE.slice(0, 1))]);
    try {
      const page = await openAsDesktop(other, dirname(harvests));
      await page.getByTestId('library-count').waitFor();
      const before = await articleIds(page);
      await api(page, 'setArticleNote', { id: before.get(MILLET), note: 'My own note: ask the co-op.' });

      await dropFiles(page, [basename(harvests)]);
      const panel = page.getByTestId('import-panel');
      await panel.getByTestId('import-summary').waitFor();
      assert.deepEqual(await panel.getByTestId('import-summary').locator('li').allInnerTexts(), [
        '1 imported',
        '1 already in the archive',
        '0 skipped (not a supported type)',
        '0 failed',
      ]);

      const after = await articleIds(page);
      assert.deepEqual([...after.keys()].sort(), [MILLET, GRAIN].sort());
      const millet = await api<{ note: string; tags: string[]; collectionIds: number[] }>(page, 'getArticle', {
        id: before.get(MILLET),
      });
      assert.equal(millet.note, `My own note: ask the co-op.${NOTE_SEPARATOR}From the field notes of 2022.`);
      assert.deepEqual(millet.tags, ['mil']);
      const collections = await api<{ id: number; name: string }[]>(page, 'listCollections');
      assert.deepEqual(
        collections.filter((c) => millet.collectionIds.includes(c.id)).map((c) => c.name),
        ['Harvests'],
      );
    } finally {
      await other.close();
    }
  });

  it('makes a delta since an earlier bundle picked in the dialog: only what came after it', async () => {
    const page = await app.open();
    await page.getByTestId('export-bundle').click();
    const dialog = page.getByTestId('bundle-dialog');
    await dialog.getByTestId('bundle-estimate').filter({ hasText: ': 5 articles' }).waitFor();
    const base = join(dir, 'base.bundle');
    await exportTo(page, base);

    const fresh = tempDir();
    writeFileSync(
      join(fresh, 'ferry.txt'),
      'A ferry crosses the Niger again\n\nThe ferry between the two banks runs again after the floods, twice a day.\n',
    );
    importInto(app.archive, [fresh]);

    await page.getByTestId('export-bundle').click();
    await dialog.getByTestId('bundle-estimate').filter({ hasText: ': 6 articles' }).waitFor();
    // A file that is not a bundle is refused with a message.
    const text = join(fresh, 'ferry.txt');
    await dialog.getByTestId('bundle-since-file').setInputFiles(text);
    await dialog.getByTestId('error-message').filter({ hasText: '“ferry.txt” is not a bundle' }).waitFor();

    await waitForApi(
      page,
      'estimateBundle',
      () => dialog.getByTestId('bundle-since-file').setInputFiles(base),
      (args) => typeof args.since === 'string',
    );
    await dialog
      .getByTestId('bundle-since-earlier')
      .filter({ hasText: 'Since the bundle “base.bundle” written on' })
      .waitFor();
    assert.equal(await dialog.getByTestId('bundle-since').isDisabled(), true);
    await dialog.getByTestId('bundle-estimate').filter({ hasText: ': 1 articles' }).waitFor();
    const delta = join(dir, 'delta.bundle');
    await exportTo(page, delta);
    const { manifest } = await contents(base);
    const written = await contents(delta);
    assert.equal(written.manifest.since, manifest.highWater);
    assert.deepEqual(written.titles, ['A ferry crosses the Niger again']);
  });
});

describe('the progress of a long bundle export (serve + Chromium)', () => {
  const ARTICLES = 300;
  let archive: string;

  before(async () => {
    // Each article carries its own photo (random bytes: no compression shrinks them), so writing takes a while.
    const test = await createTestArchive();
    for (let i = 1; i <= ARTICLES; i++) {
      const photo = `<img src="data:image/jpeg;base64,${randomBytes(60_000).toString('base64')}" alt="">`;
      test.store.add({
        title: `Field report ${i}`,
        paragraphs: [`Field report ${i}: ${randomBytes(400).toString('hex')}.`],
        html: `<p>Field report ${i}.</p>${photo}`,
        lang: 'en',
      });
    }
    test.db.close();
    archive = test.path;
  });

  it('shows a bar that moves with the articles written, then what was written', async () => {
    const server = await startServe(archive);
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ locale: 'en-US' })).newPage();
      await page.goto(server.url);
      const answers: { state: string; done: number; total: number }[] = [];
      page.on('response', (response) => {
        if (response.url().endsWith('/api/getBundleExportProgress')) {
          void response
            .json()
            .then((envelope: { value: { state: string; done: number; total: number } }) =>
              answers.push(envelope.value),
            );
        }
      });
      await page.getByTestId('export-bundle').click();
      const dialog = page.getByTestId('bundle-dialog');
      await dialog
        .getByTestId('bundle-estimate')
        .filter({ hasText: `: ${ARTICLES} articles` })
        .waitFor({ timeout: 60_000 });
      // What the bar shows, each time it changes.
      await page.evaluate(() => {
        const shown: [number, number][] = [];
        (window as unknown as { __bar: typeof shown }).__bar = shown;
        new MutationObserver(() => {
          const bar = document.querySelector('[data-testid="bundle-progressbar"]');
          if (bar) shown.push([Number(bar.getAttribute('aria-valuenow')), Number(bar.getAttribute('aria-valuemax'))]);
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      const path = join(tempDir(), 'reports.bundle');
      await dialog.getByTestId('bundle-path').fill(path);
      await dialog.getByTestId('bundle-export').click();
      await dialog.getByTestId('bundle-progressbar').waitFor();
      await dialog.getByTestId('bundle-written').waitFor({ timeout: 120_000 });

      const last = answers.at(-1);
      assert.deepEqual(last && [last.state, last.done, last.total], ['finished', ARTICLES, ARTICLES]);
      for (let i = 1; i < answers.length; i++) {
        assert.ok((answers[i]?.done ?? 0) >= (answers[i - 1]?.done ?? 0), 'progress never goes back');
      }
      const shown = await page.evaluate(() => (window as unknown as { __bar: [number, number][] }).__bar);
      assert.ok(
        shown.some(([done, total]) => total === ARTICLES && done > 0 && done < ARTICLES),
        `the bar showed the export part way: ${JSON.stringify(shown.slice(0, 20))}`,
      );
      assert.equal((await contents(path)).titles.length, ARTICLES);
    } finally {
      await browser.close();
      await server.stop();
    }
  });
});
