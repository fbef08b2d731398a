// Shared set-up of the reading-app end-to-end tests: articles written into a temp folder, imported
// with the real CLI into a temp archive, served by `archive-reader serve`, read in Chromium.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { startServe, type ServeProcess } from '../helpers/serve.ts';
import { ROOT, tempArchivePath, tempDir } from '../helpers/temp.ts';

export interface ArticleSpec {
  file: string;
  title: string;
  paragraphs: string[];
}

/** Writes text articles (title on the first line, paragraphs after blank lines) into a new folder. */
export function writeArticles(articles: readonly ArticleSpec[]): string {
  const dir = tempDir('archive-reader-e2e-');
  for (const { file, title, paragraphs } of articles) {
    writeFileSync(join(dir, file), `${title}\n\n${paragraphs.join('\n\n')}\n`);
  }
  return dir;
}

/** A page saved with its metadata: source, author, date and the original address. */
export function writeHtmlArticle(dir: string): string {
  const path = join(dir, 'dune-walkers.html');
  writeFileSync(
    path,
    `<!doctype html><html lang="en"><head><title>Dune walkers of the Aïr</title>
<link rel="canonical" href="https://news.example.org/dunes"><meta name="author" content="Amina Diallo">
<meta property="article:published_time" content="2024-05-02"><meta property="og:site_name" content="Sahel Weekly"></head>
<body><article><h1>Dune walkers of the Aïr</h1>
<p>The walkers cross the dunes every spring with their camels and goats, following old routes between wells.</p>
<p>They carry salt and dates to the markets of the south, and bring back millet for the dry months.</p>
<p>Many of them now use phones to find water, but the routes themselves have not changed in a century.</p>
</article></body></html>`,
  );
  return path;
}

export const SAMPLE: ArticleSpec[] = [
  {
    file: 'millet.txt',
    title: 'Millet harvest falls short across the Niger valley',
    paragraphs: [
      'Farmers in the Niger valley said on 9 September 2022 that the millet harvest would fall short for the second year.',
      'The harvest was hurt by late rains, and the price of millet has doubled in the markets of Tillabéri.',
      'Families are storing what grain they can before the lean season begins.',
    ],
  },
  {
    file: 'grain.txt',
    title: 'Village grain stores help families through the lean season',
    paragraphs: [
      'Village grain stores opened on 3 March 2023 lend millet and sorghum to families until the next harvest.',
      'Each family repays the loan in grain after the harvest, with a small share kept for the store.',
    ],
  },
  {
    file: 'irrigation.txt',
    title: 'Solar pumps bring irrigation to market gardens',
    paragraphs: [
      'Market gardeners near Tillabéri started using solar pumps on 14 June 2024, and expect a second harvest of onions before the rains.',
      'The pumps replace diesel engines, which were costly to run and to repair.',
      'Irrigation from the pumps now reaches gardens far from the river, and irrigation canals are being dug.',
    ],
  },
  {
    file: 'recolte.txt',
    title: 'La récolte de mil s’annonce meilleure dans la région de Maradi',
    paragraphs: [
      'Les agriculteurs de Maradi ont annoncé le 20 octobre 2023 une récolte de mil meilleure que l’an passé.',
      'Les pluies sont arrivées à temps et les greniers se remplissent avant la saison sèche.',
    ],
  },
  {
    file: 'festival.txt',
    title: 'À Bamako, le festival des musiques du fleuve rassemble des artistes',
    paragraphs: [
      'Le festival des musiques du fleuve s’est ouvert le 12 janvier 2024 à Bamako avec des artistes venus de toute la région.',
      'La coopération culturelle entre les villes du fleuve Niger est au cœur de cette édition.',
    ],
  },
];

/** An article long enough to scroll through: numbered paragraphs. */
export function longArticle(file: string, title: string, count = 40): ArticleSpec {
  return {
    file,
    title,
    paragraphs: Array.from(
      { length: count },
      (_, i) =>
        `Paragraph ${i + 1} of the long report. The river rises every August and the villages along its banks prepare their boats, ` +
        `mend their nets and move the herds to higher ground, as they have done for generations, while the traders wait for the water.`,
    ),
  };
}

export function importInto(archive: string, paths: string[]): void {
  const result = runCli(['import', ...paths, '--archive', archive]);
  assert.equal(result.status, 0, result.stderr);
}

export interface E2E {
  archive: string;
  server: ServeProcess;
  browser: Browser;
  open(options?: BrowserContextOptions & { hash?: string }): Promise<Page>;
  close(): Promise<void>;
}

/** A temp archive with these files imported, served, and a Chromium to read it with. */
export async function startApp(paths: string[]): Promise<E2E> {
  const archive = tempArchivePath();
  importInto(archive, paths.length ? paths : [tempDir('archive-reader-empty-')]);
  const server = await startServe(archive);
  const browser = await launchChromium();
  return {
    archive,
    server,
    browser,
    async open({ hash = '', ...options } = {}) {
      const context = await browser.newContext({ locale: 'en-US', ...options });
      const page = await context.newPage();
      await page.goto(server.url + hash);
      return page;
    },
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

export type ApiCall = { method: string; args: Record<string, unknown> };

/** Every archive call the page makes, in order. */
export function recordApiCalls(page: Page): ApiCall[] {
  const calls: ApiCall[] = [];
  page.on('request', (request) => {
    const method = /\/api\/(\w+)$/.exec(request.url())?.[1];
    if (method) calls.push({ method, args: (request.postDataJSON() ?? {}) as Record<string, unknown> });
  });
  return calls;
}

/** Waits for an API call whose arguments pass `like`, started by `action`. */
export async function waitForApi(
  page: Page,
  method: string,
  action: () => Promise<unknown>,
  like: (args: Record<string, unknown>) => boolean = () => true,
): Promise<Record<string, unknown>> {
  const response = page.waitForResponse(
    (res) =>
      res.url().endsWith(`/api/${method}`) && like((res.request().postDataJSON() ?? {}) as Record<string, unknown>),
  );
  await action();
  const done = await response;
  return (done.request().postDataJSON() ?? {}) as Record<string, unknown>;
}

/**
 * Polls `read` until it gives `expected`, then asserts: the page re-renders after an API answer, not with it,
 * and on a loaded machine that frame can come well after the response has been seen.
 */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const actual = await read();
    if (isDeepStrictEqual(actual, expected) || Date.now() > deadline) {
      assert.deepEqual(actual, expected);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Selects the first occurrence of `text` in the reader's body, as a mouse drag would. */
export async function selectInReader(page: Page, text: string): Promise<void> {
  const found = await page.evaluate((wanted) => {
    const body = document.querySelector('[data-testid="reader-body"]');
    if (!body) return false;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const index = node.data.indexOf(wanted);
      if (index === -1) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + wanted.length);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return true;
    }
    return false;
  }, text);
  assert.ok(found, `"${text}" is in the reader`);
}

/** The titles of the library's rows now in the page, in order. */
export function rowTitles(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="library-item"]')]
      .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')))
      .map((row) => row.querySelector('[data-testid="library-title"]')?.textContent?.trim() ?? ''),
  );
}

/** Waits until the library's first rows are these titles. */
export async function waitForRows(page: Page, titles: string[]): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      JSON.stringify(
        [...document.querySelectorAll<HTMLElement>('[data-testid="library-item"]')]
          .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')))
          .slice(0, expected.length)
          .map((row) => row.querySelector('[data-testid="library-title"]')?.textContent?.trim() ?? ''),
      ) === JSON.stringify(expected),
    titles,
  );
}

const AXE_PATH = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * axe-core's serious and critical violations on the page as it is now. The page's CSP forbids the
 * injected script: its context must be opened with `bypassCSP: true`.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/**
 * Opens the app as the desktop app would show it: its preload gives the page a dropped file's path and
 * "the archive changed" events, which serve has not; the stand-ins name files in `folder`, so a drop
 * imports real files into the real archive. `window.__changed` holds the change listeners.
 */
export async function openAsDesktop(app: E2E, folder: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await app.browser.newContext({ locale: 'en-US', ...options });
  await context.addInitScript(`
    window.__changed = [];
    window.archiveFiles = { pathForFile: (file) => ${JSON.stringify(folder)} + '/' + file.name };
    window.archiveEvents = { onChanged(listener) { window.__changed.push(listener); return () => {}; } };`);
  const page = await context.newPage();
  await page.goto(app.server.url);
  return page;
}

/** Drags files (names in the stood-in folder) over the window, then drops them, as from a file manager. */
export async function dropFiles(page: Page, names: readonly string[]): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const name of list) data.items.add(new File(['x'], name));
    return data;
  }, names);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer });
  await page.getByTestId('drop-overlay').waitFor();
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
}
