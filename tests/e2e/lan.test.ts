// `archive-reader serve --lan` read from a phone-sized Chromium through this machine's own private
// network address, so the server sees a non-loopback client, as it would a phone on the LAN.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { lanAddresses } from '../../archive/serve/lan.ts';
import { writePageWithImage } from '../helpers/page-with-image.ts';
import { launchChromium } from '../helpers/browser.ts';
import { BIN } from '../helpers/cli.ts';
import { tempArchivePath } from '../helpers/temp.ts';
import { SAMPLE, importInto, writeArticles } from './support.ts';

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'en-US' };
const addresses = lanAddresses(networkInterfaces());
if (addresses.length === 0) {
  console.log('# serve --lan end-to-end tests skipped: this machine has no private network address to listen on');
}

interface LanServe {
  output: string;
  /** The local-network addresses printed, as text. */
  urls: string[];
  writeLink: string | null;
  stop(): Promise<void>;
}

/** Runs the real `archive-reader serve --lan` and reads what it prints for the LAN. */
function serveLan(archive: string, extra: string[] = []): Promise<LanServe> {
  const child = spawn(process.execPath, [BIN, 'serve', '--lan', '--port', '0', '--archive', archive, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const done = extra.includes('--write-token') ? /\?token=\S+\n/ : /\?lite\n/;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve --lan did not start in 20 s:\n${output}`)), 20_000);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (!done.test(output)) return;
      clearTimeout(timer);
      const section = output.slice(output.indexOf('On the local network'));
      resolve({
        output,
        urls: [...section.matchAll(/^ {2}(http:\/\/\S+\/)$/gm)].map((match) => match[1] as string),
        writeLink: /^ {2}(http:\/\/\S+\?token=\S+)$/m.exec(output)?.[1] ?? null,
        stop: () =>
          new Promise((stopped) => {
            child.once('exit', () => stopped());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve --lan exited with ${code}:\n${output}`));
    });
  });
}

/** A GET without a browser, asking for one encoding; the bytes as they came. */
function get(url: string, acceptEncoding?: string) {
  const target = new URL(url);
  return new Promise<{ encoding: string | undefined; vary: unknown; raw: Buffer }>((resolve, reject) => {
    const req = request(
      {
        host: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port,
        path: target.pathname,
        headers: { host: target.host, ...(acceptEncoding && { 'accept-encoding': acceptEncoding }) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ encoding: res.headers['content-encoding'], vary: res.headers.vary, raw: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Opens the archive on a phone; counts the images it asks for. */
async function openPhone(browser: Browser, url: string) {
  const context: BrowserContext = await browser.newContext(PHONE);
  const page = await context.newPage();
  const images: string[] = [];
  page.on('request', (req) => {
    if (req.resourceType() === 'image') images.push(req.url());
  });
  await page.goto(url);
  return { context, page, images };
}

async function openFromSearch(page: Page, query: string, title: string): Promise<void> {
  await page.getByTestId('search-input').fill(query);
  await page.getByTestId('search-input').press('Enter');
  const result = page.getByTestId('result-item').filter({ hasText: title });
  await result.first().waitFor();
  await result.getByRole('link').first().click();
  await page.getByTestId('reader-title').waitFor();
}

describe('serve --lan from a phone', { skip: addresses.length === 0 && 'no private network address' }, () => {
  let archive: string;
  let browser: Browser;
  let readOnly: LanServe;

  before(async () => {
    archive = tempArchivePath();
    const folder = writeArticles(SAMPLE);
    writePageWithImage(folder);
    importInto(archive, [folder]);
    readOnly = await serveLan(archive);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await readOnly?.stop();
  });

  it('prints every private address as text, a QR code of the first, and the text-only address', () => {
    const port = new URL(readOnly.urls[0] ?? 'http://x/').port;
    assert.deepEqual(
      readOnly.urls,
      addresses.map((address) => `http://${address.includes(':') ? `[${address}]` : address}:${port}/`),
    );
    assert.match(readOnly.output, /at http:\/\/127\.0\.0\.1:\d+\//, 'this machine keeps its own loopback address');
    assert.match(readOnly.output, /On the local network \(read-only\):/);
    assert.match(readOnly.output, /(?:[█▀▄ ]{25,}\n){10,}/, 'a QR code drawn in half blocks');
    assert.ok(
      readOnly.output.includes(`Text only, without images, for slow or costly links: ${readOnly.urls[0]}?lite`),
    );
    assert.equal(readOnly.writeLink, null);
  });

  it('lists, searches and reads on a 360 px touch screen through the LAN address', async () => {
    const { context, page } = await openPhone(browser, readOnly.urls[0]!);
    await page.getByTestId('library-item').first().waitFor();
    assert.ok((await page.getByTestId('library-item').count()) >= 5);
    await openFromSearch(page, 'millet', 'Millet harvest falls short');
    assert.match(await page.getByTestId('reader-body').innerText(), /price of millet has doubled/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no sideways scrolling (${width} px)`);
    await context.close();
  });

  it('refuses a bookmark with a clear message, and never imports the server’s files', async () => {
    const { context, page } = await openPhone(browser, readOnly.urls[0]!);
    await openFromSearch(page, 'millet', 'Millet harvest falls short');
    assert.equal(await page.getByTestId('read-only-notice').count(), 0, 'reading alone brings no notice');
    const refused = page.waitForResponse((res) => res.url().endsWith('/api/setBookmarked'));
    await page.getByTestId('reader-bookmark').click();
    assert.equal((await refused).status(), 403);
    const notice = page.getByTestId('read-only-notice');
    await notice.waitFor();
    assert.match(await notice.innerText(), /shared read-only with this device/);
    assert.match(await notice.innerText(), /write link/);
    assert.equal(await page.getByTestId('reader-bookmark').getAttribute('aria-pressed'), 'false');

    const importing = await page.evaluate(async () => {
      const response = await fetch('/api/importPaths', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ paths: ['/etc'] }),
      });
      return { status: response.status, body: await response.json() };
    });
    assert.equal(importing.status, 403);
    assert.match(importing.body.error.message, /reads files on the server's disk/);
    await context.close();
  });

  it('negotiates brotli, gzip or nothing for the UI and the API', async () => {
    const url = readOnly.urls[0]!;
    const html = await get(url);
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html.raw.toString('utf8'))?.[1];
    assert.ok(script, 'index.html names its script');
    const plain = await get(url + script);
    const gzip = await get(url + script, 'gzip');
    const br = await get(url + script, 'gzip, deflate, br, zstd');
    assert.deepEqual([plain.encoding, gzip.encoding, br.encoding], [undefined, 'gzip', 'br']);
    for (const reply of [plain, gzip, br]) assert.equal(reply.vary, 'Accept-Encoding');
    assert.deepEqual(gunzipSync(gzip.raw), plain.raw);
    assert.deepEqual(brotliDecompressSync(br.raw), plain.raw);
    console.log(
      `# ${script}: ${plain.raw.length} bytes, gzip ${gzip.raw.length}, brotli ${br.raw.length} (over the LAN address)`,
    );

    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const loaded = page.waitForResponse((res) => res.url().endsWith('.js'));
    await page.goto(url);
    const response = await loaded;
    const offered = (await response.request().allHeaders())['accept-encoding'] ?? '';
    console.log(`# Chromium over http://<LAN address> sends Accept-Encoding: ${offered}`);
    // Browsers offer brotli only to secure origins (HTTPS, localhost): a phone on plain HTTP gets gzip.
    const expected = /\bbr\b/.test(offered) ? 'br' : 'gzip';
    assert.equal((await response.allHeaders())['content-encoding'], expected);
    await context.close();
  });

  it('in text-only mode (?lite, remembered on the device) loads no image and asks for articles without them', async () => {
    const { context, page, images } = await openPhone(browser, `${readOnly.urls[0]}?lite`);
    const asked: unknown[] = [];
    page.on('request', (req) => {
      if (req.url().endsWith('/api/getArticle')) asked.push((req.postDataJSON() as { images?: boolean }).images);
    });
    const article = page.waitForResponse((res) => res.url().endsWith('/api/getArticle'));
    await openFromSearch(page, 'Agadez', 'Market day in Agadez');
    const body = await (await article).text();
    assert.doesNotMatch(body, /<img|data:image/, 'the server sent no image');
    assert.match(body, /prices of millet/);
    assert.ok(
      asked.length >= 1 && asked.every((images) => images === false),
      `every getArticle without images: ${asked}`,
    );

    // Without ?lite in the address, the device still reads text only, until the switch says otherwise.
    await page.goto(`${readOnly.urls[0]}#/settings`);
    const toggle = page.getByTestId('text-only-switch');
    assert.equal(await toggle.isChecked(), true);
    await toggle.uncheck();
    const full = page.waitForResponse((res) => res.url().endsWith('/api/getArticle'));
    await openFromSearch(page, 'Agadez', 'Market day in Agadez');
    assert.match(
      await (await full).text(),
      /data:image\/png/,
      'with the switch off, the article comes with its images',
    );
    assert.deepEqual(images, [], 'no image was requested');
    await context.close();
  });

  it('with --write-token, prints a write link once, and a phone that opened it can bookmark', async () => {
    await readOnly.stop();
    const writable = await serveLan(archive, ['--write-token']);
    readOnly = writable;
    assert.match(writable.output, /On the local network \(changes only with the token\):/);
    assert.ok(writable.writeLink?.startsWith(`${writable.urls[0]}?token=`));
    assert.equal(writable.output.split(writable.writeLink!.split('token=')[1]!).length, 2, 'the token is printed once');

    const { context, page } = await openPhone(browser, writable.writeLink!);
    await page.getByTestId('library-item').first().waitFor();
    assert.doesNotMatch(page.url(), /token=/, 'the token leaves the address bar');
    await openFromSearch(page, 'millet', 'Millet harvest falls short');
    const saved = page.waitForResponse((res) => res.url().endsWith('/api/setBookmarked'));
    await page.getByTestId('reader-bookmark').click();
    assert.equal((await saved).status(), 200);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="reader-bookmark"]')?.getAttribute('aria-pressed') === 'true',
    );
    assert.equal(await page.getByTestId('read-only-notice').count(), 0);

    // Another phone, without the link, still only reads.
    const other = await openPhone(browser, writable.urls[0]!);
    await openFromSearch(other.page, 'irrigation', 'Solar pumps');
    await other.page.getByTestId('reader-bookmark').click();
    await other.page.getByTestId('read-only-notice').waitFor();
    await other.context.close();
    await context.close();
  });

  it('has no sharing switch under serve; with the desktop’s sharing API, shows the address, QR code and access', async () => {
    const served = await openPhone(browser, `${readOnly.urls[0]}#/settings`);
    await served.page.getByTestId('network-settings').waitFor();
    assert.equal(await served.page.getByTestId('share-switch').count(), 0);
    // The phone sees the archive's size, not where it is on the server (a path names the server's user).
    await served.page.getByTestId('stats-size').waitFor();
    assert.equal(await served.page.getByTestId('stats-location').count(), 0);
    await served.context.close();

    const context = await browser.newContext({ locale: 'en-US' });
    // What the preload exposes in the desktop app, answered as main's LanSharing would.
    await context.addInitScript(() => {
      const qr = `data:image/svg+xml;base64,${btoa('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><path d="M0 0h2v2H0z"/></svg>')}`;
      const stopped = {
        running: false,
        urls: [],
        qrCode: null,
        writes: false,
        writeLink: null,
        problem: null,
        detail: null,
      };
      const calls: unknown[] = [];
      Object.assign(window, {
        sharingCalls: calls,
        archiveSharing: {
          state: async () => stopped,
          stop: async () => (calls.push('stop'), stopped),
          start: async ({ writes }: { writes: boolean }) => {
            calls.push({ writes });
            const url = 'http://192.168.1.20:4310/';
            return {
              ...stopped,
              running: true,
              urls: [url],
              qrCode: qr,
              writes,
              writeLink: writes ? `${url}?token=t` : null,
            };
          },
        },
      });
    });
    const page = await context.newPage();
    await page.goto(`${readOnly.urls[0]}#/settings`);
    const share = page.getByTestId('share-switch');
    await share.check();
    const address = page.getByTestId('lan-address');
    await address.waitFor();
    assert.match(await address.innerText(), /http:\/\/192\.168\.1\.20:4310\//);
    assert.match(await address.innerText(), /Read-only/);
    assert.equal(await address.getByRole('img').getAttribute('alt'), 'QR code of http://192.168.1.20:4310/');
    assert.match((await address.getByRole('img').getAttribute('src')) ?? '', /^data:image\/svg\+xml;base64,/);
    await page.getByTestId('share-writes').check();
    await page.getByText('http://192.168.1.20:4310/?token=t').waitFor();
    await share.uncheck();
    await address.waitFor({ state: 'detached' });
    assert.deepEqual(await page.evaluate(() => (window as unknown as { sharingCalls: unknown[] }).sharingCalls), [
      { writes: false },
      { writes: true },
      'stop',
    ]);
    await context.close();
  });
});
