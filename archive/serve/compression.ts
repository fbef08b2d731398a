import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import Negotiator from 'negotiator';
import { contentTypeOf } from './static-files.ts';

export type Encoding = 'br' | 'gzip' | 'identity';

/** What the server can send, best first: brotli is smaller than gzip for the same text. */
const ENCODINGS: Encoding[] = ['br', 'gzip', 'identity'];

/** API replies smaller than this go as they are: compressing them saves less than the headers cost. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * The encoding to answer with, from the request's Accept-Encoding: the client's q-values decide
 * (`br;q=0` never gets brotli), and between equals brotli, then gzip. A client that accepts
 * neither, or sends no header, gets the bytes as they are.
 */
export function negotiateEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(', ') : acceptEncoding;
  if (!header) return 'identity';
  const negotiator = new Negotiator({ headers: { 'accept-encoding': header } }) as Negotiator & {
    // negotiator 1.x: among encodings of equal q-value, `preferred` decides (its types predate the option).
    encodings(available: readonly string[], options: { preferred: readonly string[] }): string[];
  };
  const chosen = negotiator.encodings(ENCODINGS, { preferred: ENCODINGS })[0];
  return (ENCODINGS as string[]).includes(chosen ?? '') ? (chosen as Encoding) : 'identity';
}

/** Text formats gain from compression; images and fonts are compressed already. */
export function isCompressible(contentType: string): boolean {
  return /^(?:text\/|application\/(?:json|javascript|xml)|image\/svg\+xml)/.test(contentType);
}

/**
 * `body` in `encoding`. `thorough` is for files compressed once and sent many times (brotli's
 * best quality); API replies are compressed per request, so they use a quick setting.
 */
export async function compress(body: Buffer, encoding: Exclude<Encoding, 'identity'>, thorough: boolean) {
  if (encoding === 'br') {
    return brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: thorough ? constants.BROTLI_MAX_QUALITY : 5,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
  }
  return gzipAsync(body, { level: thorough ? constants.Z_BEST_COMPRESSION : 6 });
}

interface CompressedFile {
  /** Size and modification time of the file the buffers were made from: a rebuilt UI is compressed again. */
  size: number;
  mtimeMs: number;
  br: Buffer;
  gzip: Buffer;
}

/**
 * The built UI's text files, compressed once with brotli and gzip and kept in memory (the whole UI
 * is a few hundred kilobytes). `warm` compresses every file at start, in zlib's thread pool, so the
 * first phone to connect does not wait; a file asked for before then is compressed on the spot.
 */
export class StaticCompressionCache {
  private readonly files = new Map<string, Promise<CompressedFile>>();
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The bytes of `path` (already resolved inside the root) in `encoding`, or null for a file not worth compressing. */
  async get(path: string, encoding: Exclude<Encoding, 'identity'>): Promise<Buffer | null> {
    if (!isCompressible(contentTypeOf(path))) return null;
    let info;
    try {
      info = await stat(path);
    } catch {
      return null;
    }
    const cached = this.files.get(path);
    const current = cached && (await cached.catch(() => null));
    if (current && current.size === info.size && current.mtimeMs === info.mtimeMs) return current[encoding];
    const made = (async (): Promise<CompressedFile> => {
      const identity = await readFile(path);
      const [br, gz] = await Promise.all([compress(identity, 'br', true), compress(identity, 'gzip', true)]);
      return { size: info.size, mtimeMs: info.mtimeMs, br, gzip: gz };
    })();
    this.files.set(path, made);
    return (await made)[encoding];
  }

  /** Compresses every compressible file under the root; resolves when done (errors only skip a file). */
  async warm(): Promise<void> {
    let entries;
    try {
      entries = await readdir(this.root, { recursive: true, withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      await this.get(join(entry.parentPath, entry.name), 'br').catch(() => null);
    }
  }
}
