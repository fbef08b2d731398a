import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { MethodName } from '../api/contract.ts';
import type { Envelope } from '../api/envelope.ts';

/**
 * The methods that only read the archive. A server reachable from other machines answers only
 * these unless it was given a token; every other method (present or future) counts as a write.
 */
export const READ_METHODS = [
  'search',
  'searchFacets',
  'getArticle',
  'listArticles',
  'listTags',
  'listHighlights',
  'listCollections',
  'listSavedSearches',
  'getStats',
  // Import jobs' progress and stored reports.
  'getImportProgress',
  'listImportRuns',
  'getImportReport',
  // Citations and exports answer a file's content; they write nothing.
  'citeArticles',
  'exportArticle',
  'exportLibraryCsv',
  'exportNotebook',
] as const satisfies readonly MethodName[];

/**
 * Methods that name files on the server's own disk: only its own user, on loopback, may call them,
 * token or not, or any reader of the LAN could import whatever the server can read.
 */
export const LOCAL_ONLY_METHODS = [
  'importPaths',
  'startImport',
  'cancelImport',
  // The archive's own files: backups name files beside it, a restore replaces it, and a check reads all of it.
  'listBackups',
  'backupNow',
  'restoreBackup',
  'checkArchive',
  'getStartupReport',
  // A bundle is written to (and a delta starts from) a path on this machine; estimating one reads the whole scope.
  'estimateBundle',
  'exportBundle',
  'startBundleExport',
  'getBundleExportProgress',
  'cancelBundleExport',
] as const satisfies readonly MethodName[];

/** A source path without its folders (`/home/ana/saved/page.html#3` → `page.html#3`). */
function fileNameOnly(path: string): string {
  const hash = path.indexOf('#');
  const [file, position] = hash === -1 ? [path, ''] : [path.slice(0, hash), path.slice(hash)];
  return (file.split(/[\\/]/).at(-1) ?? '') + position;
}

function withoutFolders(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutFolders);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === 'sourcePath' && typeof inner === 'string' ? fileNameOnly(inner) : withoutFolders(inner),
    ]),
  );
}

/**
 * An answer as a client on another device gets it: the archive's location is left out and the
 * files articles came from keep only their names, since a full path names the server's user
 * (/home/ana/…) and is of no use to open anything from elsewhere.
 */
export function withoutLocalPaths(method: MethodName, envelope: Envelope<unknown>): Envelope<unknown> {
  if (!envelope.ok) return envelope;
  const value = withoutFolders(envelope.value);
  if (method === 'getStats' && typeof value === 'object' && value !== null) {
    return { ok: true, value: { ...value, location: null } };
  }
  return { ok: true, value };
}

export function isLocalOnlyMethod(method: MethodName): boolean {
  return (LOCAL_ONLY_METHODS as readonly string[]).includes(method);
}

export function isReadMethod(method: MethodName): boolean {
  return (READ_METHODS as readonly string[]).includes(method);
}

/** 127.0.0.0/8, ::1 (and ::ffff:127.x.x.x) or "localhost": reachable from this machine only. */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice('::ffff:'.length) : bare;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/**
 * Who may write:
 * - loopback without a token: anyone on this machine (as before: the desktop app's own UI over HTTP);
 * - any address with a token: requests carrying "Authorization: Bearer <token>";
 * - another address without a token: nobody, the API is read-only.
 */
export type Access = 'read-write' | 'token' | 'read-only';

export function accessFor(address: string, token: string | undefined): Access {
  if (token) return 'token';
  return isLoopbackAddress(address) ? 'read-write' : 'read-only';
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Compares an Authorization header with the token in constant time (both hashed to the same length first). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '';
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

/**
 * The host names a request may be addressed to (no DNS rebinding): loopback names, the address
 * listened on and, when that is every interface (0.0.0.0 or ::), this machine's own addresses.
 */
export function allowedHostNames(address: string): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '::1', address.replace(/^\[|\]$/g, '').toLowerCase()]);
  if (address === '0.0.0.0' || address === '::') {
    for (const entries of Object.values(networkInterfaces())) {
      for (const entry of entries ?? []) names.add(entry.address.toLowerCase());
    }
  }
  return names;
}
