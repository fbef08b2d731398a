import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/**
 * The app's own scheme. The built renderer and the archive's stored media are served from
 * `app://archive-reader/`, a standard, secure origin of the app's own, instead of file: URLs, which
 * would give any page the app showed a whole disk to address.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'archive-reader';
/** The Web origin of the app's pages (no trailing slash, as `location.origin` reads it). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;
/**
 * The scheme's privileges: standard (a real origin, so relative URLs, 'self' in the CSP and
 * same-origin module scripts work) and secure (a secure context), and fetch() of its own files,
 * which the CSP's connect-src 'self' keeps to the app's origin. Nothing more: no CSP bypass, no
 * service workers, and no corsEnabled, so no other origin may read from it.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** The first path segment under which the archive's media folder is served. */
export const MEDIA_SEGMENT = 'media';

/** The folders the scheme serves. */
export interface AppRoots {
  /** The built renderer: out/renderer. */
  renderer: string;
  /** The archive's stored media, beside the archive file; it may not exist yet. */
  media: string;
}

export interface ResolvedAppPath {
  kind: 'renderer' | 'media';
  /** The root the path must stay in, absolute. */
  root: string;
  /** The file the URL names, lexically inside `root` (symlinks are checked by `confineToRoot`). */
  path: string;
}

// Only the canonical form Chromium hands a standard scheme's handler: lower-case scheme and host,
// no credentials, no port. The path is taken from the raw string, never from a URL parser, which
// would already have resolved `..` and `%2e%2e` segments and hidden them from the checks below.
const APP_URL = /^app:\/\/archive-reader(\/[^?#]*)?(?:[?#][\s\S]*)?$/;

// Characters no served file name needs: path separators, Windows' reserved characters (`:` covers
// drive letters and NTFS streams), `%` (what is left of a double encoding) and control characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_NAME = /[/\\:*?"<>|%\u0000-\u001f\u007f-\u009f]/;
// Windows opens these as devices whatever the folder or extension.
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;
const MAX_URL_PATH = 2048;

/** Whether one decoded path segment is a plain file or folder name. */
function isPlainName(name: string): boolean {
  // Checked as written and as NFKC folds it (a fullwidth `．．` is `..` there), so no Unicode form of a
  // separator, dot segment or device name slips through on a file system that normalises names.
  for (const form of new Set([name, name.normalize('NFKC')])) {
    if (form === '' || form.startsWith('.') || form.endsWith('.') || form.endsWith(' ')) return false;
    if (FORBIDDEN_IN_NAME.test(form) || WINDOWS_DEVICE.test(form)) return false;
  }
  return true;
}

/** Whether `path` lies strictly inside `root` (both absolute, on the same platform). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export interface AppPath {
  kind: 'renderer' | 'media';
  /** The decoded names of the path's segments inside that root, each a plain file or folder name. */
  names: string[];
}

/**
 * What an `app://archive-reader/…` URL names, or null. `/` is the renderer's index.html,
 * `/media/…` a file in the media folder, anything else a file of the built renderer. Each segment
 * is percent-decoded exactly once and must then be a plain name: `..` and `.` in any encoding
 * (`%2e%2e`, `%252e%252e`, fullwidth dots), separators (`%2f`, `\`, `%5c`), NUL, drive letters,
 * UNC and absolute paths (an empty segment), hidden files and Windows device names are all refused,
 * as is every URL not in the canonical form of the app's origin.
 */
export function parseAppPath(url: string): AppPath | null {
  const match = APP_URL.exec(url);
  if (!match) return null;
  const rawPath = match[1] ?? '/';
  if (rawPath.length > MAX_URL_PATH) return null;
  const rawSegments = rawPath === '/' ? ['index.html'] : rawPath.slice(1).split('/');
  const names: string[] = [];
  for (const raw of rawSegments) {
    let name: string;
    try {
      name = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (!isPlainName(name)) return null;
    names.push(name);
  }
  if (names[0] !== MEDIA_SEGMENT) return { kind: 'renderer', names };
  return names.length > 1 ? { kind: 'media', names: names.slice(1) } : null;
}

/**
 * The file an `app://archive-reader/…` URL names inside its root (see `parseAppPath`), or null.
 * Pure: it reads no file; `confineToRoot` then checks the real path, through any symlink.
 */
export function resolveAppPath(url: string, roots: AppRoots): ResolvedAppPath | null {
  const parsed = parseAppPath(url);
  if (!parsed) return null;
  const root = resolve(roots[parsed.kind]);
  const path = join(root, ...parsed.names);
  return isInside(root, path) ? { kind: parsed.kind, root, path } : null;
}

/** The archive's stored media: a `media` folder beside the archive file (it may not exist yet). */
export function mediaFolderBeside(archivePath: string): string {
  return join(dirname(resolve(archivePath)), MEDIA_SEGMENT);
}
