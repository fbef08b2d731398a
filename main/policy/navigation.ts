import { APP_HOST, parseAppPath } from '../protocol/app-url.ts';

/**
 * Where the renderer may go. The window shows imported articles, so any link in them is untrusted:
 * only the app's own pages load inside the app, and a few link kinds may leave it for the browser.
 */

export type NavigationDecision = 'allow' | 'deny' | 'open-external';

export interface NavigationContext {
  /** The URL prefix the app's pages live under (see `appOriginOf`). */
  appOrigin: string;
  isMainFrame: boolean;
}

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

// Some mail clients honour `attach=` and friends, which would let a link mail out a local file.
const MAILTO_FIELDS = new Set(['to', 'cc', 'bcc', 'subject', 'body']);

// An inline frame (e.g. an article shown in a sandboxed srcdoc iframe) loads nothing and inherits
// the embedding page's policy, so it is as safe as the page that holds it.
const INLINE_FRAME_URLS = new Set(['about:srcdoc', 'about:blank']);

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The prefix that `isAppUrl` matches for a page the window loads: `app://archive-reader/` in
 * production, a dev server's whole origin in development. file: is never the app: its origin is
 * opaque, and trusting a file: folder would trust whatever else is written there.
 */
export function appOriginOf(pageUrl: string): string {
  const page = new URL(pageUrl);
  if (page.protocol === 'app:' && page.host === APP_HOST) return `app://${APP_HOST}/`;
  if (page.protocol === 'http:' || page.protocol === 'https:') return `${page.origin}/`;
  throw new Error(`The app's pages are served from app:// or a dev server, not ${page.protocol}`);
}

/** True when `url` is one of the app's own pages or assets, or its stored media. */
export function isAppUrl(url: string, appOrigin: string): boolean {
  const target = parseUrl(url);
  const base = parseUrl(appOrigin);
  if (!target || !base) return false;
  if (base.protocol === 'app:') {
    // Node reads app: as a non-special scheme (its origin is "null"), so the parts are compared
    // one by one; Chromium hands the canonical, lower-case form, and anything else fails closed.
    return (
      target.protocol === 'app:' &&
      target.host === base.host &&
      target.username === '' &&
      target.password === '' &&
      target.pathname.startsWith('/')
    );
  }
  if (base.protocol === 'http:' || base.protocol === 'https:') return target.origin === base.origin;
  return false;
}

/**
 * True for one of the app's own pages: an app URL that is not stored media. Media comes from
 * imported articles, so it is never loaded as a document in the app's origin, never trusted with
 * the archive API, and never given the app's CSP in place of its own.
 */
export function isAppPage(url: string, appOrigin: string): boolean {
  if (!isAppUrl(url, appOrigin)) return false;
  // Classified exactly as the protocol handler will serve it, so `/%6dedia/` is media here too.
  return new URL(appOrigin).protocol !== 'app:' || parseAppPath(url)?.kind === 'renderer';
}

function hasControlOrSpace(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/**
 * True for a link the user may open in their own browser or mail client: http, https and mailto
 * only. Every other scheme can start a local program or reach local files (file:, smb:, UNC paths,
 * ms-msdt:, search-ms:, javascript:, ...), so it is refused, as is anything that does not parse.
 */
export function isAllowedExternalUrl(url: string): boolean {
  // The URL parser silently drops tabs and newlines and trims spaces, so `java\tscript:` would
  // otherwise be judged on a different string from the one written in the article.
  if (hasControlOrSpace(url)) return false;
  const parsed = parseUrl(url);
  if (!parsed || !EXTERNAL_PROTOCOLS.has(parsed.protocol)) return false;
  if (parsed.protocol === 'mailto:') {
    return [...parsed.searchParams.keys()].every((field) => MAILTO_FIELDS.has(field.toLowerCase()));
  }
  // Credentials in a link are a classic disguise: https://trusted.example@evil.example/.
  return parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/** What to do when a frame of the app's window is about to navigate to `url`. */
export function navigationDecision(url: string, context: NavigationContext): NavigationDecision {
  if (isAppPage(url, context.appOrigin)) return 'allow';
  if (isAppUrl(url, context.appOrigin)) return 'deny';
  if (!context.isMainFrame && INLINE_FRAME_URLS.has(url)) return 'allow';
  if (isAllowedExternalUrl(url)) return 'open-external';
  return 'deny';
}
