// Detectors for the XSS end-to-end test: a loopback canary server that counts every request made to
// it, and a watch on a Chromium context that records script executions (a sentinel global in every
// frame), dialogs, popups, frames, navigations and every request leaving the app's origin.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Frame, Page } from 'playwright-core';

export interface Canary {
  origin: string;
  /** Every request the canary received: method and path. */
  hits: string[];
  stop(): Promise<void>;
}

/** A server on 127.0.0.1 that answers every request with an empty page and remembers it. */
export async function startCanary(): Promise<Canary> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    // A 200, not a 204: a frame sent here commits its navigation, so the watch sees it.
    response.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type BreachKind = 'script' | 'dialog' | 'popup' | 'frame' | 'navigation' | 'request';

export interface Breach {
  kind: BreachKind;
  detail: string;
  /** What was on screen when it happened (set by the test as it opens each article). */
  during: string;
}

export interface Watch {
  breaches: Breach[];
  /** Requests to the app's own origin (the UI and its API), for the printed counts. */
  ownRequests: number;
  /** Why each request that left the origin failed ("url: net::ERR_…"): how it was stopped. */
  failed: string[];
  /** Labels what the page shows now, so a breach says which article caused it. */
  showing(label: string): void;
  count(kind: BreachKind): number;
  /** Lets a page the test opens itself in, before it is opened. */
  expectPage(): void;
}

const LOCAL_SCHEMES = /^(?:data|blob|about):/;

/**
 * Watches every page of `context`. `appUrl` is the page the test opens: a main-frame navigation is a
 * breach unless it stays on that document (the app's hash routes). Requests leave only to `appUrl`'s
 * origin: others are recorded and aborted, except those to the canary, which go through so that the
 * canary counts them too.
 */
export async function watchContext(context: BrowserContext, appUrl: string, canary: Canary): Promise<Watch> {
  const origin = new URL(appUrl).origin;
  const appDocument = appUrl.replace(/#.*$/, '');
  const ownPages = new Set<Page>();
  let expected = 0;
  let during = 'start';
  const watch: Watch = {
    breaches: [],
    ownRequests: 0,
    failed: [],
    showing: (label) => void (during = label),
    count: (kind) => watch.breaches.filter((breach) => breach.kind === kind).length,
    expectPage: () => void (expected += 1),
  };
  const breach = (kind: BreachKind, detail: string) => watch.breaches.push({ kind, detail, during });

  await context.exposeBinding('__xss', ({ frame }: { frame: Frame }, id: unknown) => {
    breach('script', `sentinel ${String(id)} called in ${frame.url() || 'a frame'}`);
  });
  // print() and window.open() show no dialog event: they report to the sentinel too.
  await context.addInitScript(() => {
    const report = (what: string) => (window as unknown as { __xss?: (id: string) => void }).__xss?.(what);
    window.print = () => report('print()');
    const open = window.open.bind(window);
    window.open = (...args: Parameters<typeof window.open>) => {
      report(`open(${String(args[0])})`);
      return open(...args);
    };
  });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith(`${canary.origin}/`)) await route.continue();
    else await route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(`${origin}/`)) watch.ownRequests += 1;
    else if (!LOCAL_SCHEMES.test(url)) breach('request', `${request.method()} ${url}`);
  });
  context.on('requestfailed', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`)) watch.failed.push(`${url}: ${request.failure()?.errorText ?? ''}`);
  });
  context.on('dialog', (dialog) => {
    breach('dialog', `${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  context.on('page', (page) => {
    if (expected > 0) {
      expected -= 1;
      ownPages.add(page);
    } else {
      breach('popup', page.url());
      void page.close().catch(() => undefined);
    }
    page.on('frameattached', (frame) => breach('frame', `frame attached to ${frame.parentFrame()?.url() ?? ''}`));
    page.on('framenavigated', (frame) => {
      const url = frame.url();
      if (frame !== page.mainFrame()) breach('navigation', `frame to ${url}`);
      else if (ownPages.has(page) && url.replace(/#.*$/, '') !== appDocument) breach('navigation', `page to ${url}`);
    });
  });
  return watch;
}
