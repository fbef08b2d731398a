import { promises as fs } from 'node:fs';
import { extname } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../policy/content-security.ts';
import { APP_ORIGIN, isInside, resolveAppPath, type AppRoots } from './app-url.ts';

/**
 * Media is stored from imported articles, so it is untrusted: it is served for <img>, <video> and
 * <audio> only. Its own policy runs nothing and puts any document (an SVG opened directly, say) in
 * a unique origin, away from the app's origin and its archive API.
 */
export const MEDIA_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "img-src 'self' data:",
  "media-src 'self'",
  "style-src 'unsafe-inline'",
  'sandbox',
].join('; ');

const RENDERER_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

// Passive types only: a stored .js or .html is sent as bytes, which nosniff keeps from ever running.
const MEDIA_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
};

export interface ServeOptions {
  roots: AppRoots;
  /**
   * Origins whose pages may load from the scheme besides the app's own: the dev server in
   * development. Requests from an opaque origin ("null", the sandboxed article frames) or started
   * by the browser itself (no initiator) are served too.
   */
  extraInitiators?: readonly string[];
}

/**
 * The real path of `path` if it, and every symlink on the way to it, stays inside `root`'s real
 * path; null when it does not exist or leads elsewhere. (Electron's fs reads realpaths inside asar
 * archives too, so this holds for the packaged renderer.)
 */
export async function confineToRoot(path: string, root: string): Promise<string | null> {
  try {
    const [realRoot, realPath] = await Promise.all([fs.realpath(root), fs.realpath(path)]);
    return isInside(realRoot, realPath) ? realPath : null;
  } catch {
    return null;
  }
}

/** Whether a request's initiator (Electron's `request.initiatorOrigin`) may load from the scheme. */
export function isAllowedInitiator(initiator: string | undefined, extra: readonly string[] = []): boolean {
  return initiator === undefined || initiator === 'null' || initiator === APP_ORIGIN || extra.includes(initiator);
}

function plain(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...headers },
  });
}

/**
 * Answers one request to `app://archive-reader/`: the file from the built renderer or the media
 * folder, 404 for anything missing or refused (never saying which), 405 for a method other than
 * GET or HEAD. Every response carries nosniff and the policy of what it serves.
 */
export async function serveAppRequest(
  request: Request & { initiatorOrigin?: string },
  options: ServeOptions,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return plain(405, 'Method not allowed', { Allow: 'GET, HEAD' });
  if (!isAllowedInitiator(request.initiatorOrigin, options.extraInitiators)) return plain(403, 'Forbidden');
  const resolved = resolveAppPath(request.url, options.roots);
  if (!resolved) return plain(404, 'Not found');
  const realPath = await confineToRoot(resolved.path, resolved.root);
  if (!realPath) return plain(404, 'Not found');
  let body: Buffer;
  try {
    if (!(await fs.stat(realPath)).isFile()) return plain(404, 'Not found');
    body = await fs.readFile(realPath);
  } catch {
    return plain(404, 'Not found');
  }
  const types = resolved.kind === 'media' ? MEDIA_TYPES : RENDERER_TYPES;
  const headers = {
    'Content-Type': types[extname(realPath).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(body.byteLength),
    'Content-Security-Policy': resolved.kind === 'media' ? MEDIA_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
