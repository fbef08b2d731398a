import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { SAMPLE, selectInReader, startApp, waitForApi, writeArticles, writeHtmlArticle, type E2E } from './support.ts';
import { zipEntries } from '../helpers/zip-entries.ts';

const TITLE = 'Dune walkers of the Aïr';
const PASSAGE = 'following old routes between wells';

async function openDuneWalkers(page: Page): Promise<void> {
  await page.getByTestId('library-title').filter({ hasText: TITLE }).click();
  await page.getByTestId('reader-body').waitFor();
}

/** Picks a citation format as a user does: by its label (the radio itself is drawn by the label). */
async function chooseFormat(page: Page, format: string): Promise<void> {
  await page.locator('label', { has: page.getByTestId(`citation-format-${format}`) }).click();
  assert.ok(await page.getByTestId(`citation-format-${format}`).isChecked());
}

/** The text of the file a click downloads. */
async function downloaded(page: Page, click: () => Promise<unknown>): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('citations and exports in the reader and the library (serve + Chromium)', () => {
  let app: E2E;

  before(async () => {
    const dir = writeArticles(SAMPLE);
    writeHtmlArticle(dir);
    app = await startApp([dir]);
  });

  after(async () => {
    await app?.close();
  });

  it('copies an APA citation, and downloads the article as HTML with its highlight and note', async () => {
    const page = await app.open({ permissions: ['clipboard-read', 'clipboard-write'] });
    await openDuneWalkers(page);

    await selectInReader(page, PASSAGE);
    await waitForApi(page, 'addHighlight', () => page.getByTestId('highlight-with-note').click());
    const note = page.getByTestId('highlight-dialog');
    await note.getByTestId('highlight-note').fill('Which wells?');
    await waitForApi(page, 'updateHighlight', () => note.getByTestId('highlight-save').click());
    await note.waitFor({ state: 'detached' });

    await page.getByTestId('reader-export').click();
    const dialog = page.getByTestId('export-dialog');
    const citation = dialog.getByTestId('citation-text');
    const apa = 'Diallo, A. (2024, May 2). Dune walkers of the Aïr. Sahel Weekly. https://news.example.org/dunes';
    await page.waitForFunction(
      (expected) =>
        (document.querySelector('[data-testid="citation-text"]') as HTMLTextAreaElement | null)?.value === expected,
      apa,
    );
    await dialog.getByTestId('citation-copy').click();
    await dialog.getByTestId('citation-status').filter({ hasText: 'Citation copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), apa);

    // BibTeX for a reference manager, shown in the same box.
    await chooseFormat(page, 'bibtex');
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid="citation-text"]') as HTMLTextAreaElement | null)?.value.startsWith(
        '@misc{Diallo2024Dune,',
      ),
    );
    assert.match(
      await citation.inputValue(),
      /note = \{Archived \d{4}-\d{2}-\d{2} \(Archive Reader\)\. Content SHA-256: [0-9a-f]{64}\.\}/,
    );

    const html = await downloaded(page, () => dialog.getByTestId('export-html').click());
    assert.match(html.name, /^\d+-dune-walkers-of-the-aïr\.html$/);
    assert.doesNotMatch(html.text, /<script/i);
    assert.match(html.text, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.match(
      html.text,
      new RegExp(`<mark class="hl-yellow" id="highlight-1" title="Which wells\\?">${PASSAGE}</mark>`),
    );
    assert.match(html.text, /<li id="note-1">.*<p>Which wells\?<\/p><\/li>/);

    const md = await downloaded(page, () => dialog.getByTestId('export-markdown').click());
    assert.match(md.name, /\.md$/);
    assert.match(md.text, new RegExp(`<mark>${PASSAGE}</mark>\\[\\^1\\]`));
  });

  it('downloads the notebook as one Markdown file with the highlight and its note', async () => {
    const page = await app.open();
    await page.evaluate(() => {
      location.hash = '#/notebook';
    });
    await page.getByTestId('notebook-quote').first().waitFor();
    const notes = await downloaded(page, () => page.getByTestId('notebook-export').click());
    assert.equal(notes.name, 'notebook.md');
    assert.match(notes.text, new RegExp(`^# ${TITLE}`));
    assert.match(notes.text, new RegExp(`- ${PASSAGE} \\*\\(yellow\\)\\*\\n\\n {2}> Which wells\\?`));
  });

  it('downloads the notes as a zip of one Markdown file per annotated article', async () => {
    const page = await app.open();
    await page.evaluate(async () => {
      const call = async (method: string, args: object) => {
        const response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(args),
        });
        return ((await response.json()) as { value: unknown }).value;
      };
      const { articles } = (await call('listArticles', { limit: 50 })) as { articles: { id: number; title: string }[] };
      const millet = articles.find((article) => article.title.startsWith('Millet harvest'));
      await call('setArticleNote', { id: millet?.id, note: 'Compare with the 2023 harvest.' });
    });
    await page.evaluate(() => {
      location.hash = '#/notebook';
    });
    await page.getByTestId('notebook-quote').first().waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('notebook-export-each').click();
    const file = await download;
    assert.equal(file.suggestedFilename(), 'notebook.zip');
    const entries = await zipEntries(await file.path());
    assert.deepEqual([...entries.keys()].map((name) => name.replace(/^\d+-/, '')).sort(), [
      'dune-walkers-of-the-aïr.md',
      'millet-harvest-falls-short-across-the-niger-valley.md',
    ]);
    const dunes = [...entries].find(([name]) => name.includes('dune-walkers'))?.[1] ?? '';
    // Each file stands alone: front matter with the provenance, then the article's heading.
    assert.match(
      dunes,
      new RegExp(`^---\\ntitle: "${TITLE}"\\n[^]*content_sha256: "[0-9a-f]{64}"\\n---\\n\\n# ${TITLE}\\n`),
    );
    assert.match(dunes, new RegExp(`- ${PASSAGE} \\*\\(yellow\\)\\*\\n\\n {2}> Which wells\\?`));
    const millet = [...entries].find(([name]) => name.includes('millet'))?.[1] ?? '';
    assert.match(millet, /Compare with the 2023 harvest\./);
  });

  it('formats Chicago in French for a French UI', async () => {
    const page = await app.open({ locale: 'fr-FR' });
    await openDuneWalkers(page);
    await page.getByTestId('reader-export').click();
    await chooseFormat(page, 'chicago');
    await page.waitForFunction(
      (expected) =>
        (document.querySelector('[data-testid="citation-text"]') as HTMLTextAreaElement | null)?.value === expected,
      'Diallo, Amina. 2024. «\u00a0Dune Walkers of the Aïr\u00a0». Sahel Weekly. 2 mai 2024. https://news.example.org/dunes.',
    );
  });

  it('exports the library list as CSV and its citations as RIS', async () => {
    const page = await app.open();
    await page.getByTestId('library-title').first().waitFor();
    await page.getByTestId('library-export').click();
    const dialog = page.getByTestId('library-export-dialog');
    const csv = await downloaded(page, () => dialog.getByTestId('library-export-csv').click());
    assert.equal(csv.name, 'library.csv');
    const rows = parseCsv(csv.text, { bom: true, columns: true }) as Record<string, string>[];
    assert.deepEqual(rows.map((row) => row.title).sort(), [...SAMPLE.map((article) => article.title), TITLE].sort());
    await dialog.getByTestId('library-export-status').filter({ hasText: '6 articles exported' }).waitFor();

    await dialog.getByTestId('library-citation-format').selectOption('ris');
    const ris = await downloaded(page, () => dialog.getByTestId('library-export-citations').click());
    assert.equal(ris.name, 'citations.ris');
    assert.equal(ris.text.match(/^TY {2}- /gm)?.length, 6);
  });
});
