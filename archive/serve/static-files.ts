import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Resolves a URL path to a file inside `root`, or null when it would leave it (encoded "..",
 * backslashes, NUL) or is not a plain path.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const absoluteRoot = resolve(root);
  const target = resolve(absoluteRoot, relative);
  return target.startsWith(absoluteRoot + sep) ? target : null;
}

export function contentTypeOf(path: string): string {
  return TYPES[extname(path)] ?? 'application/octet-stream';
}

export async function readStatic(
  root: string,
  urlPath: string,
): Promise<{ path: string; body: Buffer; type: string } | null> {
  const path = resolveStaticPath(root, urlPath);
  if (!path) return null;
  try {
    if (!(await stat(path)).isFile()) return null;
    return { path, body: await readFile(path), type: contentTypeOf(path) };
  } catch {
    return null;
  }
}
