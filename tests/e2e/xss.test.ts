// Hostile articles in the real reader: every vector of tests/fixtures/xss/vectors.txt and the 130
// Readability test pages are imported with the real CLI, served by `archive-reader serve` and opened
// one by one in Chromium. Nothing may run (a sentinel in every frame, dialog hooks), navigate, open a
// window or fetch anything outside the app's origin (request interception and a loopback canary).
// ARCHIVE_READER_LONG=1 puts every vector in every context of a page, one page each.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { BIN } from '../helpers/cli.ts';
import { startServe, type ServeProcess } from '../helpers/serve.ts';
import { SHARED, tempArchivePath, tempDir } from '../helpers/temp.ts';
import {
  fillVector,
  readVectors,
  runsScript,
  writeHostileArticles,
  type HostileArticle,
} from '../helpers/xss-articles.ts';
import { startCanary, watchContext, type BreachKind, type Canary, type Watch } from '../helpers/xss-watch.ts';

const LONG = process.env.ARCHIVE_READER_LONG === '1';
const READABILITY_PAGES = join(SHARED, 'corpora', 'readability-test-pages', 'pages');
const readabilitySources = existsSync(READABILITY_PAGES)
  ? readdirSync(READABILITY_PAGES)
      .sort()
      .map((name) => join(READABILITY_PAGES, name, 'source.html'))
      .filter((path) => existsSync(path))
  : [];
if (!readabilitySources.length) console.log(`# xss: ${READABILITY_PAGES} is absent, its pages are not opened`);

interface ImportReport {
  items: { path: string; status: string; articleId?: number; message?: string }[];
}

/** The real CLI's import, with its JSON report; asynchronous, so that Chromium starts meanwhile. */
async function importPaths(archive: string, paths: string[]): Promise<ImportReport> {
  const child = spawn(process.execPath, [BIN, 'import', ...paths, '--archive', archive, '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  assert.equal(code, 0, stderr);
  return JSON.parse(stdout) as ImportReport;
}

interface Opened {
  id: number;
  label: string;
}

/** The articles an import made, labelled for the breach reports. */
function openedFrom(items: ImportReport['items'], label: (path: string) => string): Opened[] {
  return items
    .filter((item) => item.status === 'imported' && item.articleId !== undefined)
    .map((item) => ({ id: item.articleId as number, label: label(item.path) }));
}

interface Stored {
  title: string;
  html: string | null;
}

/** Each article as the archive API serves it, read straight from `serve` (not through the page). */
async function readStored(serverUrl: string, articles: readonly Opened[]): Promise<Map<number, Stored>> {
  const stored = new Map<number, Stored>();
  for (let start = 0; start < articles.length; start += 16) {
    await Promise.all(
      articles.slice(start, start + 16).map(async ({ id }) => {
        const response = await fetch(new URL('api/getArticle', serverUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id }),
        });
        const envelope = (await response.json()) as { ok: boolean; value: Stored };
        assert.ok(envelope.ok, `article ${id} is served`);
        stored.set(id, envelope.value);
      }),
    );
  }
  return stored;
}

interface Point {
  x: number;
  y: number;
}

/**
 * Opens an article through the app's own route (as its links do), waits until the reader shows its
 * title, and returns where its text and links are. One round trip: the loop opens hundreds.
 */
async function openInReader(page: Page, id: number, title: string) {
  return page.evaluate(
    async ({ hash, title }) => {
      location.hash = hash;
      const deadline = performance.now() + 15_000;
      while (document.querySelector('[data-testid="reader-title"]')?.textContent !== title) {
        if (performance.now() > deadline) throw new Error(`the reader did not show "${title}"`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const body = document.querySelector('[data-testid="reader-body"]');
      const inside = (element: Element): Point => {
        const box = element.getBoundingClientRect();
        return { x: box.left + Math.min(4, box.width / 2), y: box.top + Math.min(4, box.height / 2) };
      };
      const paragraph = body?.querySelector('p');
      return {
        body: body ? inside(body) : null,
        paragraph: paragraph ? inside(paragraph) : null,
        links: body ? [...body.querySelectorAll('a[href]')].slice(0, 5).map(inside) : [],
      };
    },
    { hash: `#/article/${id}`, title },
  );
}

/** What a reader does without thinking: moves over the text, clicks in it, hovers its links. */
async function touchArticle(page: Page, at: Awaited<ReturnType<typeof openInReader>>): Promise<void> {
  if (at.body) await page.mouse.move(at.body.x, at.body.y);
  if (at.paragraph) await page.mouse.click(at.paragraph.x, at.paragraph.y);
  for (const link of at.links) await page.mouse.move(link.x, link.y);
}

function summary(watch: Watch, canary: Canary): string {
  const kinds = ['script', 'dialog', 'popup', 'frame', 'navigation', 'request'] as const;
  return `${kinds.map((kind) => `${kind}s ${watch.count(kind)}`).join(', ')}, canary hits ${canary.hits.length}`;
}

function assertClean(watch: Watch, canary: Canary): void {
  const shown = watch.breaches.slice(0, 20).map((breach) => `${breach.kind} during ${breach.during}: ${breach.detail}`);
  assert.deepEqual(shown, [], `nothing runs, navigates or leaves the origin (${summary(watch, canary)})`);
  assert.deepEqual(canary.hits, [], 'the canary server was never reached');
}

/** Markup that runs, fetches and navigates wherever nothing stops it: proof that each detector sees it. */
function knownBad(canaryOrigin: string): string {
  return [
    '<img src="x" onerror="__xss(-1)">',
    '<img src="x" onerror="alert(-1)">',
    '<iframe srcdoc="<script>__xss(-2)</script>"></iframe>',
    `<img src="${canaryOrigin}/self-check.png">`,
    `<iframe src="${canaryOrigin}/self-check-frame"></iframe>`,
    '<img src="http://192.0.2.1/self-check.png">',
  ].join('');
}

/**
 * Puts markup into the page as rendering it would (scripts included), past the sanitiser and React,
 * into `selector`'s element, or a new element with the id `selector` names.
 */
async function inject(page: Page, html: string, selector: string): Promise<void> {
  await page.evaluate(
    ({ html, selector }) => {
      let host = document.querySelector(selector);
      if (!host) {
        host = document.body.appendChild(document.createElement('div'));
        host.id = selector.slice(1);
      }
      host.replaceChildren(document.createRange().createContextualFragment(html));
    },
    { html, selector },
  );
}

describe('hostile articles in the reader (serve + Chromium)', { timeout: LONG ? 60 * 60_000 : 10 * 60_000 }, () => {
  let canary: Canary;
  let server: ServeProcess;
  let browser: Browser;
  let hostile: HostileArticle[];
  let vectorArticles: Opened[];
  let pageArticles: Opened[];
  let stored: Map<number, Stored>;
  const contexts: BrowserContext[] = [];

  /** A fresh context on the app, watched; `bypassCSP` switches the page's CSP off. */
  async function openApp(bypassCSP = false): Promise<{ page: Page; watch: Watch }> {
    const context = await browser.newContext({ locale: 'en-US', bypassCSP });
    contexts.push(context);
    const watch = await watchContext(context, server.url, canary);
    watch.expectPage();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('library-item').first().waitFor();
    return { page, watch };
  }

  const titleOf = (id: number) => stored.get(id)?.title ?? '';

  before(async () => {
    const started = Date.now();
    canary = await startCanary();
    const dir = tempDir('archive-reader-xss-');
    hostile = writeHostileArticles(dir, canary.origin, { everyContext: LONG });
    const archive = tempArchivePath();
    const byPath = new Map(hostile.map((article) => [article.file, article]));
    const [report, launched] = await Promise.all([
      importPaths(archive, [dir, ...readabilitySources]),
      launchChromium(),
    ]);
    browser = launched;
    const hostileItems = report.items.filter((item) => byPath.has(item.path));
    const pageItems = report.items.filter((item) => !byPath.has(item.path));
    vectorArticles = openedFrom(hostileItems, (path) => byPath.get(path)?.key ?? path);
    pageArticles = openedFrom(pageItems, (path) => path.split('/').at(-2) ?? path);
    const tally = (items: ImportReport['items']) => {
      const counts = new Map<string, number>();
      for (const { status } of items) counts.set(status, (counts.get(status) ?? 0) + 1);
      return [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
    };
    console.log(
      `# xss: ${readVectors().length} vectors, ${hostile.length} hostile pages (${tally(hostileItems)}); ` +
        `${readabilitySources.length} Readability pages (${tally(pageItems)}); ${Date.now() - started} ms`,
    );
    for (const item of hostileItems.filter((entry) => entry.status !== 'imported')) {
      console.log(`# xss: no article: ${byPath.get(item.path)?.key} (${item.status}: ${item.message})`);
    }
    server = await startServe(archive);
    stored = await readStored(server.url, [...vectorArticles, ...pageArticles]);
  });

  after(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
    await canary?.stop();
  });

  it('imports nearly every hostile page as an article', () => {
    // A page may hold no article once parsed (a vector that swallows the rest of the page); most must.
    assert.ok(
      vectorArticles.length >= hostile.length * 0.95,
      `${vectorArticles.length} of ${hostile.length} hostile pages are articles`,
    );
    // Twenty of the Readability pages are variants of the same few test texts, kept as near-duplicates.
    if (readabilitySources.length) assert.ok(pageArticles.length >= 100, `${pageArticles.length} Readability pages`);
  });

  it('opens every hostile article and every Readability test page: nothing runs, navigates or is fetched', async () => {
    const started = Date.now();
    const { page, watch } = await openApp();
    // The hostile text in the library's titles and in search snippets, before the reader.
    for (const query of ['onerror', 'hostile markup']) {
      watch.showing(`the results for "${query}"`);
      await page.getByTestId('search-input').fill(query);
      await page.getByTestId('search-input').press('Enter');
      await page.getByTestId('result-snippet').first().waitFor();
    }
    for (const { id, label } of [...vectorArticles, ...pageArticles]) {
      watch.showing(label);
      await touchArticle(page, await openInReader(page, id, titleOf(id)));
    }
    // The reader waited for each title as its text: a title parsed as markup would never have matched.
    const markupTitles = vectorArticles.filter(({ id }) => /<\w/.test(titleOf(id))).length;
    // Timers and animations of a vector would fire late.
    watch.showing('after the last article');
    await page.waitForTimeout(500);
    console.log(
      `# xss: opened ${vectorArticles.length} hostile articles and ${pageArticles.length} Readability pages in the ` +
        `reader in ${Date.now() - started} ms (${markupTitles} of them titled with markup, shown as text); ` +
        `${summary(watch, canary)}; ${watch.ownRequests} requests, all to the app's origin`,
    );
    assert.equal(page.url().replace(/#.*$/, ''), server.url.replace(/#.*$/, ''), 'the page is still the app');
    assertClean(watch, canary);
  });

  it('the stored sanitised HTML, rendered with no CSP at all, runs and fetches nothing', async () => {
    // The reader shows the text; the HTML is kept for exports and a richer view, so it must be safe alone.
    const started = Date.now();
    const { page, watch } = await openApp(true);
    const all = [...vectorArticles, ...pageArticles];
    for (let start = 0; start < all.length; start += 8) {
      const batch = all.slice(start, start + 8);
      watch.showing(`the stored HTML of ${batch.map((article) => article.label).join(', ')}`);
      const html = batch.map(({ id }) => `<section>${stored.get(id)?.html ?? ''}</section>`).join('');
      await inject(page, html, '#stored-html');
      await page.mouse.move(10, 10);
      await page.mouse.move(300, 300, { steps: 4 });
    }
    watch.showing('after the last stored HTML');
    await page.waitForTimeout(500);
    console.log(
      `# xss: rendered the stored HTML of ${all.length} articles with no CSP in ${Date.now() - started} ms; ${summary(watch, canary)}`,
    );
    assertClean(watch, canary);
  });

  it('self-check: markup that bypasses the sanitiser is seen by every detector, and the CSP stops it', async () => {
    const first = vectorArticles[0]?.id ?? 1;
    const hitsBefore = canary.hits.length;
    const open = await openApp(true);
    await openInReader(open.page, first, titleOf(first));
    await inject(open.page, knownBad(canary.origin), '[data-testid="reader-body"]');
    const kinds: BreachKind[] = ['script', 'dialog', 'request', 'frame', 'navigation'];
    const seen = () => kinds.every((kind) => open.watch.count(kind) > 0) && open.watch.count('script') >= 2;
    for (let waited = 0; !seen() && waited < 5000; waited += 100) await open.page.waitForTimeout(100);
    console.log(`# xss: self-check, no CSP: ${summary(open.watch, canary)}`);
    assert.ok(
      open.watch.breaches.some((breach) => breach.kind === 'script' && breach.detail.startsWith('sentinel -1 ')),
      'the sentinel fires in the page',
    );
    assert.ok(
      open.watch.breaches.some((breach) => breach.kind === 'script' && breach.detail.startsWith('sentinel -2 ')),
      'the sentinel fires in a child frame',
    );
    assert.ok(open.watch.count('dialog') >= 1, 'the dialog is seen');
    assert.ok(open.watch.count('request') >= 3, 'requests leaving the origin are seen');
    assert.ok(open.watch.count('frame') >= 2, 'frames are seen');
    assert.ok(open.watch.count('navigation') >= 1, 'frame navigations are seen');
    assert.ok(canary.hits.length > hitsBefore, 'the canary counts what reaches it');
    canary.hits.splice(hitsBefore);

    // The same markup under the app's own policy: the CSP is a second wall behind the sanitiser.
    const guarded = await openApp(false);
    await openInReader(guarded.page, first, titleOf(first));
    await inject(guarded.page, knownBad(canary.origin), '[data-testid="reader-body"]');
    await guarded.page.waitForTimeout(1000);
    console.log(`# xss: self-check, the app's CSP: ${summary(guarded.watch, canary)}`);
    assert.equal(guarded.watch.count('script'), 0, 'no script runs under the CSP');
    assert.equal(guarded.watch.count('dialog'), 0, 'no dialog under the CSP');
    const attempts = guarded.watch.breaches.filter((breach) => breach.kind === 'request');
    assert.deepEqual(
      attempts.filter((breach) => !guarded.watch.failed.includes(`${breach.detail.replace(/^GET /, '')}: csp`)),
      [],
      'every request the markup tried was stopped by the CSP',
    );
    assert.equal(canary.hits.length, hitsBefore, 'nothing reached the canary under the CSP');
  });
  it('calibration: unsanitised and with no CSP, the same vectors do run and fetch in this Chromium', async () => {
    // Vectors for the page's head (refresh, base) would take the page itself away: they are left out here.
    const vectors = readVectors().filter((vector) => vector.kind !== 'head' && vector.kind !== 'charset');
    const hitsBefore = canary.hits.length;
    const { page, watch } = await openApp(true);
    await page.evaluate(
      (list) => {
        for (const html of list) {
          const host = document.body.appendChild(document.createElement('div'));
          host.append(document.createRange().createContextualFragment(html));
        }
      },
      vectors.map((vector) => fillVector(vector, 'sentinel', canary.origin, `raw-v${vector.id}`)),
    );
    await page.mouse.move(5, 5);
    await page.mouse.move(400, 400, { steps: 8 });
    await page.mouse.click(400, 400);
    await page.waitForTimeout(1500);
    const ran = new Set(
      watch.breaches.flatMap((breach) =>
        breach.kind === 'script' ? [/^sentinel (\d+)/.exec(breach.detail)?.[1]] : [],
      ),
    );
    const reached = new Set(canary.hits.slice(hitsBefore).map((hit) => /\/raw-v(\d+)/.exec(hit)?.[1]));
    console.log(
      `# xss: calibration, unsanitised and no CSP: ${ran.size} of ${vectors.filter(runsScript).length} script vectors ran, ` +
        `${reached.size} vectors reached the canary (${canary.hits.length - hitsBefore} hits); ${summary(watch, canary)}`,
    );
    canary.hits.splice(hitsBefore);
    assert.ok(ran.size >= 20, `${ran.size} vectors ran: the sentinel is wired into the vectors`);
    assert.ok(reached.size >= 5, `${reached.size} vectors reached the canary: their addresses point at it`);
  });
});
